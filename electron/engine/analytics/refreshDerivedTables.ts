// Snapshots the building-block views of migration 002 (processes with their parents, logon sessions) into
// TEMP tables of the same names on this connection, where they shadow the views. Done once at the start
// of every analysis run: each analytic reads them several times, and resolving every parent is an ASOF
// join over all process starts (design.md: ~0.6 s per million events), too much to repeat. Temp tables
// live in memory and skip the write-ahead log and checkpoint, which cost five times the joins on a
// million events. Other connections (the SQL console) keep seeing the live views.
import { INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import type { ResolvedParams } from './paramTypes.js';

export async function refreshDerivedTables(conn: DuckDBConnection, params: ResolvedParams): Promise<void> {
  const maxAge = params['process_parent_max_age_s'] as number;
  await conn.run(
    'CREATE OR REPLACE TEMP TABLE processes AS SELECT * FROM resolve_processes(max_parent_age := to_seconds($max_age))',
    { max_age: maxAge },
    { max_age: INTEGER },
  );
  await conn.run('CREATE OR REPLACE TEMP TABLE logon_sessions AS SELECT * FROM resolve_logon_sessions()');
}

/** Drops the snapshots (the views show through again); a run frees their memory when it is done. */
export async function dropDerivedTables(conn: DuckDBConnection): Promise<void> {
  await conn.run('DROP TABLE IF EXISTS temp.processes');
  await conn.run('DROP TABLE IF EXISTS temp.logon_sessions');
}
