// One parse worker thread and the job it is running. A worker runs one file at a time; the importer
// keeps two of them so the next file is already being parsed while the current one loads.
import { Worker } from 'node:worker_threads';
import type { ParseResult } from './parseFile.js';
import type { FromWorker, SegmentBatch, ToWorker } from './workerProtocol.js';

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
    const w = new Worker(new URL('./parseWorker.js', import.meta.url));
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
