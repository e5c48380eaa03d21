// Slice merging: a big file parsed as several byte ranges at once is loaded as if it had been read whole —
// slices attach to the file's writer as soon as their first record number is known, their results merge
// into one, and slices numbered too high (on a damaged file) are moved down to their real numbers.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FormatVariant } from '../rowContract.js';
import type { BatchWriter } from './batchWriter.js';
import type { ParseResult } from './parseFile.js';
import type { ParseJob } from './parseJob.js';

export /** A slice's records, loaded as `from` + 1 up to `from` + `count`, belong from `to` + 1 up. */
interface Renumbering {
  from: number;
  to: number;
  count: number;
}

export /**
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
export async function loadSlices(
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
