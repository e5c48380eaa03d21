// The rows behind a list of keys, in the keys' order, read from each table by rowid. A run of consecutive
// rowids (the rows of one file in a stretch of time: most of a window in time order) is read as a range;
// scattered keys go in as an IN list of bound values under a rowid range, which DuckDB pushes into the
// scan. Either way only the vectors holding those rows are read: a window of 200 rows costs tens of ms, an
// export's chunk of 50,000 a few range reads, never a scan of the table.
import {
  BIGINT,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBResultReader,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { GridRow, GridValue } from '../../../shared/eventGrid.js';
import { coverageSummary } from '../service/coverage.js';
import { AUDIT_CATEGORY_SQL, SIGNIN_CATEGORY_SQL, WIN_CATEGORY_SQL } from '../service/eventCategories.js';
import { isoSql, type JsonRow } from '../service/sqlRows.js';
import { readBound } from './boundQuery.js';
import { GRID_TABLES, type GridTable, type ResolvedColumn } from './columns.js';
import type { Bindings } from './viewSql.js';

export interface RowKey {
  t: number;
  rid: bigint;
}

/** The most scattered keys one IN list holds; more go in several queries (cheaper than one join). */
const KEYS_PER_QUERY = 2_000;
/**
 * A run of at least this many consecutive rowids (a vector's worth) is read as a range; shorter runs join
 * the IN list, since each query costs its own overhead (a window is one query a table).
 */
const RUN_MIN = 2_048;

// What the timeline's one-line summary reads (the columns of ALL_EVENTS_SQL, and coverage's few more).
const SUMMARY_INPUTS: Record<GridTable, string> = {
  win_events: `'win_events' AS tbl, ${WIN_CATEGORY_SQL} AS category, e.event_id, e.provider, e.subject_user,
    e.subject_domain, e.target_user, e.target_domain, e.image, e.command_line, e.parent_image, e.logon_type,
    e.ip, e.workstation, e.status, e.sub_status, e.failure_code, e.member_name, e.object_type, e.object_name,
    e.caller_image, NULL AS app, NULL AS error_code, NULL AS result`,
  signins: `'signins' AS tbl, ${SIGNIN_CATEGORY_SQL} AS category, NULL AS event_id, NULL AS provider,
    e.user_principal_name AS subject_user, NULL AS subject_domain, NULL AS target_user, NULL AS target_domain,
    NULL AS image, NULL AS command_line, NULL AS parent_image, NULL AS logon_type, e.ip, NULL AS workstation,
    NULL AS status, NULL AS sub_status, NULL AS failure_code, NULL AS member_name, NULL AS object_type,
    NULL AS object_name, e.failure_reason AS caller_image, e.app_display_name AS app, e.error_code,
    NULL AS result`,
  audits: `'audits' AS tbl, ${AUDIT_CATEGORY_SQL} AS category, NULL AS event_id, e.logged_by_service AS provider,
    e.initiator_upn AS subject_user, NULL AS subject_domain, array_to_string(e.target_upns, ', ') AS target_user,
    NULL AS target_domain, NULL AS image, NULL AS command_line, NULL AS parent_image, NULL AS logon_type,
    e.initiator_ip AS ip, NULL AS workstation, NULL AS status, NULL AS sub_status, NULL AS failure_code,
    NULL AS member_name, NULL AS object_type, NULL AS object_name, e.activity AS caller_image,
    e.initiator_app AS app, NULL AS error_code, e.result`,
};

/**
 * The few summaries that read more (a file created, a log cleared, a script block): asked for afterwards,
 * for those events only, since reading EventData for every row of a window cost more than all else.
 */
const EXTRA_SUMMARY_EVENTS = [11, 104, 4104];
const EXTRA_SUMMARY_INPUTS = `e.data->>'TargetFilename' AS target_file, e.data->>'Channel' AS cleared_channel,
  left(e.script_text, 200) AS script_head`;

function cellSql(c: ResolvedColumn, table: GridTable): string {
  if (c.derived) return 'NULL';
  return c.kind === 'time' ? isoSql(c.sql(table)) : c.sql(table);
}

function cellValue(c: ResolvedColumn, row: JsonRow, alias: string): GridValue {
  if (c.derived) return c.id === 'summary' ? coverageSummary(row) : null;
  const v = row[alias];
  if (v === null || v === undefined) return null;
  return c.kind === 'number' ? Number(v) : String(v);
}

/**
 * A result's rows as objects. DuckDB's own getRowObjectsJson took six times as long as reading the rows as
 * arrays and naming their values here (measured on 10,000 rows of 24 columns: 219–430 ms against 37–66).
 */
function rowObjects(reader: DuckDBResultReader): JsonRow[] {
  const names = reader.columnNames();
  return reader.getRowsJson().map((values) => {
    const row: JsonRow = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i]!;
    return row;
  });
}

/** Where the rows come from: the view's bindings and scope, and each evidence file's SHA-256 by id. */
export interface FetchContext {
  bindings: Bindings;
  /** Joined when a column reads the scope's own row (a finding's role). */
  scopeTable: string | null;
  sources: ReadonlyMap<number, string>;
}

