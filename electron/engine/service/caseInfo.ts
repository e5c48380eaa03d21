// What the case holds: its sources, row counts, time span and hosts; the header of every screen.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CaseInfo } from '../../../shared/api.js';
import { listSources } from '../store/sources.js';
import { isoSql, num, readOne, readRows, textOrNull } from './sqlRows.js';

/** True when the analytics have created their findings table in this case. */
export async function hasTable(conn: DuckDBConnection, table: string): Promise<boolean> {
  const row = await readOne(
    conn,
    'SELECT count(*)::INTEGER AS n FROM information_schema.tables ' +
      "WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = $t",
    { t: table },
  );
  return num(row?.['n']) > 0;
}

export async function readCaseInfo(
  conn: DuckDBConnection,
  path: string,
  analyzedAt: string | null,
): Promise<CaseInfo> {
  const findings = (await hasTable(conn, 'findings'))
    ? num((await readOne(conn, 'SELECT count(*)::INTEGER AS n FROM findings'))?.['n'])
    : 0;
  const counts = await readOne(
    conn,
    `SELECT (SELECT count(*) FROM win_events)::INTEGER AS win,
            (SELECT count(*) FROM signins)::INTEGER AS signins,
            (SELECT count(*) FROM audits)::INTEGER AS audits`,
  );
  const span = await readOne(
    conn,
    `WITH t AS (SELECT ts FROM win_events UNION ALL SELECT ts FROM signins UNION ALL SELECT ts FROM audits)
     SELECT ${isoSql('min(ts)')} AS first, ${isoSql('max(ts)')} AS last FROM t`,
  );
  const hosts = await readRows(
    conn,
    'SELECT DISTINCT host FROM win_events WHERE host IS NOT NULL ORDER BY lower(host) LIMIT 10000',
  );
  return {
    path,
    sources: await listSources(conn),
    counts: {
      winEvents: num(counts?.['win']),
      signins: num(counts?.['signins']),
      audits: num(counts?.['audits']),
      findings,
    },
    first: textOrNull(span?.['first']),
    last: textOrNull(span?.['last']),
    hosts: hosts.map((h) => String(h['host'])),
    analyzedAt,
  };
}
