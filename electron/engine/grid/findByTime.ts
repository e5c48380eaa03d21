// Find in a view in time order (every grid's first order), when the rows next to the current one hold no
// match. Reading every event's raw record costs seconds on a big case (3.3-4.3 s on the bench case's
// million events), and a match is most often some way on, not at the other end: so the view is read in
// its own order, from the current row's time bucket on (timeOrder.ts counts the view's rows per bucket),
// a slice of buckets per query, and the answer comes as soon as a match is known to be the nearest: the
// buckets between the current row and it have all been read. A match far on costs the reading up to it;
// only text that is nowhere (or only behind) needs every row, as before.
//
// Reading in time order costs more a row than reading the tables in their own order (each query loads
// blocks of every file whose events fall in its times): once a fifth of the view is read without an
// answer, the rest is read in the tables' order, in slices of rowids, leaving out the times already read,
// and the answer comes when all is read, as before. Text that is nowhere then costs little more than it did.
//
// What was read stays known for the same text and view: a find next from the match found answers from the
// matches already kept when the buckets up to the next one were read, and reads on from where it stopped
// otherwise. Once every bucket is read, the matches are counted and the search answers at once, as the
// search through the tables' rows (find.ts) does for the other orders.
import { BIGINT, type DuckDBConnection } from '@duckdb/node-api';
import type { GridFindResult } from '../../../shared/eventGrid.js';
import { rowsBound, runBound } from './boundQuery.js';
import { FIND_BUDGET_MS, findBindings, matchingRows, type FindRequest } from './find.js';
import type { TimeOrder, TimeSpan, TimedKey } from './timeOrder.js';
import type { ViewPlan } from './viewSql.js';

/** Rows read by the first query of a search: small, so a match close by answers at once. */
const FIRST_ROWS = 8_192;
/** The share of the view read in time order before the rest is read in the tables' order. */
const IN_ORDER_SHARE = 0.2;
/** Rows of the first slice of the rest. */
const FIRST_REST_ROWS = 65_536;

/** The rest of a search, read in the tables' order once IN_ORDER_SHARE of the view is (see find.ts). */
interface RestScan {
  cursor: bigint;
  end: bigint;
  slice: number;
  /** Leaves out the rows of the buckets read in time order (SQL over `e`), with its bound times. */
  unread: string;
  times: Record<string, bigint>;
  /** Rows of the view it reads. */
  rows: number;
}

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
  rest: RestScan | null;
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
    rest: null,
    done: spans.length === 0,
    count: 0,
  };
}

export function timeScanProgress(scan: TimeScan, total: number): number {
  const rest = scan.rest;
  const read = rest
    ? scan.rowsRead + (rest.end === 0n ? 1 : Number(rest.cursor) / Number(rest.end)) * rest.rows
    : scan.rowsRead;
  return total === 0 ? 1 : Math.min(1, read / total);
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
  const total = spans.reduce((n, span) => n + span.rows, 0);
  if (!scan.rest && scan.rowsRead >= IN_ORDER_SHARE * total)
    scan.rest = await startRest(conn, scan, plan, total);
  if (scan.rest) return readRest(conn, scan, plan, req);
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
  await runBound(conn, `INSERT INTO ${scan.hits} ${matchingRows(plan, req, () => when)}`, b0);
  for (let i = a; i <= b; i++) scan.read[i] = 1;
  scan.unread -= b - a + 1;
  scan.rowsRead += rows;
  scan.cursor = wrapAround(to + step, spans.length);
  // The next slice sized to take one to two budgets. A query here costs much the same up to tens of
  // thousands of rows (it loads the blocks of each file that hold the buckets' times), and reads its rows
  // as fast as a scan of the tables' own order only when it holds a hundred thousand or more (measured on
  // the bench case: 10,000 rows 50-100 ms, 33,000 rows 220-300 ms, 100,000 rows 160-240 ms, 200,000 rows
  // 425 ms): so a slice quicker than one and a half budgets doubles, and only one over three budgets
  // shrinks, to two. An answer then takes at most ~0.3 s, as the search through the tables' rows.
  const took = Math.max(1, performance.now() - t0);
  const wanted =
    took < 1.5 * FIND_BUDGET_MS
      ? scan.slice * 2
      : took > 3 * FIND_BUDGET_MS
        ? Math.round((scan.slice * 2 * FIND_BUDGET_MS) / took)
        : scan.slice;
  scan.slice = Math.max(scan.least, Math.min(scan.slice * 4, 1 << 21, wanted));
  if (scan.unread === 0) await finish(conn, scan);
}

