// The import coordinator. It owns the case connection and loads files strictly one after another,
// each inside one transaction, so a crash or a cancel leaves a file wholly in or wholly out. Parsing
// runs ahead in two worker threads (the current file and the next), so both cores stay busy.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CaseDb } from '../store/openCase.js';
import { findSourceByHash, insertSource, nextSourceId } from '../store/sources.js';
import type { SourceSummary } from '../../../shared/report.js';
import { BatchWriter } from './batchWriter.js';
import { expandPaths, type ExpandedPath } from './expandPaths.js';
import type { ByteRange, ParseResult } from './parseFile.js';
import { hashFile } from './fileChunks.js';
import { planSlices, scanSlicedFile } from './planSlices.js';
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
  /** Smallest slice a big XML file is cut into for parallel parsing (tests make it tiny). */
  minSliceBytes?: number;
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
    // Each file is one unit of parsing, or several byte-range slices when it is a big XML export.
    const plans = await Promise.all(
      files.map((f) =>
        f.error ? null : planSlices(f.path, this.workers.length, opts.minSliceBytes).catch(() => null),
      ),
    );
    const units: Array<{ file: number; range?: ByteRange }> = files.flatMap((f, i) =>
      f.error ? [] : (plans[i] ?? [undefined]).map((range) => (range ? { file: i, range } : { file: i })),
    );
    const jobs = new Map<number, ParseJob>();
    let next = 0;
    // Starts the next units on free workers, in order: parsing runs at most one unit a worker ahead.
    const startMore = (): void => {
      for (const w of this.workers) {
        if (next >= units.length || opts.signal?.aborted) return;
        if (w.busy) continue;
        const unit = units[next]!;
        const job = new ParseJob(this.nextJobId++, files[unit.file]!.path, w, {
          stagingDir: this.db.stagingDir,
          ...(unit.range ? { range: unit.range } : {}),
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
        const mine = units.flatMap((u, k) => (u.file === i ? [k] : []));
        let summary: SourceSummary;
        if (f.error) summary = failedSummary(f.path, f.error);
        else if (mine.some((k) => !jobs.has(k)))
          summary = failedSummary(f.path, 'import cancelled before this file');
        else {
          const fileJobs = mine.map((k) => jobs.get(k)!);
          summary = await this.loadFile(fileJobs, f, i, files.length, opts, () => startMore());
        }
        for (const k of mine) jobs.delete(k);
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
    fileJobs: ParseJob[],
    file: ExpandedPath,
    fileIndex: number,
    fileCount: number,
    opts: ImportOptions,
    startMore: () => void,
  ): Promise<SourceSummary> {
    const { path } = file;
    const conn = this.db.conn;
    const started = performance.now();
    const size = await stat(path)
      .then((st) => st.size)
      .catch(() => 0);
    // Every file is read whole here too, alongside its parse, for its hash (the parse worker is the
    // busier thread, and no single slice sees every byte); a sliced file also for the numbers its
    // later slices' records start from.
    const scan =
      fileJobs.length > 1
        ? scanSlicedFile(
            path,
            fileJobs.map((j) => j.range?.start ?? 0),
          )
        : null;
    const hashing = scan?.sha256 ?? hashFile(path);
    hashing.catch(() => undefined);
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
        const bytesRead = fileJobs.reduce((n, j) => n + j.bytesRead, 0);
        opts.onProgress?.({
          path,
          fileIndex,
          fileCount,
          bytesRead,
          size,
          events: w.rows,
          eventsPerSec: w.rows / secs,
          bytesPerSec: bytesRead / secs,
        });
      };
      const { result, renumber, dropFrom } = await this.loadSlices(fileJobs, w, report, scan?.eventsBefore);
      startMore();
      await w.finish();
      writer = null;
      await settleRecordNumbers(conn, sourceId, renumber, dropFrom);
      if (opts.signal?.aborted) {
        await rollback();
        return {
          ...failedSummary(path, 'import cancelled: nothing from this file was kept'),
          sha256: await hashing.catch(() => ''),
        };
      }
      const sha256 = await hashing.catch((e: Error) => {
        throw new Error(`could not read the file: ${e.message}`);
      });
      const existing = await findSourceByHash(conn, sha256);
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
        sha256,
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
        sha256,
        format,
        ...(summary ? { variant: summary.variant } : {}),
        events: w.rows,
        skipped,
        errors,
        size: result.size,
        importMs: Math.round(importMs),
      };
    } catch (e) {
      // Nothing more of this file is wanted: stop its parses, so no worker waits on batches nobody takes.
      await Promise.all(fileJobs.map((j) => j.discard()));
      await writer?.finish().catch(() => undefined);
      return failedSummary(path, (e as Error).message);
    } finally {
      if (open) await conn.run('ROLLBACK').catch(() => undefined);
    }
  }

  /**
   * Feeds a file's slices to the writer and merges their results as if the file had been read whole.
   * Every slice loads as its batches arrive: waiting for the slices before it left DuckDB idle while
   * they parsed and then made it load them all at the end (a third of a big file's import, measured).
   * A later slice's records are numbered from the event starts before it (`eventsBefore`), which on a
   * sound file is exactly the records before it; on a damaged one it can be more, never fewer (see
   * EventStartCounter), and those slices are renumbered afterwards. Errors are renumbered here. A slice
   * that hits a fatal problem (a DOCTYPE) ends the file there, as a whole-file read would: the slices
   * after it are dropped, with whatever of them was already loaded.
   */
  private async loadSlices(
    fileJobs: ParseJob[],
    writer: BatchWriter,
    report: () => void,
    eventsBefore: ReadonlyArray<Promise<number>> | undefined,
  ): Promise<{ result: ParseResult; renumber: Renumbering[]; dropFrom: number | null }> {
    // Without the counts (a file parsed whole), a slice would wait for the ones before it.
    const loadedFrom = fileJobs.map((job, k) => {
      const from = k === 0 ? Promise.resolve(0) : (eventsBefore?.[k] ?? null);
      void from?.then(
        (n) => job.attach(writer, report, n),
        () => undefined,
      );
      return from;
    });
    let merged: ParseResult | null = null;
    const renumber: Renumbering[] = [];
    let dropFrom: number | null = null;
    let base = 0;
    for (let k = 0; k < fileJobs.length; k++) {
      const job = fileJobs[k]!;
      const from = loadedFrom[k];
      let loadedAt = base;
      if (from) {
        loadedAt = await from;
        if (loadedAt < base)
          throw new Error(`slice ${k + 1} of this file was numbered from ${loadedAt}, below ${base}`);
      } else job.attach(writer, report, base);
      const r = await job.result;
      const count = (r.summary?.records ?? 0) + (r.summary?.skipped ?? 0);
      if (loadedAt > base) renumber.push({ from: loadedAt, to: base, count });
      const errors = r.errors.map((e) => (e.record === undefined ? e : { ...e, record: e.record + base }));
      if (!merged) merged = { ...r, errors };
      else {
        merged.errors.push(...errors);
        if (merged.summary && r.summary) {
          merged.summary = {
            ...merged.summary,
            records: merged.summary.records + r.summary.records,
            skipped: merged.summary.skipped + r.summary.skipped,
          };
        }
        merged.fatal = r.fatal;
      }
      if (r.fatal) {
        // As a whole-file read ends: with no summary of the file, only the problem.
        merged.summary = null;
        const next = loadedFrom[k + 1];
        if (next) dropFrom = await next;
        await Promise.all(fileJobs.slice(k + 1).map((j) => j.discard()));
        break;
      }
      base += count;
    }
    return { result: merged!, renumber, dropFrom };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

/** A slice's records, loaded as `from` + 1 up to `from` + `count`, belong from `to` + 1 up. */
interface Renumbering {
  from: number;
  to: number;
  count: number;
}

/**
 * Moves slices numbered too high down to their records' real numbers, in file order (each moves down
 * into room the ones before it left), and deletes the rows of slices a fatal problem dropped.
 */
async function settleRecordNumbers(
  conn: DuckDBConnection,
  sourceId: number,
  renumber: readonly Renumbering[],
  dropFrom: number | null,
): Promise<void> {
  if (dropFrom !== null) {
    await conn.run('DELETE FROM win_events WHERE source_id = $source AND record_no > $from', {
      source: sourceId,
      from: dropFrom,
    });
  }
  for (const { from, to, count } of renumber) {
    if (count === 0) continue;
    await conn.run(
      'UPDATE win_events SET record_no = record_no - $shift ' +
        'WHERE source_id = $source AND record_no > $from AND record_no <= $from + $count',
      { shift: from - to, source: sourceId, from, count },
    );
  }
}

function failedSummary(path: string, message: string): SourceSummary {
  return { path, sha256: '', format: 'unread', events: 0, skipped: 0, errors: [{ message }] };
}
