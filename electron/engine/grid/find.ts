// Find next / previous in a view. Reading every event's raw XML costs seconds on a million events (its
// 1.5 GB decompressed, measured on the bench case), so find first looks at the next rows of the view
// only (FIND_PROBE_ROWS of them, read by rowid): most searches stop there. When those hold no match, it
// reads the whole view in slices of the tables' rows, a slice per request within FIND_BUDGET_MS, keeping
// what matched; the page asks again while `progress` says it is not done, and shows how far it is. Once
// every row is read, the matches' rows in the view's order answer next and previous at once.
import { BIGINT, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { GridFindResult } from '../../../shared/eventGrid.js';
import { readBound, rowsBound, runBound } from './boundQuery.js';
import { GRID_TABLES } from './columns.js';
import { findMatchSql, findPattern } from './findSql.js';
import type { Bindings, ViewPlan } from './viewSql.js';

export const FIND_PROBE_ROWS = 1_000;
export const FIND_BUDGET_MS = 150;
const FIRST_SLICE = 32_768;

export interface FindRequest {
  text: string;
  regex?: boolean;
  from: number;
  direction: 'next' | 'prev';
}

/** A search through a whole view, carried over several requests. */
export interface FindScan {
  /** Temp table of the (t, rid) keys that matched so far. */
  hits: string;
  /** Temp table of the matches' rows in the view, once every row is read. */
  positions: string | null;
  count: number;
  /** The next rowid to read, in every table, and where the tables end. */
  cursor: bigint;
  end: bigint;
  slice: number;
}

function findBindings(plan: ViewPlan, req: FindRequest): Bindings {
  return {
    params: { ...plan.params, find_re: findPattern(req.text, req.regex === true) },
    types: { ...plan.types, find_re: VARCHAR },
  };
}

/** The nearest match among the FIND_PROBE_ROWS rows after (or before) `from`, or null. */
export async function probeNearby(
  conn: DuckDBConnection,
  ordered: string,
  plan: ViewPlan,
  req: FindRequest,
  total: number,
): Promise<number | null> {
  const next = req.direction === 'next';
  const from = req.from < 0 ? (next ? -1 : total) : req.from;
  const start = next ? from + 1 : Math.max(0, from - FIND_PROBE_ROWS);
  const end = next ? Math.min(total, start + FIND_PROBE_ROWS) : from;
  if (end <= start) return null;
  const keys = await rowsBound<{ pos: unknown; t: unknown; rid: unknown }>(
    conn,
    `SELECT rowid AS pos, t, rid::VARCHAR AS rid FROM ${ordered} WHERE rowid BETWEEN $first AND $last`,
    { params: { first: BigInt(start), last: BigInt(end - 1) }, types: { first: BIGINT, last: BIGINT } },
  );
  const position = new Map(keys.map((k) => [`${Number(k.t)}:${String(k.rid)}`, Number(k.pos)]));
  const hits: number[] = [];
  for (const [t, table] of GRID_TABLES.entries()) {
    const rids = keys.filter((k) => Number(k.t) === t).map((k) => BigInt(String(k.rid)));
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
  return next ? Math.min(...hits) : Math.max(...hits);
}

/** Starts a search through every row of the view: where the tables' rows end, and an empty hit table. */
export async function startScan(conn: DuckDBConnection, plan: ViewPlan, hits: string): Promise<FindScan> {
  let end = 0n;
  for (const table of plan.tables) {
    const r = await conn.runAndReadAll(`SELECT coalesce(max(rowid) + 1, 0)::VARCHAR AS n FROM ${table}`);
    const n = BigInt(String(r.getRowObjectsJson()[0]!['n']));
    if (n > end) end = n;
  }
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${hits} (t UTINYINT, rid BIGINT)`);
  return { hits, positions: null, count: 0, cursor: 0n, end, slice: FIRST_SLICE };
}

/**
 * Reads slices of the view's rows for matches until the budget is spent or every row is read; then
 * numbers the matches in the view's order (into `positions`).
 */
export async function continueScan(
  conn: DuckDBConnection,
  scan: FindScan,
  plan: ViewPlan,
  req: FindRequest,
  ordered: string,
  positions: string,
): Promise<void> {
  const started = performance.now();
  const b = findBindings(plan, req);
  b.types['a'] = BIGINT;
  b.types['b'] = BIGINT;
  const match = (table: (typeof GRID_TABLES)[number]) =>
    `e.rowid BETWEEN $a AND $b AND ${findMatchSql(table, req.regex === true, req.text)}`;
  const sql = `INSERT INTO ${scan.hits} SELECT t, rid FROM (${plan.relation({}, match)})`;
  while (scan.cursor < scan.end && performance.now() - started < FIND_BUDGET_MS) {
    const t0 = performance.now();
    b.params['a'] = scan.cursor;
    b.params['b'] = scan.cursor + BigInt(scan.slice) - 1n;
    await runBound(conn, sql, b);
    scan.cursor += BigInt(scan.slice);
    // The next slice sized to take about two thirds of the budget: each query costs a few ms whatever
    // its size, so few large slices read faster than many small ones, and an answer still comes in time.
    const took = Math.max(1, performance.now() - t0);
    scan.slice = Math.max(
      16_384,
      Math.min(1 << 21, Math.round((scan.slice * FIND_BUDGET_MS * (2 / 3)) / took)),
    );
  }
  if (scan.cursor < scan.end) return;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${positions} AS
     SELECT k.rowid AS pos FROM ${ordered} k JOIN ${scan.hits} m ON m.t = k.t AND m.rid = k.rid ORDER BY pos`,
  );
  const r = await conn.runAndReadAll(`SELECT count(*)::VARCHAR AS n FROM ${positions}`);
  scan.count = Number(r.getRowObjectsJson()[0]!['n']);
  scan.positions = positions;
}

export function scanProgress(scan: FindScan): number {
  return scan.end === 0n ? 1 : Math.min(1, Number(scan.cursor) / Number(scan.end));
}

/** The match after (or before) `from` in a finished scan, going on from the other end when none is. */
export async function nextMatch(
  conn: DuckDBConnection,
  scan: FindScan,
  req: FindRequest,
  total: number,
): Promise<GridFindResult> {
  if (!scan.positions || scan.count === 0) return { row: null, matches: 0, wrapped: false };
  const next = req.direction === 'next';
  const from = req.from < 0 ? (next ? -1 : total) : req.from;
  const pick = next ? 'min(pos)' : 'max(pos)';
  const r = await readBound(
    conn,
    `SELECT ${pick} AS here, (SELECT ${pick} FROM ${scan.positions}) AS wrap
     FROM ${scan.positions} WHERE pos ${next ? '>' : '<'} $from`,
    { params: { from: BigInt(from) }, types: { from: BIGINT } },
  );
  const row = r.getRowObjectsJson()[0] as { here: unknown; wrap: unknown };
  if (row.here !== null) return { row: Number(row.here), matches: scan.count, wrapped: false };
  return { row: Number(row.wrap), matches: scan.count, wrapped: true };
}
