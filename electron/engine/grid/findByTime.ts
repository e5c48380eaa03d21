// Find in a view in time order (every grid's first order), when the rows next to the current one hold no
// match. Reading every event's raw record costs seconds on a big case (3.3-4.3 s on the bench case's
// million events), and a match is most often some way on, not at the other end: so the view is read in
// its own order, from the current row's time bucket on (timeOrder.ts counts the view's rows per bucket),
// a slice of buckets per query, and the answer comes as soon as a match is known to be the nearest: the
// buckets between the current row and it have all been read. A match far on costs the reading up to it;
// only text that is nowhere (or only behind) needs every row, as before.
//
// What was read stays known for the same text and view: a find next from the match found answers from the
// matches already kept when the buckets up to the next one were read, and reads on from where it stopped
// otherwise. Once every bucket is read, the matches are counted and the search answers at once, as the
// search through the tables' rows (find.ts) does for the other orders.
import { BIGINT, type DuckDBConnection } from '@duckdb/node-api';
import type { GridFindResult } from '../../../shared/eventGrid.js';
import { rowsBound, runBound } from './boundQuery.js';
import { FIND_BUDGET_MS, findBindings, type FindRequest } from './find.js';
import { findMatchSql } from './findSql.js';
import type { TimeOrder, TimeSpan, TimedKey } from './timeOrder.js';
import type { ViewPlan } from './viewSql.js';

/** Rows read by the first query of a search: small, so a match close by answers at once. */
const FIRST_ROWS = 8_192;

/** A search through a view in time order, carried over several requests. */
export interface TimeScan {
  /** Temp table of the (t, rid, ts) of the rows that matched in the buckets read. */
  hits: string;
  spans: TimeSpan[];
  /** The buckets read, by their place in the view's order. */
  read: Uint8Array;
  unread: number;
  rowsRead: number;
  /** The next bucket to read, and which way the search goes (+1 on, −1 back). */
  cursor: number;
  step: 1 | -1;
  /** Rows to read in the next query, and the fewest a query reads. */
  slice: number;
  least: number;
  done: boolean;
  count: number;
}

