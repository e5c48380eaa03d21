// Reads stored findings back as Findings (the JSON in the `findings` table of migration 003).
import { VARCHAR, LIST, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Finding } from '../../../shared/report.js';

const parse = (rows: Array<Record<string, unknown>>) =>
  rows.map((r) => JSON.parse(String(r['finding_json'])) as Finding);

/** The findings with these ids, ordered by first time (then id). */
export async function readFindingsById(conn: DuckDBConnection, ids: readonly string[]): Promise<Finding[]> {
  if (ids.length === 0) return [];
  const reader = await conn.runAndReadAll(
    'SELECT finding_json FROM findings WHERE list_contains($ids, finding_id) ORDER BY first_ts, finding_id',
    { ids: listValue([...ids]) },
    { ids: LIST(VARCHAR) },
  );
  return parse(reader.getRowObjects());
}

/** Every stored finding, most severe first, then by time. */
export async function readAllFindings(conn: DuckDBConnection): Promise<Finding[]> {
  const reader = await conn.runAndReadAll(
    'SELECT finding_json FROM findings ORDER BY severity_rank DESC, first_ts, finding_id',
  );
  return parse(reader.getRowObjects());
}
