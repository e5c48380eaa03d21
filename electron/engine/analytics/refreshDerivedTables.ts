// The analytics' derived tables: the building-block views of migration 002 (processes with their parents,
// logon sessions) resolved once and kept, because each analytic reads them several times and resolving
// every parent is an ASOF join over all process starts, too much to repeat.
//
// They are kept in the case (migration 010: `process_snapshot`, `logon_session_snapshot`, with the
// sources they include in `derived_sources` and the parent age in `derived_params`), so a case that has
// not changed since its last analysis is analysed again, in this process or the next, without resolving
// anything. The connection that analyses reads them through TEMP views named `processes` and
// `logon_sessions`, which shadow the live views for it alone: the screens keep reading the live views.
//
// They are kept up to date rather than rebuilt: everything in them is resolved within one host (a parent
// on its child's host, a logoff on its logon's host; migration 009), so after more files are imported only
// the hosts those files name are rebuilt, and a run after one more file costs what that file touched, not
// what the case holds. A source that is gone, a different parent age, or an event without a host means a
// full rebuild.
//
// Every full build (the first analysis of a case, a source gone, an event without a host) is made in the
// connection's memory first, as TEMP tables the analytics read at once, and written into the case
// afterwards by the `keep` the refresh returns: the findings do not wait for the case's compressed copy of
// a table of every process. The analysis calls `keep` after its findings are stored, or hands it to its
// caller (the app queues it behind the analysis). Should it never run, the next analysis builds the
// tables again.
//
// A connection that must not write to the case (the SQL console, which promises to leave the case file
// as it is, and runs beside the analysis) uses `store: 'connection'`: the case's tables when they are
// current, and otherwise TEMP tables of its own, kept up to date the same way in its memory.
import {
  INTEGER,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBConnection,
  type DuckDBListValue,
} from '@duckdb/node-api';
import type { ResolvedParams } from './paramTypes.js';

export interface DerivedRefresh {
  /** `full`: built from scratch; `hosts`: only `hosts` rebuilt; `current`: nothing had changed. */
  mode: 'full' | 'hosts' | 'current';
  /** The host keys rebuilt (`hosts` mode only). */
  hosts: string[];
  /** Where the tables the connection reads are: the case's, or the connection's own TEMP tables. */
  store: 'case' | 'connection';
  /**
   * A full build for the case, made in the connection's memory: writes it into the case's tables and
   * points the connection's views at them. Run it on the same connection, outside any transaction.
   */
  keep?: () => Promise<void>;
}

export interface RefreshOptions {
  /**
   * `case` (the default): bring the case's tables up to date, writing to the case. `connection`: never
   * write to the case; read its tables when they are current, or keep TEMP tables on this connection.
   */
  store?: 'case' | 'connection';
}

/** Where one set of derived tables lives: the case's tables, or this connection's TEMP ones. */
interface Place {
  store: 'case' | 'connection';
  processes: string;
  sessions: string;
  sources: string;
  params: string;
}

const CASE_PLACE: Place = {
  store: 'case',
  processes: 'process_snapshot',
  sessions: 'logon_session_snapshot',
  sources: 'derived_sources',
  params: 'derived_params',
};

const CONNECTION_PLACE: Place = {
  store: 'connection',
  processes: 'temp.processes',
  sessions: 'temp.logon_sessions',
  // Names of their own: a TEMP table shadows a case table of the same name for its connection.
  sources: 'temp.connection_derived_sources',
  params: 'temp.connection_derived_params',
};

const HOST_LIST = LIST(VARCHAR);

export async function refreshDerivedTables(
  conn: DuckDBConnection,
  params: ResolvedParams,
  options: RefreshOptions = {},
): Promise<DerivedRefresh> {
  const maxAge = params['process_parent_max_age_s'] as number;
  if (options.store === 'connection') {
    // The case's tables, when they are current for this age, cost nothing to read.
    if (await isCurrent(conn, CASE_PLACE, maxAge)) {
      await dropConnectionTables(conn);
      await pointViewsAt(conn, CASE_PLACE);
      return { mode: 'current', hosts: [], store: 'case' };
    }
    await dropViews(conn);
    return refreshPlace(conn, CONNECTION_PLACE, maxAge);
  }
  const result = await refreshPlace(conn, CASE_PLACE, maxAge);
  // Built in full, in this connection's memory: the case gets it when the caller keeps it.
  if (result.store === 'connection') return { ...result, keep: () => keepConnectionTables(conn) };
  await dropConnectionTables(conn);
  await pointViewsAt(conn, CASE_PLACE);
  return result;
}

