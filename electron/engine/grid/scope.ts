// A grid's scope as rows: the events a screen listed before the grid (a coverage cell, a finding's
// evidence, an account's events), found once with the same SQL those screens use and kept as a small
// temp table of (t, rid, role) keys that every query of the view joins. The whole case needs no table.
import { INTEGER, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { GridScope } from '../../../shared/eventGrid.js';
import { coverageSqlText } from '../coverage/index.js';
import { notFound } from '../service/serviceError.js';
import { GRID_TABLES, type GridTable } from './columns.js';

export interface ScopeRows {
  /** The temp table of keys, or null for the whole case. */
  table: string | null;
  /** Tables that hold at least one event of the scope. */
  tables: GridTable[];
  hasRole: boolean;
}

const T = (table: GridTable) => GRID_TABLES.indexOf(table);

/** Keys of the referenced rows of each table: `refs` has (tbl, source_id, record_no[, role]). */
function keysOfRefs(refs: string, withRole: boolean): string {
  return GRID_TABLES.map(
    (table) =>
      `SELECT ${T(table)}::UTINYINT AS t, e.rowid AS rid, ${withRole ? 'r.role' : 'NULL::VARCHAR AS role'}
       FROM ${table} e JOIN ${refs} r
         ON r.tbl = '${table}' AND e.source_id = r.source_id AND e.record_no = r.record_no`,
  ).join('\nUNION ALL\n');
}

/** The account's events, as its story names it: the account as actor or target, its sign-ins and audits. */
function accountKeys(): string {
  // `contains` on the bare name first: a cheap test that leaves account_key() a few rows to look at.
  return `
    SELECT 0::UTINYINT AS t, e.rowid AS rid, NULL::VARCHAR AS role FROM win_events e
    WHERE (contains(lower(e.subject_user), $name) AND account_key(e.subject_user, e.subject_domain) = $key)
       OR (contains(lower(e.target_user), $name) AND account_key(e.target_user, e.target_domain) = $key)
    UNION ALL
    SELECT 1, e.rowid, NULL FROM signins e
    WHERE contains(lower(e.user_principal_name), $name) AND account_key(e.user_principal_name, NULL) = $key
    UNION ALL
    SELECT 2, e.rowid, NULL FROM audits e
    WHERE (contains(lower(e.initiator_upn), $name) AND account_key(e.initiator_upn, NULL) = $key)
       OR len(list_filter(e.target_upns, u -> contains(lower(u), $name) AND account_key(u, NULL) = $key)) > 0`;
}

/** The SQL and values selecting the scope's keys, or null for the whole case. */
interface ScopeQuery {
  sql: string;
  params: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
  role: boolean;
}

function scopeQuery(scope: GridScope): ScopeQuery | null {
  switch (scope.kind) {
    case 'case':
      return null;
    case 'coverage':
      // The cell's own query, every row of it (its paging parameters set to all).
      return {
        sql: `WITH refs AS (${coverageSqlText('coverage_events.sql')}) ${keysOfRefs('refs', false)}`,
        params: { host: scope.host, telemetry: scope.telemetry, limit: 2_147_483_647, offset: 0 },
        types: { host: VARCHAR, telemetry: VARCHAR, limit: INTEGER, offset: INTEGER },
        role: false,
      };
    case 'finding':
      // An event can back a finding twice (two roles): one row, its roles joined.
      return {
        sql: `WITH refs AS (
                SELECT table_name AS tbl, source_id, record_no, role FROM finding_evidence WHERE finding_id = $finding)
              SELECT t, rid, string_agg(DISTINCT role, ', ' ORDER BY role) AS role
              FROM (${keysOfRefs('refs', true)}) GROUP BY t, rid`,
        params: { finding: scope.findingId },
        types: { finding: VARCHAR },
        role: true,
      };
    case 'account': {
      const key = scope.key.trim().toLowerCase();
      const name = key.slice(key.lastIndexOf('\\') + 1);
      return {
        sql: accountKeys(),
        params: { key, name },
        types: { key: VARCHAR, name: VARCHAR },
        role: false,
      };
    }
  }
}

/** Finds the scope's events and keeps their keys in `table` (a name the caller made up). */
export async function materializeScope(
  conn: DuckDBConnection,
  scope: GridScope,
  table: string,
): Promise<ScopeRows> {
  if (scope.kind === 'finding') {
    const found = await conn.runAndReadAll('SELECT 1 FROM findings WHERE finding_id = $id LIMIT 1', {
      id: scope.findingId,
    });
    if (found.currentRowCount === 0) throw notFound(`finding ${scope.findingId}`);
  }
  const query = scopeQuery(scope);
  if (!query) return { table: null, tables: [...GRID_TABLES], hasRole: false };
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM (${query.sql}) ORDER BY t, rid`,
    query.params,
    query.types,
  );
  const present = await conn.runAndReadAll(`SELECT DISTINCT t FROM ${table} ORDER BY t`);
  const tables = (present.getRowObjectsJson() as Array<{ t: number }>).map((r) => GRID_TABLES[Number(r.t)]!);
  return { table, tables, hasRole: query.role };
}
