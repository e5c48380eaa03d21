// Every real attack recording in ../shared/real-logs read from its original .evtx gives the events its
// python-evtx XML gives, field for field (python-evtx's own conventions undone, see evtxOracle.ts), and
// the analytics give the same findings on either. Each recording is its own case, imported through the
// real pipeline (sniffing by content, worker, segments, DuckDB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../shared/report.js';
import { runAnalytics } from '../../../electron/engine/analytics/index.js';
import { importIntoMemoryCase } from '../../support/importCase.js';
import { needsShared, readRows, rowDifferences, sharedDir } from '../../support/evtxOracle.js';

const realLogsDir = join(sharedDir, 'real-logs');

interface Entry {
  id: string;
  events: number;
  files: Array<{ path: string }>;
}

/**
 * A finding as JSON, without what names the file rather than the event (the source's hash, and the
 * finding id made from it) and with times to the second: python-evtx's times can be a microsecond or
 * two off the FILETIME (it converts through a double), and the event comparison above holds them to that.
 */
function comparable(findings: Finding[]): string[] {
  return findings
    .map((f) =>
      JSON.stringify({ ...f, id: undefined })
        .replace(/"[0-9a-f]{64}"/g, '"<source>"')
        .replace(/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.\d+Z/g, '$1Z'),
    )
    .sort();
}

async function findingsOf(path: string): Promise<{ findings: Finding[]; format: string; events: number }> {
  const { db, sources } = await importIntoMemoryCase([path]);
  try {
    const findings = await runAnalytics(db.conn, {});
    return { findings, format: sources[0]!.format, events: sources[0]!.events };
  } finally {
    db.close();
  }
}

test('each real recording: its .evtx gives the events and the findings of its XML', async (t) => {
  if (!needsShared(t, join(realLogsDir, 'manifest.json'))) return;
  const manifest = JSON.parse(readFileSync(join(realLogsDir, 'manifest.json'), 'utf8')) as {
    entries: Entry[];
  };
  for (const entry of manifest.entries) {
    const evtx = entry.files.find((f) => f.path.endsWith('.evtx'));
    const xml = entry.files.find((f) => f.path.endsWith('.xml'));
    if (evtx === undefined || xml === undefined) continue;
    await t.test(`${entry.id} ${evtx.path}`, async () => {
      const ours = await readRows(join(realLogsDir, evtx.path));
      const theirs = await readRows(join(realLogsDir, xml.path));
      assert.deepEqual(ours.errors, []);
      assert.equal(ours.rows.length, entry.events);
      const differences = ours.rows.flatMap((row, i) => rowDifferences(row, theirs.rows[i]!));
      assert.deepEqual(differences.slice(0, 20), [], `${differences.length} differences`);

      const fromEvtx = await findingsOf(join(realLogsDir, evtx.path));
      const fromXml = await findingsOf(join(realLogsDir, xml.path));
      assert.equal(fromEvtx.format, 'windows-evtx');
      assert.equal(fromEvtx.events, entry.events);
      assert.deepEqual(comparable(fromEvtx.findings), comparable(fromXml.findings));
    });
  }
});