/** Reads `columns` for each key, in the keys' order. */
export async function fetchRows(
  conn: DuckDBConnection,
  keys: readonly RowKey[],
  columns: readonly ResolvedColumn[],
  context: FetchContext,
): Promise<GridRow[]> {
  const found = new Map<string, GridRow>();
  for (const [t, table] of GRID_TABLES.entries()) {
    const rids = keys
      .filter((k) => k.t === t)
      .map((k) => k.rid)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const { ranges, scattered } = runsOf(rids);
    const reads: KeySet[] = ranges.map(([lo, hi]) => ({ lo, hi }));
    for (let at = 0; at < scattered.length; at += KEYS_PER_QUERY)
      reads.push({ list: scattered.slice(at, at + KEYS_PER_QUERY) });
    for (const keySet of reads)
      for (const [rid, row] of await readRows(conn, table, keySet, columns, context))
        found.set(`${t}:${rid}`, row);
  }
  // A key whose row is gone (the case changed under the view) is left out rather than shown empty.
  return keys.flatMap((k) => found.get(`${k.t}:${k.rid}`) ?? []);
}

/** A range of consecutive rowids, or a list of scattered ones. */
type KeySet = { lo: bigint; hi: bigint } | { list: bigint[] };

/** Sorted rowids split into runs long enough to read as ranges, and the rest. */
function runsOf(rids: readonly bigint[]): { ranges: Array<[bigint, bigint]>; scattered: bigint[] } {
  const ranges: Array<[bigint, bigint]> = [];
  const scattered: bigint[] = [];
  let start = 0;
  for (let i = 1; i <= rids.length; i++) {
    if (i < rids.length && rids[i]! === rids[i - 1]! + 1n) continue;
    if (i - start >= RUN_MIN) ranges.push([rids[start]!, rids[i - 1]!]);
    else scattered.push(...rids.slice(start, i));
    start = i;
  }
  return { ranges, scattered };
}

/** One table's rows for a set of rowids, by rowid. */
async function readRows(
  conn: DuckDBConnection,
  table: GridTable,
  keySet: KeySet,
  columns: readonly ResolvedColumn[],
  { bindings, scopeTable, sources }: FetchContext,
): Promise<Array<[string, GridRow]>> {
  const params: Record<string, DuckDBValue> = { ...bindings.params };
  const types = { ...bindings.types };
  for (const c of columns)
    for (const [k, v] of Object.entries(c.params)) {
      params[k] = v;
      types[k] = VARCHAR;
    }
  let where: string;
  if ('list' in keySet) {
    // Sorted keys: the first and the last bound the scan to the row groups between.
    const { list } = keySet;
    Object.assign(params, { lo: list[0]!, hi: list[list.length - 1]! });
    list.forEach((r, i) => (params[`r${i}`] = r));
    for (const k of ['lo', 'hi', ...list.map((_, i) => `r${i}`)]) types[k] = BIGINT;
    where = `e.rowid BETWEEN $lo AND $hi AND e.rowid IN (${list.map((_, i) => `$r${i}`).join(', ')})`;
  } else {
    Object.assign(params, { lo: keySet.lo, hi: keySet.hi });
    Object.assign(types, { lo: BIGINT, hi: BIGINT });
    where = 'e.rowid BETWEEN $lo AND $hi';
  }
  const t = GRID_TABLES.indexOf(table);
  const summary = columns.some((c) => c.derived);
  const scopeJoin = scopeTable ? ` LEFT JOIN ${scopeTable} s ON s.t = ${t} AND s.rid = e.rowid` : '';
  const cells = columns.map((c, i) => `, ${cellSql(c, table)} AS c${i}`).join('');
  const sql =
    `SELECT e.rowid::VARCHAR AS _rid, e.record_no AS _record_no, e.source_id AS _source${cells}` +
    `${summary ? `, ${SUMMARY_INPUTS[table]}` : ''} FROM ${table} e${scopeJoin} WHERE ${where}`;
  const rows = rowObjects(await readBound(conn, sql, { params, types }));
  if (summary && table === 'win_events') await addSummaryExtras(conn, rows, where, { params, types });
  return rows.map((row) => [
    String(row['_rid']),
    {
      ref: { table, source: sources.get(Number(row['_source'])) ?? '', recordNo: Number(row['_record_no']) },
      cells: columns.map((c, i) => cellValue(c, row, `c${i}`)),
    },
  ]);
}

/**
 * Adds what the summaries of file creations, log clears and script blocks read, for those rows only: the
 * same keys again, narrowed to those events, so DuckDB reads EventData and scripts for them alone.
 */
async function addSummaryExtras(
  conn: DuckDBConnection,
  rows: JsonRow[],
  where: string,
  keys: Bindings,
): Promise<void> {
  if (!rows.some((r) => EXTRA_SUMMARY_EVENTS.includes(Number(r['event_id'])))) return;
  const extras = await readBound(
    conn,
    `SELECT e.rowid::VARCHAR AS _rid, ${EXTRA_SUMMARY_INPUTS} FROM win_events e
     WHERE ${where} AND e.event_id IN (${EXTRA_SUMMARY_EVENTS.join(', ')})`,
    keys,
  );
  const byRid = new Map(rowObjects(extras).map((x) => [String(x['_rid']), x]));
  for (const r of rows) {
    const extra = byRid.get(String(r['_rid']));
    if (extra) Object.assign(r, extra);
  }
}
