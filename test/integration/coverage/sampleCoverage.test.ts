// Coverage of the bundled sample case, checked against the "Coverage facts" that sample-logs/EXPECTED.md
// states (so a regenerated sample case is checked against its own facts), and the events behind every
// matrix cell counted again through coverage_events.sql, which must agree with coverage.sql cell for cell.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TELEMETRY_KEYS } from '../../../shared/coverageTelemetry.js';
import type { HostCoverage } from '../../../shared/report.js';
import { computeCoverage, coverageEventRefs } from '../../../electron/engine/coverage/index.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { openCase, type CaseDb } from '../../../electron/engine/store/openCase.js';
import { sampleLogsDir, tempDir } from '../../support/paths.js';

interface Fact {
  host: string;
  fact: string;
  [field: string]: string;
}

/** `- host: WS02; fact: …; time: …; by: …` lines of EXPECTED.md's "Coverage facts" section. */
function coverageFacts(): Fact[] {
  const text = readFileSync(join(sampleLogsDir, 'EXPECTED.md'), 'utf8');
  const section = text.split(/^## Coverage facts$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('- host:'))
    .map(
      (l) =>
        Object.fromEntries(
          l
            .slice(2)
            .split('; ')
            .map((p) => p.split(/: (.*)/s).slice(0, 2)),
        ) as Fact,
    );
}

const scratch = tempDir('accountscope-coverage-sample-');
let db: CaseDb;
let hosts: HostCoverage[];
const byShortName = (name: string) =>
  hosts.find((h) => h.host.split('.')[0]!.toLowerCase() === name.toLowerCase())!;

before(async () => {
  db = await openCase(join(scratch.dir, 'case.duckdb'));
  const importer = new Importer(db);
  await importer.importPaths([sampleLogsDir]);
  await importer.close();
  hosts = await computeCoverage(db.conn);
});

after(() => {
  db?.close();
  scratch.cleanup();
});

test('EXPECTED.md states the coverage facts this test checks', () => {
  const facts = coverageFacts();
  assert.ok(facts.length >= 5, JSON.stringify(facts));
  assert.ok(facts.some((f) => /log cleared/.test(f.fact)));
  assert.ok(facts.some((f) => /no events at all/.test(f.fact)));
});

test('one row per host, then Entra ID as a pseudo-host', () => {
  assert.deepEqual(
    hosts.map((h) => h.host),
    [
      'ADM01.corp.local',
      'DC01.corp.local',
      'FS01.corp.local',
      'SRV-PROV01.corp.local',
      'WS01.corp.local',
      'WS02.corp.local',
      'Entra ID',
    ],
  );
  const entra = hosts.at(-1)!;
  assert.equal(entra.kind, 'entra');
  assert.ok(entra.telemetry['signin_interactive']! > 0 && entra.telemetry['signin_noninteractive']! > 0);
  assert.ok(entra.telemetry['audit']! > 0);
  assert.equal(entra.analytics.T1589.state, 'full');
  for (const h of hosts) assert.ok(h.first <= h.last && /Z$/.test(h.first), h.host);
});

test('hosts without process creation: AN1235 blind, AN1604 partial with no lineage', () => {
  for (const f of coverageFacts().filter((x) => /no process creation telemetry/.test(x.fact))) {
    const h = byShortName(f.host);
    assert.equal(h.telemetry['4688'] ?? 0, 0, f.host);
    assert.equal(h.telemetry['sysmon_1'] ?? 0, 0, f.host);
    assert.equal(h.analytics.AN1235.state, 'blind', `${f.host}: ${h.analytics.AN1235.reason}`);
    assert.match(h.analytics.AN1235.reason, /no process creation/);
  }
  // WS02 creates helpdesk_tmp with nothing to show how: the finding will have no lineage.
  const ws02 = byShortName('WS02');
  assert.equal(ws02.analytics.AN1604.state, 'partial');
  assert.match(
    ws02.analytics.AN1604.reason,
    /^4720 present but no process creation: account creations will have no lineage/,
  );
  assert.equal(ws02.analytics.AN1612.state, 'blind');
});

test('hosts without Sysmon: process creation yes, file creation no', () => {
  for (const f of coverageFacts().filter((x) => /^no Sysmon/.test(x.fact))) {
    const h = byShortName(f.host);
    assert.ok((h.telemetry['4688_cmdline'] ?? 0) > 0, f.host);
    assert.equal(h.telemetry['sysmon_1'] ?? 0, 0, f.host);
    assert.equal(h.analytics.AN1612.state, 'partial');
    assert.match(h.analytics.AN1612.reason, /no Sysmon 11/);
  }
});

test('the silent stretch inside WS01’s span is a gap, and the only one', () => {
  const fact = coverageFacts().find((f) => /no events at all/.test(f.fact))!;
  const h = byShortName(fact.host);
  assert.equal(h.gaps.length, 1, JSON.stringify(h.gaps));
  const gap = h.gaps[0]!;
  // The gap runs from the last event before the silence to the first after it.
  assert.ok(gap.from <= fact['from']! && gap.to >= fact['to']!, JSON.stringify({ gap, fact }));
  assert.ok(Date.parse(fact['from']!) - Date.parse(gap.from) < 30 * 60_000, 'starts near the stated time');
  assert.ok(Date.parse(gap.to) - Date.parse(fact['to']!) < 30 * 60_000, 'ends near the stated time');
  assert.equal(Math.round(gap.seconds), Math.round((Date.parse(gap.to) - Date.parse(gap.from)) / 1000));
});

test('the log clears on WS02 name the account that cleared them', () => {
  const security = coverageFacts().find((f) => /Security log cleared/.test(f.fact))!;
  const ws02 = byShortName(security.host);
  const clear1102 = ws02.logCleared.find((c) => c.eventId === 1102)!;
  assert.equal(clear1102.time.slice(0, 19), security['time']!.slice(0, 19));
  assert.equal(clear1102.user, security['by']);
  assert.equal(clear1102.channel, 'Security');
  assert.match(clear1102.source, /^[0-9a-f]{64}$/);
  const system = coverageFacts().find((f) => /PowerShell log cleared/.test(f.fact))!;
  const clear104 = ws02.logCleared.find((c) => c.eventId === 104)!;
  assert.equal(clear104.user, system['by']);
  assert.equal(clear104.channel, 'Windows PowerShell');
  for (const h of hosts.filter((x) => x !== ws02)) assert.deepEqual(h.logCleared, [], h.host);
});

test('a longer gap threshold drops the shorter gaps', async () => {
  const wide = await computeCoverage(db.conn, { gapSeconds: 4 * 3600 });
  assert.deepEqual(wide.find((h) => h.host === 'WS01.corp.local')!.gaps, []);
  for (const h of wide)
    assert.ok(
      h.gaps.every((g) => g.seconds > 4 * 3600),
      h.host,
    );
  await assert.rejects(computeCoverage(db.conn, { gapSeconds: 0 }), RangeError);
});

test('every key the SQL counts is named in shared/coverageTelemetry', () => {
  for (const h of hosts)
    for (const key of Object.keys(h.telemetry)) assert.ok(TELEMETRY_KEYS.includes(key), key);
});

test('the events behind each matrix cell add up to its count (coverage_events.sql agrees with coverage.sql)', async () => {
  for (const h of hosts) {
    for (const key of TELEMETRY_KEYS) {
      const page = await coverageEventRefs(db.conn, { host: h.host, telemetry: key, offset: 0, limit: 1 });
      assert.equal(page.total, h.telemetry[key] ?? 0, `${h.host} ${key}`);
    }
  }
  // Hosts match case-insensitively; a page past the end still reports the total.
  const past = await coverageEventRefs(db.conn, {
    host: 'ws02.CORP.local',
    telemetry: 'log_cleared',
    offset: 10,
    limit: 5,
  });
  assert.deepEqual(past, { total: 2, refs: [] });
});
