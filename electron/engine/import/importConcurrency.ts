// How many parse workers an import runs. Every core parses but one, which is left to the coordinating
// thread and DuckDB's loading; DuckDB's own threads are sized with the case (see importOptions in openCase).
// Tests, the bench and a user sharing a machine pin the count: the Importer's `workers` argument, the
// CLI's `--workers N`, or ACCOUNTSCOPE_WORKERS in the environment (the app's path has only that).
import { availableParallelism } from 'node:os';

export const WORKERS_ENV = 'ACCOUNTSCOPE_WORKERS';

/**
 * Most workers ever started on their own. Each holds a V8 heap and two batches of segment memory
 * (~35 MB of peak RSS, measured), and a file is still loaded into DuckDB one INSERT at a time: past a
 * dozen or so workers the load, not the parse, sets the pace, and more of them only cost memory.
 */
export const MAX_PARSE_WORKERS = 16;

/** Highest count a user may pin (a typo like 200 must not start 200 threads). */
const MAX_PINNED_WORKERS = 64;

/**
 * Parse workers for this machine: one per core but one. The core left over is the load's: DuckDB's
 * INSERTs cost about as much CPU as the parse (for 112 MB of wevtutil XML, ~1.9 CPU-s against ~2.0),
 * and they run one after another on the coordinating thread's behalf. On 2 cores that is one worker,
 * and it beats two (measured, `accountscope import` as a whole process, paired runs: a 112 MB wevtutil
 * file 12% faster, a 324 MB one 13%, a folder of five files (595 MB) 17%): a second worker only
 * competes with DuckDB for the same two cores, and each worker thread costs ~0.5 CPU-s of its own
 * (booting, loading and JIT-compiling the readers).
 */
export function parseWorkerCount(cores = availableParallelism(), env = process.env): number {
  const pinned = env[WORKERS_ENV];
  if (pinned !== undefined && pinned !== '') return workerCountFrom(pinned, WORKERS_ENV);
  return Math.min(MAX_PARSE_WORKERS, Math.max(1, cores - 1));
}

/** A pinned worker count, checked: a whole number from 1 to 64. `source` names it in the error. */
export function workerCountFrom(text: string, source: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_PINNED_WORKERS)
    throw new RangeError(`${source} must be a whole number from 1 to ${MAX_PINNED_WORKERS}, not "${text}"`);
  return n;
}
