// The per-file transaction of an import: one file (whole, or all its slices) is loaded inside one
// transaction, hashed alongside, checked against the case for a duplicate, and committed with its source
// row — or rolled back whole when it is refused, cancelled or fails, so a file is never half in the case.
import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { findSourceByHash, insertSource, nextSourceId, type NewSource } from '../store/sources.js';
import type { SourceSummary } from '../../../shared/report.js';
import type { BatchWriter } from './batchWriter.js';
import type { ExpandedPath } from './expandPaths.js';
import { diskFullMessage } from './diskFull.js';
import { hashFile } from './fileChunks.js';
import type { ImportOptions } from './importer.js';
import { scanSlicedFile } from './planSlices.js';
import type { ParseQueue } from './parseQueue.js';
import { loadSlices, settleRecordNumbers } from './sliceMerge.js';

export /** What every file of one importPaths call shares. */
interface ImportRun {
  conn: DuckDBConnection;
  newWriter: (sourceId: number) => BatchWriter;
  queue: ParseQueue;
  fileCount: number;
  opts: ImportOptions;
  /** Files read whole and found empty, recorded together when the run ends (see recordEmptyFiles). */
  emptyFiles: Array<Omit<NewSource, 'sourceId'>>;
}

export async function loadFile(
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
  // A file parsed whole is hashed by its parse worker as it reads it. A sliced file is read whole here
  // too, alongside its parse, for its hash (no single slice sees every byte) and for the numbers its
  // later slices' records start from.
  const scan =
    slices.length > 1
      ? scanSlicedFile(
          path,
          slices.map((k) => queue.unit(k).range?.start ?? 0),
        )
      : null;
  const hashing = scan?.sha256 ?? parsedHash(queue, slices[0]!, path);
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
    const loaded = await loadSlices(
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
    return failedSummary(path, diskFullMessage(e) ?? (e as Error).message);
  } finally {
    if (open) await conn.run('ROLLBACK').catch(() => undefined);
  }
}

export /** The empty files of a run, recorded in one transaction once every file has been read. */
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

/**
 * The hash the parse worker took of a file it read whole; the file is read again here only when the
 * worker has none (a cancelled or failed read), so that such a file is reported as before.
 */
async function parsedHash(queue: ParseQueue, unit: number, path: string): Promise<string> {
  const job = await queue.job(unit);
  const result = await job?.result.catch(() => null);
  return result?.sha256 ?? hashFile(path);
}

export function failedSummary(path: string, message: string): SourceSummary {
  return { path, sha256: '', format: 'unread', events: 0, skipped: 0, errors: [{ message }] };
}