function needsFullBuild(state: { maxAge: number; gone: boolean } | null, maxAge: number): boolean {
  return !state || state.maxAge !== maxAge || state.gone;
}

/**
 * Writes a connection's full build into the case's tables, in one transaction, then reads them there.
 * A new table rather than DELETE and INSERT: DuckDB writes a table created from a query straight to its
 * blocks, and the old one's blocks are freed whole.
 */
async function keepConnectionTables(conn: DuckDBConnection): Promise<void> {
  await conn.run('BEGIN TRANSACTION');
  try {
    await conn.run(
      `CREATE OR REPLACE TABLE ${CASE_PLACE.processes} AS SELECT * FROM ${CONNECTION_PLACE.processes}`,
    );
    await conn.run(
      `CREATE OR REPLACE TABLE ${CASE_PLACE.sessions} AS SELECT * FROM ${CONNECTION_PLACE.sessions}`,
    );
    // The small bookkeeping tables keep migration 010's definitions.
    await conn.run(`DELETE FROM ${CASE_PLACE.sources}`);
    await conn.run(`INSERT INTO ${CASE_PLACE.sources} SELECT source_id FROM ${CONNECTION_PLACE.sources}`);
    await conn.run(`DELETE FROM ${CASE_PLACE.params}`);
    await conn.run(`INSERT INTO ${CASE_PLACE.params} SELECT max_age FROM ${CONNECTION_PLACE.params}`);
    await conn.run('COMMIT');
  } catch (e) {
    await conn.run('ROLLBACK');
    throw e;
  }
  await dropConnectionTables(conn);
  await pointViewsAt(conn, CASE_PLACE);
}

async function refreshPlace(conn: DuckDBConnection, place: Place, maxAge: number): Promise<DerivedRefresh> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const result = await refreshInTransaction(conn, place, maxAge);
    await conn.run('COMMIT');
    return result;
  } catch (e) {
    await conn.run('ROLLBACK');
    // The case's tables are as they were (the transaction is gone); a connection's own tables (every full
    // build makes them) may have been replaced outside it, so they are dropped and the next run builds
    // them again.
    await dropConnectionTables(conn).catch(() => undefined);
    throw e;
  }
}

async function refreshInTransaction(
  conn: DuckDBConnection,
  place: Place,
  maxAge: number,
): Promise<DerivedRefresh> {
  const state = await snapshotState(conn, place);
  if (needsFullBuild(state, maxAge)) return buildInMemory(conn, maxAge);
  if ((await newSources(conn, place)) === 0) return { mode: 'current', hosts: [], store: place.store };
  // Hosts named by their events: a narrow scan of two columns. An event without a host cannot be placed
  // in one host's rebuild, so it takes a full one.
  const r = await conn.runAndReadAll(
    `SELECT coalesce(list(DISTINCT lower(host) ORDER BY lower(host)) FILTER (WHERE host IS NOT NULL), []),
            coalesce(bool_or(host IS NULL), false)
     FROM win_events WHERE source_id NOT IN (SELECT source_id FROM ${place.sources})`,
  );
  const [hostList, hostless] = r.getRows()[0]!;
  if (hostless === true) return buildInMemory(conn, maxAge);
  const hosts = (hostList as DuckDBListValue).items.map(String);
  if (hosts.length > 0) {
    // DuckDB refuses a bound value a statement does not use: each statement gets only its own.
    const onHosts = { values: { hosts: listValue(hosts) }, types: { hosts: HOST_LIST } };
    const withAge = {
      values: { ...onHosts.values, max_age: maxAge },
      types: { ...onHosts.types, max_age: INTEGER },
    };
    const rebuilt = [
      {
        table: place.processes,
        rows: 'resolve_processes(max_parent_age := to_seconds($max_age), on_hosts := $hosts)',
        bound: withAge,
      },
      { table: place.sessions, rows: 'resolve_logon_sessions(on_hosts := $hosts)', bound: onHosts },
    ];
    for (const { table, rows, bound } of rebuilt) {
      await conn.run(
        `DELETE FROM ${table} WHERE list_contains($hosts, host_key)`,
        onHosts.values,
        onHosts.types,
      );
      await conn.run(`INSERT INTO ${table} SELECT * FROM ${rows}`, bound.values, bound.types);
    }
  }
  await conn.run(
    `INSERT INTO ${place.sources}
     SELECT source_id FROM sources WHERE source_id NOT IN (SELECT source_id FROM ${place.sources})`,
  );
  return { mode: 'hosts', hosts, store: place.store };
}

