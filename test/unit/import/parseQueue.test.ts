// The parse queue starts units in file order on whichever worker is free, so a file may have more
// slices than there are workers; a unit dropped or stopped before a worker took it never starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseQueue, type ParseUnit } from '../../../electron/engine/import/parseQueue.js';
import type { ParseJob } from '../../../electron/engine/import/parseJob.js';
import type { ParseWorkerHandle } from '../../../electron/engine/import/parseWorkerHandle.js';

/** A worker that runs one fake job at a time; `finish` ends its current one. */
class FakeWorker {
  busy = false;
  finish: (() => void) | null = null;
}

function setup(workers: number, units: number) {
  const pool = Array.from({ length: workers }, () => new FakeWorker());
  const started: string[] = [];
  const discarded: string[] = [];
  const list: ParseUnit[] = Array.from({ length: units }, (_, k) => ({ path: `u${k}` }));
  const queue = new ParseQueue(pool as unknown as ParseWorkerHandle[], list, (unit, worker) => {
    const w = worker as unknown as FakeWorker;
    w.busy = true;
    started.push(unit.path);
    const result = new Promise<void>((resolve) => {
      w.finish = () => {
        w.busy = false;
        resolve();
      };
    });
    return {
      result,
      cancel: () => undefined,
      discard: async () => void discarded.push(unit.path),
    } as unknown as ParseJob;
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { pool, started, discarded, queue, settle };
}

test('units start in order as workers free up, more units than workers', async () => {
  const { pool, started, queue, settle } = setup(2, 5);
  queue.pump();
  assert.deepEqual(started, ['u0', 'u1']);
  assert.equal(queue.started(2), null);
  pool[1]!.finish!();
  await settle();
  assert.deepEqual(started, ['u0', 'u1', 'u2']);
  assert.equal(await queue.job(2), queue.started(2));
  pool[0]!.finish!();
  pool[1]!.finish!();
  await settle();
  assert.deepEqual(started, ['u0', 'u1', 'u2', 'u3', 'u4']);
});

test('dropped units never start; started ones are discarded; stop ends the rest with no job', async () => {
  const { pool, started, discarded, queue, settle } = setup(1, 5);
  queue.pump();
  await queue.drop(0, 3);
  assert.deepEqual(discarded, ['u0'], 'the started unit is discarded');
  assert.equal(await queue.job(1), null);
  pool[0]!.finish!();
  await settle();
  assert.deepEqual(started, ['u0', 'u3'], 'the dropped units are skipped');
  queue.stop();
  assert.equal(await queue.job(4), null);
  pool[0]!.finish!();
  await settle();
  assert.deepEqual(started, ['u0', 'u3']);
  queue.settle(3, 4);
  await queue.close();
  assert.deepEqual(discarded, ['u0'], 'a settled unit is not discarded again');
});
