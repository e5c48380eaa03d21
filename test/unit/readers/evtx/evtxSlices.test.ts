// Slices of a big .evtx: whole chunks each, and the records before each cut counted while the file is
// hashed: exactly what the reader numbers on a sound file, never fewer on a damaged one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvtxRecordCounter, planEvtxSlices } from '../../../../electron/engine/readers/evtx/evtxSlices.js';
import { readEvtx } from '../../../../electron/engine/readers/evtx/index.js';
import { sharedDir } from '../../../support/paths.js';
import { varietyEvtx } from '../../../support/varietyEvents.js';

/** The file offset of every record the reader numbers, imported or skipped (a note on a row is no record). */
async function numberedOffsets(file: Buffer): Promise<number[]> {
  const offsets = new Set<number>();
  async function* whole(): AsyncGenerator<Buffer> {
    yield file;
  }
  await readEvtx(whole(), {
    row: (r) => void (r.kind === 'win' && offsets.add(r.row.recordOffset!)),
    error: (e) => void (e.record !== undefined && e.offset !== undefined && offsets.add(e.offset)),
  });
  return [...offsets];
}

function counted(file: Buffer, cuts: number[]): number[] {
  const counter = new EvtxRecordCounter(cuts);
  for (let at = 0; at < file.length; at += 1 << 20) counter.push(file.subarray(at, at + (1 << 20)));
  counter.finish();
  return counter.before;
}

test('slices are runs of whole chunks, the first with the file header', () => {
  const size = 4096 + 100 * 65536;
  assert.deepEqual(planEvtxSlices(size, 1, 1 << 20), [0]);
  const starts = planEvtxSlices(size, 4, 1 << 20);
  assert.equal(starts.length, 4);
  assert.equal(starts[0], 0);
  for (const s of starts.slice(1)) assert.equal((s - 4096) % 65536, 0);
  // Never slices smaller than asked for.
  assert.deepEqual(planEvtxSlices(size, 8, 4 * 1024 * 1024), [0]);
});

test('the records before each cut are those the reader numbers there', async () => {
  const file = varietyEvtx(1500);
  const cuts = planEvtxSlices(file.length, 4, 65536);
  assert.ok(cuts.length > 2, `${cuts.length} slices`);
  const numbered = await numberedOffsets(file);
  assert.deepEqual(
    counted(file, cuts),
    cuts.map((cut) => numbered.filter((o) => o < cut).length),
  );
});

test('on damaged samples the count is never below what the reader numbers', async (t) => {
  for (const name of [
    'sample_with_a_bad_chunk_magic.evtx',
    'sample-with-zero-data-size-event.evtx',
    '2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS%4Operational.evtx',
  ]) {
    const path = join(sharedDir, 'evtx-samples', name);
    if (!existsSync(path)) {
      t.skip(`needs ${path}: ../shared is only on this team's machines and CI`);
      return;
    }
    const file = readFileSync(path);
    const cuts = planEvtxSlices(file.length, 16, 65536);
    const numbered = await numberedOffsets(file);
    const before = counted(file, cuts);
    cuts.forEach((cut, k) => {
      const reader = numbered.filter((o) => o < cut).length;
      assert.ok(
        before[k]! >= reader,
        `${name}: ${before[k]} counted before ${cut}, the reader numbers ${reader}`,
      );
    });
  }
});
