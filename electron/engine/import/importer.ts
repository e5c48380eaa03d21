// The import coordinator. It owns the case connection and loads files strictly one after another,
// each inside one transaction, so a crash or a cancel leaves a file wholly in or wholly out. Parsing
// runs ahead in worker threads, one per core but the coordinator's (see parseWorkerCount): a big XML
// file's slices at once, then the next files, so every core stays busy while DuckDB loads.
import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CaseDb } from '../store/openCase.js';
import { findSourceByHash, insertSource, nextSourceId, type NewSource } from '../store/sources.js';
import type { SourceSummary } from '../../../shared/report.js';
import type { FormatVariant } from '../model.js';
import type { BatchWriter } from './batchWriter.js';
import { expandPaths, type ExpandedPath } from './expandPaths.js';
import type { ParseResult } from './parseFile.js';
import { hashFile } from './fileChunks.js';
import { parseWorkerCount } from './importConcurrency.js';
import { planSlices, scanSlicedFile } from './planSlices.js';
import { ParseJob } from './parseJob.js';
import { ParseQueue, type ParseUnit } from './parseQueue.js';
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
  /** Most slices a big XML file is cut into (default: one per worker; more queue for the workers). */
  slices?: number;
}

/**
 * A case the importer opens itself, once parsing is under way (the CLI's): DuckDB's modules take
 * 0.2–0.5 s to load and a new case's migrations ~0.1 s more, time the workers spend parsing instead.
 * Its staging folder exists from the start, so the workers have somewhere to write.
 */
export interface CaseToOpen {
  readonly path: string;
  readonly stagingDir: string;
  /** Opens the case; called once, by the first import. */
  open(): Promise<CaseDb>;
}

export class Importer {
  private readonly workers: ParseWorkerHandle[];
  private nextJobId = 1;
  private db: Promise<CaseDb> | null;
  /** The BatchWriter class, whose module loads DuckDB's: imported only when the first file loads. */
  private writerClass: Promise<typeof BatchWriter> | null = null;

  constructor(
    private readonly target: CaseDb | CaseToOpen,
    workers = parseWorkerCount(),
  ) {
    this.db = 'conn' in target ? Promise.resolve(target) : null;
    this.workers = Array.from({ length: Math.max(1, workers) }, () => new ParseWorkerHandle());
  }

  private openCase(): Promise<CaseDb> {
    if (!this.db) {
      const target = this.target as CaseToOpen;
      this.db = target.open();
    }
    return this.db;
  }

  async importPaths(paths: readonly string[], opts: ImportOptions = {}): Promise<SourceSummary[]> {
    const files = await expandPaths(paths, [this.target.path]);
    // Each file is one unit of parsing, or several byte-range slices when it is a big XML export.
    const plans = await Promise.all(
      files.map((f) =>
        f.error
          ? null
          : planSlices(f.path, opts.slices ?? this.workers.length, opts.minSliceBytes).catch(() => null),
      ),
    );
    const units: ParseUnit[] = [];
    const unitsOf = files.map((f, i) => {
      const from = units.length;
      if (!f.error)
        for (const range of plans[i] ?? [undefined])
          units.push({ path: f.path, ...(range ? { range } : {}) });
      return { from, to: units.length };
    });
    const queue = new ParseQueue(
      this.workers,
      units,
      (unit, worker) =>
        new ParseJob(this.nextJobId++, unit.path, worker, {
          stagingDir: this.target.stagingDir,
          ...(unit.range ? { range: unit.range } : {}),
          ...(opts.maxRecordBytes ? { maxRecordBytes: opts.maxRecordBytes } : {}),
          ...(opts.maxJsonDepth ? { maxJsonDepth: opts.maxJsonDepth } : {}),
        }),
    );
    const onAbort = (): void => {
      queue.stop();
      queue.cancelStarted();
    };
    if (opts.signal?.aborted) onAbort();
    opts.signal?.addEventListener('abort', onAbort);
    const out: SourceSummary[] = [];
    try {
      // Parsing starts first; a case that cannot be opened then fails the whole import, as before.
      queue.pump();
      const db = await this.openCase();
      this.writerClass ??= import('./batchWriter.js').then((m) => m.BatchWriter);
      const Writer = await this.writerClass;
      const run: ImportRun = {
        conn: db.conn,
        newWriter: (sourceId) => new Writer(db.conn, sourceId),
        queue,
        fileCount: files.length,
        opts,
        emptyFiles: [],
      };
      for (let i = 0; i < files.length; i++) {
        const f = files[i]!;
        const { from, to } = unitsOf[i]!;
        let summary: SourceSummary;
        if (f.error) summary = failedSummary(f.path, f.error);
        else if (opts.signal?.aborted && queue.started(from) === null)
          summary = failedSummary(f.path, 'import cancelled before this file');
        else {
          const slices = Array.from({ length: to - from }, (_, k) => from + k);
          summary = await this.loadFile(run, f, i, slices);
        }
        queue.settle(from, to);
        out.push(summary);
        opts.onFileDone?.(summary);
      }
      await recordEmptyFiles(run);
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await queue.close();
    }
    return out;
  }