/** Starts a search from the request's row, the way it goes; the view's times are counted if need be. */
export async function startTimeScan(
  conn: DuckDBConnection,
  time: TimeOrder,
  req: FindRequest,
  hits: string,
  firstRows = FIRST_ROWS,
): Promise<TimeScan> {
  const spans = await time.spans(conn);
  const next = req.direction === 'next';
  const key = await keyAt(conn, time, req.from);
  const cursor = key ? await time.spanOf(conn, key.us) : next ? 0 : spans.length - 1;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${hits} (t UTINYINT, rid BIGINT, ts TIMESTAMP)`);
  return {
    hits,
    spans,
    read: new Uint8Array(spans.length),
    unread: spans.length,
    rowsRead: 0,
    cursor,
    step: next ? 1 : -1,
    slice: firstRows,
    least: firstRows,
    done: spans.length === 0,
    count: 0,
  };
}

export function timeScanProgress(scan: TimeScan, total: number): number {
  return total === 0 ? 1 : Math.min(1, scan.rowsRead / total);
}

/**
 * Reads on until the match nearest the request's row is known, the budget is spent, or every bucket is
 * read: the match (or none), or null to ask again.
 */
export async function continueTimeScan(
  conn: DuckDBConnection,
  scan: TimeScan,
  time: TimeOrder,
  plan: ViewPlan,
  req: FindRequest,
): Promise<GridFindResult | null> {
  const started = performance.now();
  const key = await keyAt(conn, time, req.from);
  for (;;) {
    const answer = await nearest(conn, scan, time, req, key);
    if (answer) return answer;
    if (scan.done || performance.now() - started >= FIND_BUDGET_MS) return null;
    await readSlice(conn, scan, plan, req);
  }
}

/** The row the search starts after (or before), or null from the start (or the end). */
async function keyAt(conn: DuckDBConnection, time: TimeOrder, from: number): Promise<TimedKey | null> {
  if (from < 0 || from >= time.total) return null;
  return (await time.keys(conn, from, 1))[0] ?? null;
}

/**
 * The match nearest the request's row that the buckets read so far prove nearest: every bucket from the
 * row's to the match's is read (for a match after the end, on from the other end, every bucket to the end
 * and then to it). Null while that is not known. When nothing is left unread, the search is done: null
 * then means no match anywhere.
 */
async function nearest(
  conn: DuckDBConnection,
  scan: TimeScan,
  time: TimeOrder,
  req: FindRequest,
  key: TimedKey | null,
): Promise<GridFindResult | null> {
  const next = req.direction === 'next';
  const last = scan.spans.length - 1;
  const first = next ? 0 : last;
  const end = next ? last : 0;
  const readFrom = async (a: number, hit: TimedKey) =>
    allRead(scan, a, await time.spanOf(conn, hit.us), next);
  const here = await time.nearestHit(conn, scan.hits, key, next);
  const start = key ? await time.spanOf(conn, key.us) : first;
  if (here) {
    if (!(await readFrom(start, here))) return null;
    return { row: await time.position(conn, here), ...counted(scan), wrapped: false };
  }
  if (!allRead(scan, start, end, next)) return null;
  const wrapped = key === null ? null : await time.nearestHit(conn, scan.hits, null, next);
  if (wrapped) {
    if (!(await readFrom(first, wrapped))) return null;
    return { row: await time.position(conn, wrapped), ...counted(scan), wrapped: true };
  }
  if (!scan.done) return null;
  return { row: null, matches: 0, wrapped: false };
}

/** Once every bucket is read, the number of matches goes with the answer. */
function counted(scan: TimeScan): { matches?: number } {
  return scan.done ? { matches: scan.count } : {};
}

/** True when every bucket from `a` to `b`, going on (or back), is read. */
function allRead(scan: TimeScan, a: number, b: number, next: boolean): boolean {
  if (next ? b < a : b > a) return false;
  for (let i = a; next ? i <= b : i >= b; i += next ? 1 : -1) if (!scan.read[i]) return false;
  return true;
}

/**
 * Reads the next buckets from the cursor, about `slice` rows of them, for matches: the view's own query
 * with the find's test, bounded to the buckets' times so the tables' zone maps skip the rest.
 */
async function readSlice(
  conn: DuckDBConnection,
  scan: TimeScan,
  plan: ViewPlan,
  req: FindRequest,
): Promise<void> {
  const { spans, step } = scan;
  while (scan.read[scan.cursor]) scan.cursor = wrapAround(scan.cursor + step, spans.length);
  // Consecutive unread buckets with a time, up to the slice's rows and not past either end; the rows
  // without a time are a slice of their own.
  const from = scan.cursor;
  let to = from;
  let rows = spans[from]!.rows;
  if (spans[from]!.lo !== null)
    while (rows < scan.slice) {
      const n = to + step;
      if (n < 0 || n >= spans.length || scan.read[n] || spans[n]!.lo === null) break;
      to = n;
      rows += spans[n]!.rows;
    }
  const [a, b] = step > 0 ? [from, to] : [to, from];
  const lo = spans[a]!.lo;
  const t0 = performance.now();
  const b0 = findBindings(plan, req);
  let when = 'e.ts IS NULL';
  if (lo !== null) {
    // Ascending views list buckets by time; descending ones the other way round.
    const [first, last] = spans[a]!.lo! <= spans[b]!.lo! ? [spans[a]!, spans[b]!] : [spans[b]!, spans[a]!];
    b0.params['find_lo'] = first.lo!;
    b0.params['find_hi'] = last.hi!;
    b0.types['find_lo'] = BIGINT;
    b0.types['find_hi'] = BIGINT;
    when = 'e.ts >= make_timestamp($find_lo) AND e.ts < make_timestamp($find_hi)';
  }
  await runBound(
    conn,
    `INSERT INTO ${scan.hits} SELECT t, rid, ts FROM (${plan.relation(
      {},
      (table) => `${when} AND ${findMatchSql(table, req.regex === true, req.text)}`,
    )})`,
    b0,
  );
  for (let i = a; i <= b; i++) scan.read[i] = 1;
  scan.unread -= b - a + 1;
  scan.rowsRead += rows;
  scan.cursor = wrapAround(to + step, spans.length);
  // The next slice sized to take about two thirds of the budget, growing at most fourfold (find.ts).
  const took = Math.max(1, performance.now() - t0);
  const wanted = Math.round((scan.slice * FIND_BUDGET_MS * (2 / 3)) / took);
  scan.slice = Math.max(scan.least, Math.min(scan.slice * 4, 1 << 21, wanted));
  if (scan.unread === 0) {
    const [r] = await rowsBound<{ n: unknown }>(conn, `SELECT count(*) AS n FROM ${scan.hits}`, {
      params: {},
      types: {},
    });
    scan.count = Number(r!.n);
    scan.done = true;
  }
}

function wrapAround(i: number, n: number): number {
  return ((i % n) + n) % n;
}
