// A grid's scope as rows: the events a screen listed before the grid (a coverage cell, a finding's
// evidence, an account's events, a user's, host's or IP's page, the bookmarks), found once with the same
// SQL those screens use and kept as a small temp table of (t, rid) keys, with what the scope says about
// each event (a role; a bookmark's tags and note), that every query of the view joins. The whole case
// needs no table.
import { INTEGER, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { GridScope, GridScopeKind } from '../../../shared/eventGrid.js';
import { coverageSqlText } from '../coverage/index.js';
import { entityMatch, hitsQuery } from '../entities/index.js';
import { notFound } from '../service/serviceError.js';
import { GRID_TABLES, type GridTable } from './columns.js';

export interface ScopeRows {
  kind: GridScopeKind;
  /** The temp table of keys, or null for the whole case. */
  table: string | null;
  /** Tables that hold at least one event of the scope. */
  tables: GridTable[];
}

const T = (table: GridTable) => GRID_TABLES.indexOf(table);

/** A table's name as its `t`, in SQL. */
const T_OF_NAME = `CASE tbl ${GRID_TABLES.map((name) => `WHEN '${name}' THEN ${T(name)}`).join(' ')} END::UTINYINT`;

/**
 * Keys of the referenced rows of each table: `refs` has (tbl, source_id, record_no) and `carried`, the
 * columns of its own each key keeps (`r.role`, …).
 */
function keysOfRefs(refs: string, carried: string[]): string {
  const extra = carried.map((c) => `, ${c}`).join('');
  return GRID_TABLES.map(
    (table) =>
      `SELECT ${T(table)}::UTINYINT AS t, e.rowid AS rid${extra}
       FROM ${table} e JOIN ${refs} r
         ON r.tbl = '${table}' AND e.source_id = r.source_id AND e.record_no = r.record_no`,
  ).join('\nUNION ALL\n');
}

/** The account's events, as its story names it: the account as actor or target, its sign-ins and audits. */
function accountKeys(): string {
  // `contains` on the bare name first: a cheap test that leaves account_key() a few rows to look at.
  return `
    SELECT 0::UTINYINT AS t, e.rowid AS rid FROM win_events e
    WHERE (contains(lower(e.subject_user), $name) AND account_key(e.subject_user, e.subject_domain) = $key)
       OR (contains(lower(e.target_user), $name) AND account_key(e.target_user, e.target_domain) = $key)
    UNION ALL
    SELECT 1, e.rowid FROM signins e
    WHERE contains(lower(e.user_principal_name), $name) AND account_key(e.user_principal_name, NULL) = $key
    UNION ALL
    SELECT 2, e.rowid FROM audits e
    WHERE (contains(lower(e.initiator_upn), $name) AND account_key(e.initiator_upn, NULL) = $key)
       OR len(list_filter(e.target_upns, u -> contains(lower(u), $name) AND account_key(u, NULL) = $key)) > 0`;
}

/**
 * The bookmarked events (migration 008's event_triage, named by table, file SHA-256 and record), with
 * their tags as one text and their note (none when empty).
 */
const BOOKMARKS = `WITH refs AS (
    SELECT b.table_name AS tbl, s.source_id, b.record_no,
           nullif(array_to_string(b.tags, ', '), '') AS tags, nullif(b.note, '') AS note
      FROM event_triage b JOIN sources s ON s.sha256 = b.source_sha256
     WHERE b.bookmarked)
  ${keysOfRefs('refs', ['r.tags', 'r.note'])}`;

/** The SQL and values selecting the scope's keys, or null for the whole case. */
interface ScopeQuery {
  sql: string;
  params: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}

async function scopeQuery(conn: DuckDBConnection, scope: GridScope): Promise<ScopeQuery | null> {
  switch (scope.kind) {
    case 'case':
      return null;
    case 'coverage':
      // The cell's own query, every row of it (its paging parameters set to all).
      return {
        sql: `WITH refs AS (${coverageSqlText('coverage_events.sql')}) ${keysOfRefs('refs', [])}`,
        params: { host: scope.host, telemetry: scope.telemetry, limit: 2_147_483_647, offset: 0 },
        types: { host: VARCHAR, telemetry: VARCHAR, limit: INTEGER, offset: INTEGER },
      };
    case 'finding': {
      const found = await conn.runAndReadAll('SELECT 1 FROM findings WHERE finding_id = $id LIMIT 1', {
        id: scope.findingId,
      });
      if (found.currentRowCount === 0) throw notFound(`finding ${scope.findingId}`);
      // An event can back a finding twice (two roles): one row, its roles joined.
      return {
        sql: `WITH refs AS (
                SELECT table_name AS tbl, source_id, record_no, role FROM finding_evidence WHERE finding_id = $finding)
              SELECT t, rid, string_agg(DISTINCT role, ', ' ORDER BY role) AS role
              FROM (${keysOfRefs('refs', ['r.role'])}) GROUP BY t, rid`,
        params: { finding: scope.findingId },
        types: { finding: VARCHAR },
      };
    }
    case 'account': {
      const key = scope.key.trim().toLowerCase();
      const name = key.slice(key.lastIndexOf('\\') + 1);
      return { sql: accountKeys(), params: { key, name }, types: { key: VARCHAR, name: VARCHAR } };
    }
    case 'entity': {
      // The pivot page's own match (a user's linked identities included) and its own query of the rows
      // about the entity, so the page's counts and its grid cannot disagree.
      const { match } = await entityMatch(conn, { kind: scope.entity, key: scope.key });
      const hits = hitsQuery(match);
      // The roles of an event named twice, joined (a list's, sorted: string_agg(DISTINCT … ORDER BY)
      // measured 145 ms over a user's 5,800 events, a sort per event).
      return {
        sql: `SELECT ${T_OF_NAME} AS t, rid, array_to_string(list_sort(list_distinct(list(role))), ', ') AS role
              FROM (${hits.sql}) GROUP BY 1, 2`,
        params: hits.values,
        types: hits.types,
      };
    }
    case 'bookmarks':
      return { sql: BOOKMARKS, params: {}, types: {} };
  }
}

/** Finds the scope's events and keeps their keys in `table` (a name the caller made up). */
export async function materializeScope(
  conn: DuckDBConnection,
  scope: GridScope,
  table: string,
): Promise<ScopeRows> {
  const query = await scopeQuery(conn, scope);
  if (!query) return { kind: scope.kind, table: null, tables: [...GRID_TABLES] };
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM (${query.sql}) ORDER BY t, rid`,
    query.params,
    query.types,
  );
  const present = await conn.runAndReadAll(`SELECT DISTINCT t FROM ${table} ORDER BY t`);
  const tables = (present.getRowObjectsJson() as Array<{ t: number }>).map((r) => GRID_TABLES[Number(r.t)]!);
  return { kind: scope.kind, table, tables };
}
