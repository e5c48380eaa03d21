// A big XML file is parsed in byte-range slices by two workers at once. The case must not be able to
// tell: the same rows, record numbers, errors and hash as a whole-file import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCase, type CaseDb } from '../../../electron/engine/store/openCase.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { planSlices } from '../../../electron/engine/import/planSlices.js';
import { NEEDS_SHARED, realLogsDir, tempDir } from '../../support/paths.js';
import { eventXml, wevtutilFile } from '../../support/miniEvents.js';

async function rows(db: CaseDb): Promise<string[]> {
  const r = await db.conn.runAndReadAll(
    `SELECT record_no, record_id, ts::VARCHAR AS ts, event_id, pid, command_line, md5(xml) AS x
     FROM win_events ORDER BY record_no`,
  );
  return r.getRowObjectsJson().map((o) => JSON.stringify(o));
}

async function importWith(
  path: string,
  dir: string,
  name: string,
  minSliceBytes: number,
  workers = 2,
  slices?: number,
) {
  const db = await openCase(join(dir, `${name}.duckdb`));
  const importer = new Importer(db, workers);
  const [summary] = await importer.importPaths([path], { minSliceBytes, ...(slices ? { slices } : {}) });
  await importer.close();
  return { db, summary: summary! };
}

for (const [label, make] of [
  ['a clean wevtutil stream', () => Buffer.from(wevtutilFile(3000))],
  [
    'a file with a bad event in its second half',
    () =>
      Buffer.concat([
        Buffer.from(wevtutilFile(1500)),
        Buffer.from(
          eventXml({ eventId: 4688, recordId: 9, time: '2026-03-14T09:00:00Z', data: { A: 'XX' } }),
        ).map((b) => (b === 0x58 ? 0xff : b)),
        Buffer.from(wevtutilFile(1500, 5000)),
      ]),
  ],
  [
    // Event starts are counted ahead of the parse to number later slices; these are not records, so
    // the later slices are loaded numbered too high and must be moved down.
    'thousands of event-like tags inside CDATA, early in the file',
    () =>
      Buffer.from(
        eventXml({ eventId: 4688, recordId: 1, time: '2026-03-14T09:00:00Z', data: { A: 'x' } }).replace(
          "<Data Name='A'>x</Data>",
          `<Data Name='A'>${'<![CDATA[<Event c> <Event/>]]>'.repeat(20000)}</Data>`,
        ) +
          '\r\n' +
          wevtutilFile(3000, 2),
      ),
  ],
  [
    'a DOCTYPE in the second half: the file ends there, sliced or not',
    () => Buffer.from(wevtutilFile(2000) + '<!DOCTYPE x [<!ENTITY a "b">]>\r\n' + wevtutilFile(1000, 2001)),
  ],
] as const) {
  test(`sliced and whole imports agree: ${label}`, async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'big.xml');
      writeFileSync(path, make());
      const whole = await importWith(path, dir, 'whole', 1 << 30);
      // Two slices on two workers; then seven on two and on one, the later slices queuing for a worker.
      for (const [name, workers, slices] of [
        ['sliced', 2, undefined],
        ['queued', 2, 7],
        ['one-worker', 1, 7],
      ] as const) {
        if (slices) {
          const planned = await planSlices(path, slices, 64 * 1024);
          assert.ok((planned?.length ?? 0) > workers, `${name}: more slices than workers`);
        }
        const sliced = await importWith(path, dir, name, 64 * 1024, workers, slices);
        assert.equal(sliced.summary.sha256, whole.summary.sha256, name);
        assert.equal(sliced.summary.events, whole.summary.events, name);
        assert.equal(sliced.summary.skipped, whole.summary.skipped, name);
        assert.equal(sliced.summary.variant, whole.summary.variant, name);
        assert.deepEqual(sliced.summary.errors, whole.summary.errors, name);
        assert.deepEqual(await rows(sliced.db), await rows(whole.db), name);
        sliced.db.close();
      }
      whole.db.close();
    } finally {
      cleanup();
    }
  });
}

test(
  'sliced import of a real python-evtx recording matches the whole-file import',
  { skip: NEEDS_SHARED },
  async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(realLogsDir, 'sans-blue-team__DeepBlueCLI/evtx/smb-password-guessing-security.xml');
      const whole = await importWith(path, dir, 'whole', 1 << 30);
      const sliced = await importWith(path, dir, 'sliced', 256 * 1024);
      assert.equal(whole.summary.events, 3561);
      assert.equal(sliced.summary.events, 3561);
      assert.deepEqual(sliced.summary.errors, []);
      assert.deepEqual(await rows(sliced.db), await rows(whole.db));
      whole.db.close();
      sliced.db.close();
    } finally {
      cleanup();
    }
  },
);
