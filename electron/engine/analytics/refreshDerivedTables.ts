// Snapshots the building-block views of migration 002 (processes with their parents, logon sessions) into
// TEMP tables of the same names on this connection, where they shadow the views. Each analytic reads them
// several times, and resolving every parent is an ASOF join over all process starts, too much to repeat.
// Temp tables live in memory and skip the write-ahead log and checkpoint, which cost five times the joins
// on a million events. Other connections (the screens, the SQL console's own) keep seeing the live views.
//
// The snapshot is kept up to date rather than rebuilt: everything in it is resolved within one host (a
// parent on its child's host, a logoff on its logon's host; migration 009), so after more files are
// imported only the hosts those files name are rebuilt, and a run after one more file costs what that
// file touched, not what the case holds. The connection remembers which sources its snapshot includes
// (temp `derived_sources`) and the parent age it was built with (temp `derived_params`); a source that is
// gone, a different age, or a snapshot from another schema means a full rebuild.
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
}

const HOST_LIST = LIST(VARCHAR);

export async function refreshDerivedTables(
  conn: DuckDBConnection,
  params: ResolvedParams,
): Promise<DerivedRefresh> {
  const maxAge = params['process_parent_max_age_s'] as number;
  await conn.run('BEGIN TRANSACTION');
  try {
    const result = await refreshInTransaction(conn, maxAge);
    await conn.run('COMMIT');
    return result;
  } catch (e) {
    await conn.run('ROLLBACK');
    // A half-updated snapshot must not be trusted by the next run: the next one rebuilds.
    await dropDerivedTables(conn).catch(() => undefined);
    throw e;
  }
}

async function refreshInTransaction(conn: DuckDBConnection, maxAge: number): Promise<DerivedRefresh> {
  const state = await snapshotState(conn);
  if (!state || state.maxAge !== maxAge || state.gone) {
    await buildAll(conn, maxAge);
    return { mode: 'full', hosts: [] };
  }
  // Sources the snapshot has not seen, from the small sources table: nothing new, no scan of the events.
  const fresh = await conn.runAndReadAll(
    'SELECT count(*)::INTEGER FROM sources WHERE source_id NOT IN (SELECT source_id FROM temp.derived_sources)',
  );
  if (Number(fresh.getRows()[0]![0]) === 0) return { mode: 'current', hosts: [] };
  // Hosts named by their events: a narrow scan of two columns. An event without a host cannot be placed
  // in one host's rebuild, so it takes a full one.
  const r = await conn.runAndReadAll(
    `SELECT coalesce(list(DISTINCT lower(host) ORDER BY lower(host)) FILTER (WHERE host IS NOT NULL), []),
            coalesce(bool_or(host IS NULL), false)
     FROM win_events WHERE source_id NOT IN (SELECT source_id FROM temp.derived_sources)`,
  );
  const [hostList, hostless] = r.getRows()[0]!;
  if (hostless === true) {
    await buildAll(conn, maxAge);
    return { mode: 'full', hosts: [] };
  }
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
        table: 'processes',
        rows: 'resolve_processes(max_parent_age := to_seconds($max_age), on_hosts := $hosts)',
        bound: withAge,
      },
      { table: 'logon_sessions', rows: 'resolve_logon_sessions(on_hosts := $hosts)', bound: onHosts },
    ];
    for (const { table, rows, bound } of rebuilt) {
      await conn.run(
        `DELETE FROM temp.${table} WHERE list_contains($hosts, host_key)`,
        onHosts.values,
        onHosts.types,
      );
      await conn.run(`INSERT INTO temp.${table} SELECT * FROM ${rows}`, bound.values, bound.types);
    }
  }
  await conn.run(
    `INSERT INTO temp.derived_sources
     SELECT source_id FROM sources WHERE source_id NOT IN (SELECT source_id FROM temp.derived_sources)`,
  );
  return { mode: 'hosts', hosts };
}

/** What this connection's snapshot was built from, or null when it has none. */
async function snapshotState(conn: DuckDBConnection): Promise<{ maxAge: number; gone: boolean } | null> {
  const present = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER FROM duckdb_tables()
     WHERE temporary AND table_name IN ('processes', 'logon_sessions', 'derived_sources', 'derived_params')`,
  );
  if (Number(present.getRows()[0]![0]) !== 4) return null;
  const r = await conn.runAndReadAll(
    `SELECT (SELECT max_age FROM temp.derived_params) AS max_age,
            EXISTS (SELECT 1 FROM temp.derived_sources WHERE source_id NOT IN (SELECT source_id FROM sources)) AS gone`,
  );
  const [maxAge, gone] = r.getRows()[0]!;
  if (maxAge === null) return null;
  return { maxAge: Number(maxAge), gone: gone === true };
}

async function buildAll(conn: DuckDBConnection, maxAge: number): Promise<void> {
  await conn.run(
    'CREATE OR REPLACE TEMP TABLE processes AS SELECT * FROM resolve_processes(max_parent_age := to_seconds($max_age))',
    { max_age: maxAge },
    { max_age: INTEGER },
  );
  await conn.run('CREATE OR REPLACE TEMP TABLE logon_sessions AS SELECT * FROM resolve_logon_sessions()');
  await conn.run('CREATE OR REPLACE TEMP TABLE derived_sources AS SELECT source_id FROM sources');
  await conn.run('CREATE OR REPLACE TEMP TABLE derived_params AS SELECT $max_age::INTEGER AS max_age', {
    max_age: maxAge,
  });
}

/** Drops the snapshots (the views show through again) and frees their memory; the next run rebuilds. */
export async function dropDerivedTables(conn: DuckDBConnection): Promise<void> {
  for (const t of ['processes', 'logon_sessions', 'derived_sources', 'derived_params'])
    await conn.run(`DROP TABLE IF EXISTS temp.${t}`);
}
