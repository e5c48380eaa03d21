// One parse worker thread and the job it is running. A worker runs one file (or slice) at a time; the
// importer keeps one per core but one (see parseWorkerCount), so the next file is already being parsed
// while the current one loads.
import { Worker } from 'node:worker_threads';
import type { ParseResult } from './parseFile.js';
import type { FromWorker, SegmentBatch, ToWorker } from './workerProtocol.js';

const WORKER_URL = new URL('./parseWorker.js', import.meta.url);

/** Threads started ahead of their first job, for the next handles to take (see prestartParseWorkers). */
const prestarted: Worker[] = [];

/**
 * Starts up to `count` parse worker threads now. A thread takes ~0.1 s to boot and ~0.1 s more to load
 * the readers; the CLI starts them before it loads its own modules, so they are ready when the first
 * job is. They hold nothing open: an unused one never keeps the process alive.
 */
export function prestartParseWorkers(count: number): void {
  while (prestarted.length < count) {
    const w = new Worker(WORKER_URL);
    w.unref();
    // A thread that fails to start is dropped; the handle that would have taken it starts its own.
    w.once('error', () => {
      const i = prestarted.indexOf(w);
      if (i >= 0) prestarted.splice(i, 1);
    });
    prestarted.push(w);
  }
}

export interface JobListener {
  rows(batch: SegmentBatch): void;
  progress(bytesRead: number): void;
  done(result: ParseResult): void;
  failed(message: string): void;
}

export class ParseWorkerHandle {
  private worker: Worker | null = null;
  private current: { jobId: number; listener: JobListener } | null = null;

  get busy(): boolean {
    return this.current !== null;
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = prestarted.shift() ?? new Worker(WORKER_URL);
    w.on('message', (m: FromWorker) => {
      const job = this.current;
      if (!job || job.jobId !== m.jobId) return;
      if (m.type === 'rows') job.listener.rows(m.batch);
      else if (m.type === 'progress') job.listener.progress(m.bytesRead);
      else {
        this.current = null;
        this.idle();
        if (m.type === 'done') job.listener.done(m.result);
        else job.listener.failed(m.message);
      }
    });
    // A worker that dies (out of memory, a crash in a reader) fails the file it was reading, not the app.
    w.on('error', (e) => this.fail(`the parser stopped: ${e.message}`));
    w.on('exit', (code) => {
      this.worker = null;
      if (code !== 0) this.fail(`the parser exited with code ${code}`);
    });
    this.worker = w;
    return w;
  }

  private fail(message: string): void {
    const job = this.current;
    this.current = null;
    job?.listener.failed(message);
  }

  // A worker keeps the process alive only while it has work: an idle importer must not hold a CLI open.
  private idle(): void {
    this.worker?.unref();
  }

  start(
    jobId: number,
    message: Omit<Extract<ToWorker, { type: 'parse' }>, 'type' | 'jobId'>,
    listener: JobListener,
  ) {
    if (this.current) throw new Error('parse worker already busy');
    const w = this.ensure();
    w.ref();
    this.current = { jobId, listener };
    w.postMessage({ type: 'parse', jobId, ...message } satisfies ToWorker);
  }

  send(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
