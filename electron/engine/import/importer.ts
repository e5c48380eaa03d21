// The import coordinator. It owns the case connection and loads files strictly one after another,
// each inside one transaction, so a crash or a cancel leaves a file wholly in or wholly out. Parsing
// runs ahead in two worker threads (the current file and the next), so both cores stay busy.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type { CaseDb } from '../store/openCase.js';
import { findSourceByHash, insertSource, nextSourceId } from '../store/sources.js';
import type { SourceSummary } from '../../../shared/report.js';
import { BatchWriter } from './batchWriter.js';
import { expandPaths, type ExpandedPath } from './expandPaths.js';
import { ParseJob } from './parseJob.js';
import { ParseWorkerHandle } from './parseWorkerHandle.js';

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

export class Importer {
  private readonly workers: ParseWorkerHandle[];
  private nextJobId = 1;

  constructor(
    private readonly db: CaseDb,
    workers = Math.min(2, availableParallelism()),
  ) {
    this.workers = Array.from({ length: Math.max(1, workers) }, () => new ParseWorkerHandle());
  }

  async importPaths(paths: readonly string[], opts: ImportOptions = {}): Promise<SourceSummary[]> {
    const files = await expandPaths(paths, [this.db.path]);
    const jobs = new Map<number, ParseJob>();
    let next = 0;
    // Starts the next files on free workers, in file order: a look-ahead of at most one file a worker.
    const startMore = (): void => {
      for (const w of this.workers) {
        while (next < files.length && files[next]!.error) next++;
        if (next >= files.length || opts.signal?.aborted) return;
        if (w.busy) continue;
        const job = new ParseJob(this.nextJobId++, files[next]!.path, w, {
          stagingDir: this.db.stagingDir,
          ...(opts.maxRecordBytes ? { maxRecordBytes: opts.maxRecordBytes } : {}),
          ...(opts.maxJsonDepth ? { maxJsonDepth: opts.maxJsonDepth } : {}),
        });
        jobs.set(next++, job);
        job.result.finally(startMore).catch(() => undefined);
      }
    };
    const onAbort = (): void => jobs.forEach((j) => j.cancel());
    opts.signal?.addEventListener('abort', onAbort);
    const out: SourceSummary[] = [];
    try {
      for (let i = 0; i < files.length; i++) {
        startMore();
        const f = files[i]!;
        const job = jobs.get(i);
        let summary: SourceSummary;
        if (f.error) summary = failedSummary(f.path, f.error);
        else if (!job) summary = failedSummary(f.path, 'import cancelled before this file');
        else summary = await this.loadFile(job, f, i, files.length, opts);
        jobs.delete(i);
        out.push(summary);
        opts.onFileDone?.(summary);
      }
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await Promise.all([...jobs.values()].map((j) => j.discard()));
    }
    return out;
  }

  private async loadFile(
    job: ParseJob,
    file: ExpandedPath,
    fileIndex: number,
    fileCount: number,
    opts: ImportOptions,
  ): Promise<SourceSummary> {
    const { path } = file;
    const conn = this.db.conn;
    const started = performance.now();
    const size = await stat(path).then((st) => st.size).catch(() => 0);
    await conn.run('BEGIN TRANSACTION');
    let open = true;
    let writer: BatchWriter | null = null;
    const rollback = async (): Promise<void> => {
      open = false;
      await conn.run('ROLLBACK');
    };
    try {
      const sourceId = await nextSourceId(conn);
      const w = (writer = new BatchWriter(conn, sourceId));
      const report = (): void => {
        const secs = Math.max((performance.now() - started) / 1000, 1e-3);
        opts.onProgress?.({
          path,
          fileIndex,
          fileCount,
          bytesRead: job.bytesRead,
          size,
          events: w.rows,
          eventsPerSec: w.rows / secs,
          bytesPerSec: job.bytesRead / secs,
        });
      };
      job.attach(w, report);
      const result = await job.result;
      await w.finish();
      writer = null;
      if (opts.signal?.aborted) {
        await rollback();
        return { ...failedSummary(path, 'import cancelled: nothing from this file was kept'), sha256: result.sha256 };
      }
      const existing = await findSourceByHash(conn, result.sha256);
      if (existing) {
        await rollback();
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
      const format = summary?.format ?? 'rejected';
      const skipped = summary?.skipped ?? 0;
      await insertSource(conn, {
        sourceId,
        path,
        name: basename(path),
        size: result.size,
        sha256: result.sha256,
        format,
        variant: summary?.variant ?? null,
        events: w.rows,
        skipped,
        errors,
        importMs,
      });
      await conn.run('COMMIT');
      open = false;
      return {
        path,
        sha256: result.sha256,
        format,
        ...(summary ? { variant: summary.variant } : {}),
        events: w.rows,
        skipped,
        errors,
        size: result.size,
        importMs: Math.round(importMs),
      };
    } catch (e) {
      await writer?.finish().catch(() => undefined);
      return failedSummary(path, (e as Error).message);
    } finally {
      if (open) await conn.run('ROLLBACK').catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

function failedSummary(path: string, message: string): SourceSummary {
  return { path, sha256: '', format: 'unread', events: 0, skipped: 0, errors: [{ message }] };
}