/** Every bucket read: the matches counted. */
async function finish(conn: DuckDBConnection, scan: TimeScan): Promise<void> {
  const [r] = await rowsBound<{ n: unknown }>(conn, `SELECT count(*) AS n FROM ${scan.hits}`, {
    params: {},
    types: {},
  });
  scan.count = Number(r!.n);
  scan.done = true;
}

/**
 * The rest of the view to read in the tables' order: where their rowids end, and the times read so far
 * to leave out. Buckets read one after another cover one stretch of time (the buckets between them hold
 * none of the view's rows), so each run of them is one range; the bucket of rows without a time is a test
 * of its own.
 */
async function startRest(
  conn: DuckDBConnection,
  scan: TimeScan,
  plan: ViewPlan,
  total: number,
): Promise<RestScan> {
  const { spans } = scan;
  const times: Record<string, bigint> = {};
  const ranges: string[] = [];
  let untimed = false;
  for (let i = 0; i < spans.length; i++) {
    if (!scan.read[i]) continue;
    if (spans[i]!.lo === null) {
      untimed = true;
      continue;
    }
    let j = i;
    while (j + 1 < spans.length && scan.read[j + 1] && spans[j + 1]!.lo !== null) j++;
    const ends = [spans[i]!, spans[j]!].sort((x, y) => (x.lo! < y.lo! ? -1 : 1));
    const k = ranges.length;
    times[`rest_lo${k}`] = ends[0]!.lo!;
    times[`rest_hi${k}`] = ends[1]!.hi!;
    ranges.push(`(e.ts >= make_timestamp($rest_lo${k}) AND e.ts < make_timestamp($rest_hi${k}))`);
    i = j;
  }
  const unread = [
    ...(ranges.length ? [`NOT coalesce(${ranges.join(' OR ')}, false)`] : []),
    ...(untimed ? ['e.ts IS NOT NULL'] : []),
  ];
  let end = 0n;
  for (const table of plan.tables) {
    const r = await conn.runAndReadAll(`SELECT coalesce(max(rowid) + 1, 0)::VARCHAR AS n FROM ${table}`);
    const n = BigInt(String(r.getRowObjectsJson()[0]!['n']));
    if (n > end) end = n;
  }
  return {
    cursor: 0n,
    end,
    slice: FIRST_REST_ROWS,
    unread: unread.length ? unread.join(' AND ') : 'true',
    times,
    rows: total - scan.rowsRead,
  };
}

/** A slice of rowids of the rest (as find.ts reads a view); every bucket is read once it is all read. */
async function readRest(
  conn: DuckDBConnection,
  scan: TimeScan,
  plan: ViewPlan,
  req: FindRequest,
): Promise<void> {
  const rest = scan.rest!;
  const b = findBindings(plan, req);
  for (const [k, v] of Object.entries({
    ...rest.times,
    rest_a: rest.cursor,
    rest_b: rest.cursor + BigInt(rest.slice) - 1n,
  })) {
    b.params[k] = v;
    b.types[k] = BIGINT;
  }
  const t0 = performance.now();
  await runBound(
    conn,
    `INSERT INTO ${scan.hits} ${matchingRows(plan, req, () => `e.rowid BETWEEN $rest_a AND $rest_b AND ${rest.unread}`)}`,
    b,
  );
  rest.cursor += BigInt(rest.slice);
  // Sized as find.ts sizes its slices: about two thirds of the budget, growing at most fourfold.
  const took = Math.max(1, performance.now() - t0);
  const wanted = Math.round((rest.slice * FIND_BUDGET_MS * (2 / 3)) / took);
  rest.slice = Math.max(FIRST_ROWS, Math.min(rest.slice * 4, 1 << 21, wanted));
  if (rest.cursor < rest.end) return;
  scan.read.fill(1);
  scan.unread = 0;
  scan.rowsRead += rest.rows;
  scan.rest = null;
  await finish(conn, scan);
}

function wrapAround(i: number, n: number): number {
  return ((i % n) + n) % n;
}
