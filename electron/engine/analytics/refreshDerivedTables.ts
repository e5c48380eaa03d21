// Rebuilds the derived tables of migration 002 (processes with their parents, logon sessions) from the
// case tables. Done once at the start of every analysis run: each analytic reads them several times, and
// resolving every parent is one ASOF join over all process starts (design.md: ~0.6 s per million events),
// which is too much to repeat per analytic.
import { INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import type { ResolvedParams } from './params.js';

export async function refreshDerivedTables(conn: DuckDBConnection, params: ResolvedParams): Promise<void> {
  const maxAge = params['process_parent_max_age_s'] as number;
  // Sorted by host and time so the lineage walks and window joins read neighbouring rows.
  await conn.run(
    `CREATE OR REPLACE TABLE processes AS
       SELECT * FROM resolve_processes(max_parent_age := to_seconds($max_age))
       ORDER BY host_key, ts, proc_key`,
    { max_age: maxAge },
    { max_age: INTEGER },
  );
  await conn.run(
    `CREATE OR REPLACE TABLE logon_sessions AS
       SELECT * FROM resolve_logon_sessions() ORDER BY host_key, logon_id, start_ts`,
  );
}
