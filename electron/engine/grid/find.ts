// Find next / previous in a view. Reading every event's raw XML costs seconds on a million events (its
// 1.5 GB decompressed, measured on the bench case), so find first looks at the next rows of the view
// only (FIND_PROBE_ROWS of them, read by rowid): most searches stop there. When those hold no match, it
// reads the whole view in slices of the tables' rows, a slice per request within FIND_BUDGET_MS, keeping
// what matched; the page asks again while `progress` says it is not done, and shows how far it is. Once
// every row is read, the matches answer next and previous at once, through the view's order.
import { BIGINT, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { GridFindResult } from '../../../shared/eventGrid.js';
import { rowsBound, runBound } from './boundQuery.js';
import { GRID_TABLES, type GridTable } from './columns.js';
import { findMatchParts, findMatchSql, findPattern } from './findSql.js';
import type { RowKey } from './rowFetch.js';
import type { Bindings, ViewPlan } from './viewSql.js';

export const FIND_PROBE_ROWS = 1_000;
export const FIND_BUDGET_MS = 150;
const FIRST_SLICE = 8_192;

export interface FindRequest {
  text: string;
  regex?: boolean;
  from: number;
  direction: 'next' | 'prev';
}

/** How a view orders its rows, as find needs it. */
export interface FindOrder {
  total: number;
  /** The keys of rows offset … offset + limit − 1. */
  keys(offset: number, limit: number): Promise<RowKey[]>;
  /** After a search of every row: the row of the first hit after `from` (or the last before), or null. */
  nearestHit(hits: string, from: number, next: boolean): Promise<number | null>;
}

/** A search through a whole view, carried over several requests. */
export interface FindScan {
  /** Temp table of the (t, rid, ts) of the rows that matched so far. */
  hits: string;
  done: boolean;
  count: number;
  /** The next rowid to read, in every table, and where the tables end. */
  cursor: bigint;
  end: bigint;
  slice: number;
}

export function findBindings(plan: ViewPlan, req: FindRequest): Bindings {
  return {
    params: { ...plan.params, find_re: findPattern(req.text, req.regex === true) },
    types: { ...plan.types, find_re: VARCHAR },
  };
}

/** The rows next to `from` that the probe reads: [start, end). */
function probeRange(req: FindRequest, total: number): [number, number] {
  const next = req.direction === 'next';
  const from = req.from < 0 ? (next ? -1 : total) : req.from;
  const start = next ? from + 1 : Math.max(0, from - FIND_PROBE_ROWS);
  const end = next ? Math.min(total, start + FIND_PROBE_ROWS) : from;
  return [start, end];
}

/** The nearest match among the FIND_PROBE_ROWS rows after (or before) `from`, or null. */
export async function probeNearby(
  conn: DuckDBConnection,
  order: FindOrder,
  plan: ViewPlan,
  req: FindRequest,
): Promise<number | null> {
  const [start, end] = probeRange(req, order.total);
  if (end <= start) return null;
  const keys = await order.keys(start, end - start);
  const position = new Map(keys.map((k, i) => [`${k.t}:${k.rid}`, start + i]));
  const hits: number[] = [];
  for (const [t, table] of GRID_TABLES.entries()) {
    const rids = keys.filter((k) => k.t === t).map((k) => k.rid);
    if (rids.length === 0) continue;
    const b = findBindings(plan, req);
    rids.forEach((rid, i) => {
      b.params[`r${i}`] = rid;
      b.types[`r${i}`] = BIGINT;
    });
    b.params['lo'] = rids.reduce((x, y) => (x < y ? x : y));
    b.params['hi'] = rids.reduce((x, y) => (x > y ? x : y));
    b.types['lo'] = BIGINT;
    b.types['hi'] = BIGINT;
    const found = await rowsBound<{ rid: unknown }>(
      conn,
      `SELECT e.rowid::VARCHAR AS rid FROM ${table} e
       WHERE e.rowid BETWEEN $lo AND $hi AND e.rowid IN (${rids.map((_, i) => `$r${i}`).join(', ')})
         AND ${findMatchSql(table, req.regex === true, req.text)}`,
      b,
    );
    for (const f of found) hits.push(position.get(`${t}:${String(f.rid)}`)!);
  }
  if (hits.length === 0) return null;
  return req.direction === 'next' ? Math.min(...hits) : Math.max(...hits);
}

/** Starts a search through every row of the view: where the tables' rows end, and an empty hit table. */
export async function startScan(conn: DuckDBConnection, plan: ViewPlan, hits: string): Promise<FindScan> {
  let end = 0n;
  for (const table of plan.tables) {
    const r = await conn.runAndReadAll(`SELECT coalesce(max(rowid) + 1, 0)::VARCHAR AS n FROM ${table}`);
    const n = BigInt(String(r.getRowObjectsJson()[0]!['n']));
    if (n > end) end = n;
  }
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${hits} (t UTINYINT, rid BIGINT, ts TIMESTAMP)`);
  return { hits, done: false, count: 0, cursor: 0n, end, slice: FIRST_SLICE };
}

/** Reads slices of the view's rows for matches until the budget is spent or every row is read. */
export async function continueScan(
  conn: DuckDBConnection,
  scan: FindScan,
  plan: ViewPlan,
  req: FindRequest,
): Promise<void> {
  const started = performance.now();
  const b = findBindings(plan, req);
  b.types['a'] = BIGINT;
  b.types['b'] = BIGINT;
  const sql = `INSERT INTO ${scan.hits} ${matchingRows(plan, req, () => 'e.rowid BETWEEN $a AND $b')}`;
  while (scan.cursor < scan.end && performance.now() - started < FIND_BUDGET_MS) {
    const t0 = performance.now();
    b.params['a'] = scan.cursor;
    b.params['b'] = scan.cursor + BigInt(scan.slice) - 1n;
    await runBound(conn, sql, b);
    scan.cursor += BigInt(scan.slice);
    // The next slice sized to take about two thirds of the budget: each query costs a few ms whatever
    // its size, so few large slices read faster than many small ones, and an answer still comes in time.
    // A slice grows at most fourfold at a time: one fast slice (a stretch of short events) must not
    // make the next, over the raw XML, overrun the budget many times over.
    const took = Math.max(1, performance.now() - t0);
    const wanted = Math.round((scan.slice * FIND_BUDGET_MS * (2 / 3)) / took);
    scan.slice = Math.max(FIRST_SLICE, Math.min(scan.slice * 4, 1 << 21, wanted));
  }
  if (scan.cursor < scan.end) return;
  const r = await conn.runAndReadAll(`SELECT count(*)::VARCHAR AS n FROM ${scan.hits}`);
  scan.count = Number(r.getRowObjectsJson()[0]!['n']);
  scan.done = true;
}

/**
 * The view's rows (t, rid, ts) that hold the find's text, among those `where` keeps (a condition on the
 * row `e` per table): one query per part of findMatchParts, unioned.
 */
export function matchingRows(plan: ViewPlan, req: FindRequest, where: (table: GridTable) => string): string {
  const parts = (part: 0 | 1) =>
    `SELECT t, rid, ts FROM (${plan.relation(
      {},
      (table) => `${where(table)} AND ${findMatchParts(table, req.regex === true, req.text)[part]}`,
    )})`;
  return `${parts(0)}\nUNION ALL\n${parts(1)}`;
}

export function scanProgress(scan: FindScan): number {
  return scan.end === 0n ? 1 : Math.min(1, Number(scan.cursor) / Number(scan.end));
}

/** The match after (or before) `from` in a finished scan, going on from the other end when none is. */
export async function nextMatch(order: FindOrder, scan: FindScan, req: FindRequest): Promise<GridFindResult> {
  if (scan.count === 0) return { row: null, matches: 0, wrapped: false };
  const next = req.direction === 'next';
  const from = req.from < 0 ? (next ? -1 : order.total) : req.from;
  const here = await order.nearestHit(scan.hits, from, next);
  if (here !== null) return { row: here, matches: scan.count, wrapped: false };
  const wrapped = await order.nearestHit(scan.hits, next ? -1 : order.total, next);
  return { row: wrapped, matches: scan.count, wrapped: true };
}

/** Find's order over a view's ordered table of keys (its rowid is the row). */
export function orderedTableFind(
  conn: DuckDBConnection,
  table: string,
  total: number,
  keys: (offset: number, limit: number) => Promise<RowKey[]>,
): FindOrder {
  return {
    total,
    keys,
    async nearestHit(hits, from, next) {
      const [r] = await rowsBound<{ pos: unknown }>(
        conn,
        `SELECT ${next ? 'min' : 'max'}(k.rowid) AS pos FROM ${table} k JOIN ${hits} m ON m.t = k.t AND m.rid = k.rid
         WHERE k.rowid ${next ? '>' : '<'} $from`,
        { params: { from: BigInt(from) }, types: { from: BIGINT } },
      );
      return r?.pos === null || r?.pos === undefined ? null : Number(r.pos);
    },
  };
}