/** Sources of the case the tables do not include yet (from the small sources table, not the events). */
async function newSources(conn: DuckDBConnection, place: Place): Promise<number> {
  const r = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER FROM sources WHERE source_id NOT IN (SELECT source_id FROM ${place.sources})`,
  );
  return Number(r.getRows()[0]![0]);
}

/** The case's tables hold every source and were built with this age: nothing to do to read them. */
async function isCurrent(conn: DuckDBConnection, place: Place, maxAge: number): Promise<boolean> {
  const state = await snapshotState(conn, place);
  return !needsFullBuild(state, maxAge) && (await newSources(conn, place)) === 0;
}

/** What the tables of `place` were built from, or null when they were never built. */
async function snapshotState(
  conn: DuckDBConnection,
  place: Place,
): Promise<{ maxAge: number; gone: boolean } | null> {
  if (place.store === 'connection') {
    const present = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER FROM duckdb_tables()
       WHERE temporary AND table_name IN ('processes', 'logon_sessions', 'connection_derived_sources', 'connection_derived_params')`,
    );
    if (Number(present.getRows()[0]![0]) !== 4) return null;
  }
  const r = await conn.runAndReadAll(
    `SELECT (SELECT max(max_age) FROM ${place.params}) AS max_age,
            EXISTS (SELECT 1 FROM ${place.sources} WHERE source_id NOT IN (SELECT source_id FROM sources)) AS gone`,
  );
  const [maxAge, gone] = r.getRows()[0]!;
  if (maxAge === null) return null;
  return { maxAge: Number(maxAge), gone: gone === true };
}

/**
 * A full build, for the case as for a connection that must not write: the connection's own TEMP tables,
 * which shadow the live views for it alone (a TEMP view of the same name goes first). For the case,
 * `keep` writes them into its tables afterwards.
 */
async function buildInMemory(conn: DuckDBConnection, maxAge: number): Promise<DerivedRefresh> {
  const place = CONNECTION_PLACE;
  await dropViews(conn);
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${place.processes} AS
     SELECT * FROM resolve_processes(max_parent_age := to_seconds($max_age))`,
    { max_age: maxAge },
    { max_age: INTEGER },
  );
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${place.sessions} AS SELECT * FROM resolve_logon_sessions()`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${place.sources} (source_id INTEGER NOT NULL)`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${place.params} (max_age INTEGER NOT NULL)`);
  await conn.run(`INSERT INTO ${place.sources} SELECT source_id FROM sources`);
  await conn.run(`INSERT INTO ${place.params} VALUES ($max_age)`, { max_age: maxAge }, { max_age: INTEGER });
  return { mode: 'full', hosts: [], store: 'connection' };
}

/** The analytics read `processes` and `logon_sessions`: on this connection, the case's tables. */
async function pointViewsAt(conn: DuckDBConnection, place: Place): Promise<void> {
  await conn.run(`CREATE OR REPLACE TEMP VIEW processes AS SELECT * FROM ${place.processes}`);
  await conn.run(`CREATE OR REPLACE TEMP VIEW logon_sessions AS SELECT * FROM ${place.sessions}`);
}

async function dropViews(conn: DuckDBConnection): Promise<void> {
  for (const v of await tempObjects(conn, 'duckdb_views()', 'view_name'))
    await conn.run(`DROP VIEW temp.${v}`);
}

/** Drops a connection's own tables (the views of migration 002 show through again) and frees their memory. */
async function dropConnectionTables(conn: DuckDBConnection): Promise<void> {
  for (const t of await tempObjects(conn, 'duckdb_tables()', 'table_name'))
    await conn.run(`DROP TABLE temp.${t}`);
}

/**
 * Which of the derived names this connection holds as TEMP tables or views (DuckDB refuses DROP TABLE IF
 * EXISTS on a name that is a view, and the other way round).
 */
async function tempObjects(
  conn: DuckDBConnection,
  catalog: 'duckdb_tables()' | 'duckdb_views()',
  column: 'table_name' | 'view_name',
): Promise<string[]> {
  const r = await conn.runAndReadAll(
    `SELECT ${column} FROM ${catalog} WHERE temporary
       AND ${column} IN ('processes', 'logon_sessions', 'connection_derived_sources', 'connection_derived_params')`,
  );
  return r.getRows().map((row) => String(row[0]));
}
