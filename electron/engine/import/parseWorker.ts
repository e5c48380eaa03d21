// The parse worker: reads files with parseFile and streams row batches to the coordinator, never more
// than MAX_BATCHES_IN_FLIGHT of one job ahead of it. Parsing is the costliest part of an import, so it
// runs here while DuckDB loads what the workers wrote — every core busy, and the thread that serves the
// UI never blocks on a parse.
import { parentPort } from 'node:worker_threads';
import { parseFile } from './parseFile.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SegmentBatchBuilder } from '../store/segmentFormat.js';
import { MAX_BATCHES_IN_FLIGHT, type FromWorker, type ToWorker } from './workerProtocol.js';

const port = parentPort;
if (!port) throw new Error('parseWorker must run in a worker thread');

/**
 * Batches of each job sent and not yet loaded. Counted per job: a job that has finished parsing may
 * still have batches waiting for their file's turn, and their acks must not free the next job's room.
 */
const inFlight = new Map<number, number>();
/** The running job, when it waits for room (a worker runs one job at a time). */
let waiter: { jobId: number; resume: () => void } | null = null;
const cancelled = new Set<number>();
let current: number | null = null;
/**
 * Batches whose segments have been written, kept with their memory for the next batch: a fresh
 * segment-sized buffer per batch waited for the garbage collector and held ~180 MB per worker at
 * times (measured). Two are enough, one filling while the other is written.
 */
const idleBatches: SegmentBatchBuilder[] = [];

function send(m: FromWorker): void {
  port!.postMessage(m);
}

function resume(): void {
  const w = waiter;
  waiter = null;
  w?.resume();
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'ack': {
      const left = (inFlight.get(m.jobId) ?? 1) - 1;
      if (left > 0) inFlight.set(m.jobId, left);
      else inFlight.delete(m.jobId);
      if (waiter?.jobId === m.jobId && left < MAX_BATCHES_IN_FLIGHT) resume();
      return;
    }
    case 'cancel':
      // A finished job's batches will never be acked (they are dropped): forget them. Only the running
      // job is remembered as cancelled, so the set never grows with jobs long gone.
      if (current === m.jobId) cancelled.add(m.jobId);
      else inFlight.delete(m.jobId);
      if (waiter?.jobId === m.jobId) resume();
      return;
    case 'parse':
      void runJob(m);
      return;
  }
});

async function runJob(m: Extract<ToWorker, { type: 'parse' }>): Promise<void> {
  const { jobId } = m;
  current = jobId;
  let lastProgress = 0;
  let segmentNo = 0;
  try {
    const result = await parseFile(
      m.path,
      {
        batch: () => idleBatches.pop() ?? new SegmentBatchBuilder(),
        async rows(batch) {
          const { segments, unpacked } = batch.formatted();
          const files = [];
          try {
            for (const s of segments) {
              const path = join(m.stagingDir, `job${jobId}-${++segmentNo}-${s.table}.csv`);
              await writeFile(path, s.bytes, { flag: 'wx', mode: 0o600 });
              files.push({ table: s.table, path, rows: s.rows, escaped: s.escaped });
            }
            inFlight.set(jobId, (inFlight.get(jobId) ?? 0) + 1);
            send({ type: 'rows', jobId, batch: { files, unpacked } });
          } finally {
            batch.clear();
            idleBatches.push(batch);
          }
          while ((inFlight.get(jobId) ?? 0) >= MAX_BATCHES_IN_FLIGHT && !cancelled.has(jobId)) {
            await new Promise<void>((resolve) => (waiter = { jobId, resume: resolve }));
          }
        },
        progress(bytesRead) {
          // A message per MiB chunk is plenty for a progress bar.
          if (bytesRead - lastProgress >= 1 << 20) {
            lastProgress = bytesRead;
            send({ type: 'progress', jobId, bytesRead });
          }
        },
      },
      {
        isCancelled: () => cancelled.has(jobId),
        // A whole file is hashed as it is read, so the coordinator does not read it again.
        sha256: true,
        ...(m.range ? { range: m.range } : {}),
        ...(m.maxRecordBytes ? { maxRecordBytes: m.maxRecordBytes } : {}),
        ...(m.maxJsonDepth ? { maxJsonDepth: m.maxJsonDepth } : {}),
      },
    );
    send({ type: 'done', jobId, result });
  } catch (e) {
    send({ type: 'failed', jobId, message: (e as Error).message });
  } finally {
    if (cancelled.delete(jobId)) inFlight.delete(jobId);
    current = null;
  }
}
