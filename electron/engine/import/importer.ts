// The import coordinator: scheduling. It owns the case connection and loads files strictly one after
// another, each inside one transaction (fileTransaction.ts), so a crash or a cancel leaves a file wholly
// in or wholly out. Parsing runs ahead in worker threads, one per core but the coordinator's (see
// parseWorkerCount): a big file's slices at once (merged by sliceMerge.ts), then the next files, so every
// core stays busy while DuckDB loads.
import type { CaseDb } from '../store/openCase.js';
import type { SourceSummary } from '../../../shared/report.js';
import type { BatchWriter } from './batchWriter.js';
import { expandPaths } from './expandPaths.js';
import { failedSummary, loadFile, recordEmptyFiles, type ImportRun } from './fileTransaction.js';
import { parseWorkerCount } from './importConcurrency.js';
import { planSlices } from './planSlices.js';
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
          summary = await loadFile(run, f, i, slices);
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

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
