import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderSampleCase } from '../../../tools/synth/sample/writeSampleCase.js';
import { sampleEvidenceDir, sampleLogsDir } from '../../support/paths.js';
import { readEvents } from './eventText.js';
import { readManifest } from './sampleRecords.js';

test('regenerating the sample case gives byte-identical files to the committed ones', () => {
  const fresh = renderSampleCase();
  const differing: string[] = [];
  for (const [name, bytes] of fresh) {
    const path = join(sampleLogsDir, name);
    if (!existsSync(path) || !readFileSync(path).equals(bytes)) differing.push(name);
  }
  assert.deepEqual(differing, [], 'run `node dist/tools/synth/makeSampleLogs.js` and commit sample-logs/');
  const committed = (readdirSync(sampleLogsDir, { recursive: true }) as string[]).filter(
    (n) => n !== 'README.md' && !statSync(join(sampleLogsDir, n)).isDirectory(),
  );
  assert.deepEqual(
    committed.sort(),
    [...fresh.keys()].sort(),
    'sample-logs/ holds exactly the generated files and README.md',
  );
});

test('the sample case stays small enough to commit: no file over 5 MB, under 40 MB in all', () => {
  let total = 0;
  for (const name of readdirSync(sampleLogsDir, { recursive: true }) as string[]) {
    const size = statSync(join(sampleLogsDir, name)).size;
    assert.ok(size <= 5 * 1024 * 1024, `${name} is ${size} bytes`);
    total += size;
  }
  assert.ok(total < 40 * 1024 * 1024, `sample-logs/ is ${total} bytes`);
});

test('the manifest counts match the files, event by event id', () => {
  const manifest = readManifest();
  let windowsEvents = 0;
  for (const [name, entry] of Object.entries(manifest.files)) {
    const path = join(sampleEvidenceDir, name);
    assert.equal(statSync(path).size, entry.bytes, `${name} bytes`);
    if (entry.format === 'windows-xml') {
      const events = readEvents(path);
      assert.equal(events.length, entry.events, `${name} events`);
      const counts: Record<string, number> = {};
      for (const ev of events) {
        const key = `${/<Channel>([^<]*)<\/Channel>/.exec(ev)![1]}:${/<EventID[^>]*>(\d+)</.exec(ev)![1]}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      assert.deepEqual(counts, entry.counts, `${name} per event id`);
      windowsEvents += events.length;
    } else {
      const text = readFileSync(path, 'utf8');
      const n = text.startsWith('[')
        ? (JSON.parse(text) as unknown[]).length
        : text.startsWith('{"@odata')
          ? (JSON.parse(text) as { value: unknown[] }).value.length
          : text.trim().split('\n').length;
      assert.equal(n, entry.events, `${name} records`);
    }
  }
  assert.ok(windowsEvents > 15_000, `only ${windowsEvents} Windows events`);
  const formats = new Set(Object.values(manifest.files).map((f) => `${f.format}/${f.variant}`));
  for (const f of [
    'windows-xml/wevtutil',
    'windows-xml/event-viewer',
    'windows-xml/powershell-lines',
    'windows-xml/python-evtx',
    'entra-signins/graph',
    'entra-signins/log-analytics',
    'entra-audits/graph',
    'entra-audits/log-analytics',
    'entra-mixed/diagnostic-settings',
  ]) {
    assert.ok(formats.has(f), `a ${f} file is in the case`);
  }
});

test('the allowlist has the shape the analytics read', () => {
  const allow = JSON.parse(readFileSync(join(sampleLogsDir, 'allowlist.json'), 'utf8')) as Record<
    string,
    Array<{ value: string; reason: string }>
  >;
  assert.deepEqual(Object.keys(allow), ['accounts', 'tools', 'sourceIps', 'hosts']);
  assert.ok(allow.accounts!.some((a) => a.value === 'CORP\\svc_provision'));
  assert.ok(allow.tools!.some((t) => t.value === 'C:\\Scripts\\Provision-NewHires.ps1'));
  assert.ok(allow.sourceIps!.some((s) => /pentest|penetration/i.test(s.reason)));
  for (const list of Object.values(allow)) for (const e of list) assert.ok(e.value && e.reason);
});
