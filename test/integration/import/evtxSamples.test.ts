// The .evtx reader on real binary logs with edge cases and damage (../shared/evtx-samples): it recovers
// at least as many records as the Rust `evtx` crate's own tests assert, says where every record it could
// not read lies, and where python-evtx read the whole file, agrees with it field by field (through the
// XML reader, with python-evtx's own conventions undone; see evtxOracle.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { needsShared, readRows, rowDifferences, sharedDir } from '../../support/evtxOracle.js';

interface SampleEntry {
  file: string;
  exercises: string;
  rust_evtx_records_ok?: number;
  rust_evtx_records_err?: number;
  rust_evtx_records_total?: number;
  python_evtx: { records: number; complete: boolean; xml?: string };
}

const samplesDir = join(sharedDir, 'evtx-samples');

test("every .evtx sample: at least the Rust parser's records, damage located, python-evtx matched", async (t) => {
  if (!needsShared(t, join(samplesDir, 'manifest.json'))) return;
  const manifest = JSON.parse(readFileSync(join(samplesDir, 'manifest.json'), 'utf8')) as {
    entries: SampleEntry[];
  };
  for (const entry of manifest.entries) {
    await t.test(`${entry.file} (${entry.exercises})`, async () => {
      const got = await readRows(join(samplesDir, entry.file));
      assert.equal(got.fatal, null);
      assert.equal(got.format, 'windows-evtx');
      // The Rust parser's bar: its good records, or for the zero-size sample all records but that one.
      const bar = entry.rust_evtx_records_ok ?? (entry.rust_evtx_records_total ?? 1) - 1;
      assert.ok(got.rows.length >= bar, `${got.rows.length} records, the Rust parser reads ${bar}`);
      assert.ok(
        got.rows.length >= entry.python_evtx.records,
        `python-evtx reads ${entry.python_evtx.records}`,
      );
      for (const e of got.errors) {
        assert.equal(typeof e.offset, 'number', `every problem has its byte offset: ${e.message}`);
        assert.ok(e.offset! < readFileSync(join(samplesDir, entry.file)).length);
      }
      assert.equal(new Set(got.rows.map((r) => r.recordNo)).size, got.rows.length, 'record numbers unique');
      assert.ok(got.rows.every((r) => r.xml?.startsWith('<Event') && r.xml.endsWith('</Event>')));
      if (!entry.python_evtx.complete || entry.python_evtx.xml === undefined) return;
      const python = await readRows(join(samplesDir, entry.python_evtx.xml));
      assert.equal(python.rows.length, entry.python_evtx.records);
      const ours = new Map(got.rows.map((r) => [String(r.recordId), r]));
      const differences: string[] = [];
      for (const theirs of python.rows) {
        const mine = ours.get(String(theirs.recordId));
        if (mine === undefined) differences.push(`${theirs.recordId}: python-evtx reads it, we do not`);
        else differences.push(...rowDifferences(mine, theirs));
      }
      assert.deepEqual(differences.slice(0, 20), [], `${differences.length} differences`);
    });
  }
});

test('damaged samples: each skipped record is reported with its offset and record number', async (t) => {
  const path = join(samplesDir, 'sample-with-zero-data-size-event.evtx');
  if (!needsShared(t, path)) return;
  const got = await readRows(path);
  const skipped = got.errors.filter((e) => e.record !== undefined);
  assert.equal(skipped.length, 1);
  assert.match(skipped[0]!.message, /event record 3: its size \(0 bytes\)/);
  assert.equal(skipped[0]!.offset, 6176);
  // The records after the damaged one in its chunk are still read (python-evtx and the Rust parser stop).
  const ids = new Set(got.rows.map((r) => Number(r.recordId)));
  for (let id = 4; id <= 117; id++) assert.ok(ids.has(id), `record ${id} recovered`);
});