  private async loadFile(
    run: ImportRun,
    file: ExpandedPath,
    fileIndex: number,
    slices: number[],
  ): Promise<SourceSummary> {
    const { conn, queue, opts } = run;
    const { path } = file;
    const started = performance.now();
    const size = await stat(path)
      .then((st) => st.size)
      .catch(() => 0);
    // Every file is read whole here too, alongside its parse, for its hash (the parse worker is the
    // busier thread, and no single slice sees every byte); a sliced file also for the numbers its
    // later slices' records start from.
    const scan =
      slices.length > 1
        ? scanSlicedFile(
            path,
            slices.map((k) => queue.unit(k).range?.start ?? 0),
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
      const w = (writer = run.newWriter(sourceId));
      const report = (): void => {
        const secs = Math.max((performance.now() - started) / 1000, 1e-3);
        const bytesRead = slices.reduce((n, k) => n + (queue.started(k)?.bytesRead ?? 0), 0);
        opts.onProgress?.({
          path,
          fileIndex,
          fileCount: run.fileCount,
          bytesRead,
          size,
          events: w.rows,
          eventsPerSec: w.rows / secs,
          bytesPerSec: bytesRead / secs,
        });
      };
      const loaded = await this.loadSlices(
        slices.map((k) => queue.job(k)),
        w,
        report,
        scan?.eventsBefore,
        (from) => queue.drop(slices[from]!, slices[slices.length - 1]! + 1),
      );
      await w.finish();
      writer = null;
      if (opts.signal?.aborted || !loaded) {
        await rollback();
        return {
          ...failedSummary(path, 'import cancelled: nothing from this file was kept'),
          sha256: await hashing.catch(() => ''),
        };
      }
      const { result } = loaded;
      // A file refused part-way (a DOCTYPE after some events) is wholly out of the case: the rows read
      // before the refusal go with the transaction, and only the record of the refusal is kept.
      const refused = result.fatal;
      if (refused) {
        await rollback();
        await conn.run('BEGIN TRANSACTION');
        open = true;
      } else await settleRecordNumbers(conn, sourceId, loaded.renumber);
      const events = refused ? 0 : w.rows;
      const sha256 = await hashing.catch((e: Error) => {
        throw new Error(`could not read the file: ${e.message}`);
      });
      // A file with nothing in it (an empty channel log: a collection holds hundreds, often byte for byte
      // alike) is recorded whatever its hash: each says its channel was collected, and counts nothing twice.
      const empty =
        w.rows === 0 && (result.summary?.skipped ?? 0) === 0 && result.errors.length === 0 && !result.fatal;
      const existing = empty ? null : await findSourceByHash(conn, sha256);
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
      const errors = refused
        ? [{ ...refused, message: `${refused.message}; nothing from this file was kept` }, ...result.errors]
        : result.errors;
      const summary = result.summary;
      const importMs = performance.now() - started;
      const format = summary?.format ?? 'rejected';
      const skipped = summary?.skipped ?? 0;
      const source = {
        path,
        name: basename(path),
        size: result.size,
        sha256,
        format,
        variant: summary?.variant ?? null,
        events,
        skipped,
        errors,
        importMs,
      };
      if (empty) {
        // Nothing of it is in the transaction: its record waits for the others (a commit each cost
        // ~4 ms, most of a collection's 300 empty channel logs' import, measured).
        await rollback();
        run.emptyFiles.push(source);
      } else {
        await insertSource(conn, { sourceId, ...source });
        await conn.run('COMMIT');
        open = false;
      }
      return {
        path,
        sha256,
        format,
        ...(summary ? { variant: summary.variant } : {}),
        events,
        skipped,
        errors,
        size: result.size,
        importMs: Math.round(importMs),
      };
    } catch (e) {
      // Nothing more of this file is wanted: stop its parses, so no worker waits on batches nobody takes.
      await queue.drop(slices[0]!, slices[slices.length - 1]! + 1);
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
   * after it are dropped (`dropSlices`), and the caller rolls back every row of the file. A slice that
   * never got a worker (the import was cancelled first) ends the file with null.
   */
  private async loadSlices(
    jobs: ReadonlyArray<Promise<ParseJob | null>>,
    writer: BatchWriter,
    report: () => void,
    eventsBefore: ReadonlyArray<Promise<number>> | undefined,
    dropSlices: (from: number) => Promise<void>,
  ): Promise<{ result: ParseResult; renumber: Renumbering[] } | null> {
    // Each slice is attached as soon as it has a worker and its first record number is known. Without
    // the counts (a file parsed whole), a slice would wait for the ones before it.
    const loadedFrom = jobs.map((_, k) => (k === 0 ? Promise.resolve(0) : (eventsBefore?.[k] ?? null)));
    const attached = jobs.map((job, k) => {
      const from = loadedFrom[k];
      if (!from) return null;
      const done = Promise.all([job, from]).then(([j, n]) => j?.attach(writer, report, n));
      done.catch(() => undefined);
      return done;
    });
    let merged: ParseResult | null = null;
    const renumber: Renumbering[] = [];
    let base = 0;
    for (let k = 0; k < jobs.length; k++) {
      const job = await jobs[k]!;
      if (!job) {
        // Cancelled before this slice had a worker: the file is rolled back, and nothing more of it loads.
        await dropSlices(0);
        return null;
      }
      const from = loadedFrom[k];
      let loadedAt = base;
      if (from) {
        loadedAt = await from;
        if (loadedAt < base)
          throw new Error(`slice ${k + 1} of this file was numbered from ${loadedAt}, below ${base}`);
        await attached[k];
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
            variant: mergeVariants(merged.summary.variant, r.summary.variant),
            records: merged.summary.records + r.summary.records,
            skipped: merged.summary.skipped + r.summary.skipped,
          };
        }
        merged.fatal = r.fatal;
      }
      if (r.fatal) {
        // As a whole-file read ends: with no summary of the file, only the problem.
        merged.summary = null;
        await dropSlices(k + 1);
        break;
      }
      base += count;
    }
    return { result: merged!, renumber };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

/** What every file of one importPaths call shares. */
interface ImportRun {
  conn: DuckDBConnection;
  newWriter: (sourceId: number) => BatchWriter;
  queue: ParseQueue;
  fileCount: number;
  opts: ImportOptions;
  /** Files read whole and found empty, recorded together when the run ends (see recordEmptyFiles). */
  emptyFiles: Array<Omit<NewSource, 'sourceId'>>;
}

/** A slice's records, loaded as `from` + 1 up to `from` + `count`, belong from `to` + 1 up. */
interface Renumbering {
  from: number;
  to: number;
  count: number;
}

/**
 * Moves slices numbered too high down to their records' real numbers, in file order (each moves down
 * into room the ones before it left).
 */
async function settleRecordNumbers(
  conn: DuckDBConnection,
  sourceId: number,
  renumber: readonly Renumbering[],
): Promise<void> {
  for (const { from, to, count } of renumber) {
    if (count === 0) continue;
    await conn.run(
      'UPDATE win_events SET record_no = record_no - $shift ' +
        'WHERE source_id = $source AND record_no > $from AND record_no <= $from + $count',
      { shift: from - to, source: sourceId, from, count },
    );
  }
}

/**
 * The variant of a file read in slices, as a whole-file read names it. The flavour comes from what lies
 * between events (see exportFlavour): a root, declarations and "Record N" lines show in the first slice,
 * or in every one; but a file is PowerShell's one-event-per-line only if every gap holds a line break,
 * so one slice that saw a gap without one makes the whole file wevtutil's.
 */
function mergeVariants(first: FormatVariant, next: FormatVariant): FormatVariant {
  const pair = new Set([first, next]);
  return pair.has('wevtutil') && pair.has('powershell-lines') ? 'wevtutil' : first;
}

/** The empty files of a run, recorded in one transaction once every file has been read. */
async function recordEmptyFiles(run: ImportRun): Promise<void> {
  if (run.emptyFiles.length === 0) return;
  await run.conn.run('BEGIN TRANSACTION');
  try {
    let sourceId = await nextSourceId(run.conn);
    for (const source of run.emptyFiles) await insertSource(run.conn, { sourceId: sourceId++, ...source });
    await run.conn.run('COMMIT');
  } catch (e) {
    await run.conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

function failedSummary(path: string, message: string): SourceSummary {
  return { path, sha256: '', format: 'unread', events: 0, skipped: 0, errors: [{ message }] };
}
