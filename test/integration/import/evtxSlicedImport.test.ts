// A big .evtx is parsed as runs of whole chunks by two workers at once. The case must not be able to
// tell: the same rows, record numbers, record offsets, errors and hash as a whole-file import, on a sound
// file and on damaged ones (whose later slices are numbered from a count that can be too high, then
// moved down).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCase, type CaseDb } from '../../../electron/engine/store/openCase.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { planSlices } from '../../../electron/engine/import/planSlices.js';
import { sharedDir, tempDir } from '../../support/paths.js';
import { varietyEvtx } from '../../support/varietyEvents.js';

async function rows(db: CaseDb): Promise<string[]> {
  const r = await db.conn.runAndReadAll(
    `SELECT record_no, record_id, record_offset, ts::VARCHAR AS ts, event_id, host, command_line, data::VARCHAR AS d
     FROM win_events ORDER BY record_no`,
  );
  return r.getRowObjectsJson().map((o) => JSON.stringify(o));
}

async function importWith(path: string, dir: string, name: string, minSliceBytes: number) {
  const db = await openCase(join(dir, `${name}.duckdb`));
  const importer = new Importer(db, 2);
  const [summary] = await importer.importPaths([path], { minSliceBytes });
  await importer.close();
  return { db, summary: summary! };
}

const SAMPLES = join(sharedDir, 'evtx-samples');
const CASES: Array<[string, () => Buffer | null]> = [
  ['a sound synthetic file', () => varietyEvtx(2500)],
  [
    'a chunk with a bad magic and records with blank ends',
    () => (existsSync(SAMPLES) ? readFileSync(join(SAMPLES, 'sample_with_a_bad_chunk_magic.evtx')) : null),
  ],
  [
    'chunks with bad checksums from a shadow copy',
    () =>
      existsSync(SAMPLES)
        ? readFileSync(
            join(SAMPLES, '2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS%4Operational.evtx'),
          )
        : null,
  ],
];

for (const [label, make] of CASES) {
  test(`sliced and whole .evtx imports agree: ${label}`, async (t) => {
    const bytes = make();
    if (bytes === null) {
      t.skip(`needs ${SAMPLES}: ../shared is only on this team's machines and CI`);
      return;
    }
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'log.evtx');
      writeFileSync(path, bytes);
      const planned = await planSlices(path, 2, 64 * 1024);
      assert.equal(planned?.length, 2, 'two slices');
      const whole = await importWith(path, dir, 'whole', 1 << 30);
      const sliced = await importWith(path, dir, 'sliced', 64 * 1024);
      assert.equal(sliced.summary.sha256, whole.summary.sha256);
      assert.equal(sliced.summary.events, whole.summary.events);
      assert.equal(sliced.summary.skipped, whole.summary.skipped);
      assert.deepEqual(sliced.summary.errors, whole.summary.errors);
      assert.deepEqual(await rows(sliced.db), await rows(whole.db));
      sliced.db.close();
      whole.db.close();
    } finally {
      cleanup();
    }
  });
}
