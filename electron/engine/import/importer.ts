// The import coordinator. It owns the case connection: each file is parsed in the worker and appended
// here inside one transaction, so a crash or a cancel leaves that file wholly in or wholly out.
import { Worker } from 'node:worker_threads';
import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type { CaseDb } from '../store/openCase.js';
import { findSourceByHash, insertSource, nextSourceId } from '../store/sources.js';
import type { SourceSummary } from '../../../shared/report.js';
import { BatchWriter } from './batchWriter.js';
import { expandPaths } from './expandPaths.js';
import type { ParseResult } from './parseFile.js';
import type { FromWorker, SegmentBatch, ToWorker } from './workerProtocol.js';

export interface ImportProgress {
  path: string;
  fileIndex: number;
  fileCount: number;
  bytesRead: number;
  size: number;
  events: number;
  eventsPerSec: number;
  bytesPerSec: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  onFileDone?: (s: SourceSummary) => void;
  signal?: AbortSignal;
  maxRecordBytes?: number;
  maxJsonDepth?: number;
}

type JobEvents = {
  rows(batch: SegmentBatch): void;
  progress(bytesRead: number): void;
  done(result: ParseResult): void;
  failed(message: string): void;
};

export class Importer {
  private worker: Worker | null = null;
  private jobs = new Map<number, JobEvents>();
  private nextJob = 1;

  constructor(private readonly db: CaseDb) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./parseWorker.js', import.meta.url));
    w.on('message', (m: FromWorker) => {
      const job = this.jobs.get(m.jobId);
      if (!job) return;
      if (m.type === 'rows') job.rows(m.batch);
      else if (m.type === 'progress') job.progress(m.bytesRead);
      else if (m.type === 'done') job.done(m.result);
      else job.failed(m.message);
    });
    // A worker that dies (out of memory, a crash in a reader) fails the file in progress, not the app.
    w.on('error', (e) => this.failAll(`the parser stopped: ${e.message}`));
    w.on('exit', (code) => {
      this.worker = null;
      if (code !== 0) this.failAll(`the parser exited with code ${code}`);
    });
    this.worker = w;
    return w;
  }

  private failAll(message: string): void {
    for (const job of this.jobs.values()) job.failed(message);
    this.jobs.clear();
  }

  private send(m: ToWorker): void {
    this.ensureWorker().postMessage(m);
  }

  async importPaths(paths: readonly string[], opts: ImportOptions = {}): Promise<SourceSummary[]> {
    const files = await expandPaths(paths, [this.db.path]);
    const out: SourceSummary[] = [];
    // The worker keeps the process alive only while it has work: an idle importer must not hold a CLI open.
    this.ensureWorker().ref();
    try {
      await this.importEach(files, out, opts);
    } finally {
      this.worker?.unref();
    }
    return out;
  }

  private async importEach(
    files: Awaited<ReturnType<typeof expandPaths>>,
    out: SourceSummary[],
    opts: ImportOptions,
  ): Promise<void> {
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      let summary: SourceSummary;
      if (f.error) summary = failedSummary(f.path, f.error);
      else if (opts.signal?.aborted) summary = failedSummary(f.path, 'import cancelled before this file');
      else summary = await this.importFile(f.path, i, files.length, opts);
      out.push(summary);
      opts.onFileDone?.(summary);
    }
  }

  private async importFile(path: string, fileIndex: number, fileCount: number, opts: ImportOptions) {
    const conn = this.db.conn;
    const started = performance.now();
    const jobId = this.nextJob++;
    const size = await stat(path)
      .then((st) => st.size)
      .catch(() => 0);
    await conn.run('BEGIN TRANSACTION');
    let committed = false;
    try {
      const sourceId = await nextSourceId(conn);
      const writer = new BatchWriter(conn, sourceId);
      let events = 0;
      let bytesRead = 0;
      const report = (): void => {
        const secs = Math.max((performance.now() - started) / 1000, 1e-3);
        opts.onProgress?.({
          path,
          fileIndex,
          fileCount,
          bytesRead,
          size,
          events,
          eventsPerSec: events / secs,
          bytesPerSec: bytesRead / secs,
        });
      };
      const onAbort = (): void => this.send({ type: 'cancel', jobId });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const result = await new Promise<ParseResult>((resolve, reject) => {
        this.jobs.set(jobId, {
          rows: (batch) =>
            writer.enqueue(batch, () => {
              // A failed write stops the parse: the file will be rolled back whole.
              if (writer.failed) this.send({ type: 'cancel', jobId });
              events = writer.rows;
              this.send({ type: 'ack', jobId });
              report();
            }),
          progress: (b) => {
            bytesRead = b;
            report();
          },
          done: resolve,
          failed: (message) => reject(new Error(message)),
        });
        this.send({
          type: 'parse',
          jobId,
          path,
          stagingDir: this.db.stagingDir,
          ...(opts.maxRecordBytes ? { maxRecordBytes: opts.maxRecordBytes } : {}),
          ...(opts.maxJsonDepth ? { maxJsonDepth: opts.maxJsonDepth } : {}),
        });
      }).finally(() => {
        this.jobs.delete(jobId);
        opts.signal?.removeEventListener('abort', onAbort);
      });
      await writer.finish();
      events = writer.rows;
      if (opts.signal?.aborted) {
        await conn.run('ROLLBACK');
        committed = true;
        return {
          ...failedSummary(path, 'import cancelled: nothing from this file was kept'),
          sha256: result.sha256,
        };
      }
      const existing = await findSourceByHash(conn, result.sha256);
      if (existing) {
        await conn.run('ROLLBACK');
        committed = true;
        return {
          ...existing,
          path,
          duplicate: true,
          events: 0,
          errors: [{ message: `already in this case (same SHA-256 as ${existing.path}): nothing added` }],
        };
      }
      const errors = result.fatal ? [result.fatal, ...result.errors] : result.errors;
      const summary = result.summary;
      const importMs = performance.now() - started;
      await insertSource(conn, {
        sourceId,
        path,
        name: basename(path),
        size: result.size,
        sha256: result.sha256,
        format: summary?.format ?? 'rejected',
        variant: summary?.variant ?? null,
        events,
        skipped: summary?.skipped ?? 0,
        errors,
        importMs,
      });
      await conn.run('COMMIT');
      committed = true;
      return {
        path,
        sha256: result.sha256,
        format: summary?.format ?? 'rejected',
        ...(summary ? { variant: summary.variant } : {}),
        events,
        skipped: summary?.skipped ?? 0,
        errors,
        size: result.size,
        importMs: Math.round(importMs),
      };
    } catch (e) {
      return failedSummary(path, (e as Error).message);
    } finally {
      if (!committed) await conn.run('ROLLBACK').catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

function failedSummary(path: string, message: string): SourceSummary {
  return { path, sha256: '', format: 'unread', events: 0, skipped: 0, errors: [{ message }] };
}
