// Writes findings to the case (migration 003): the Finding as JSON plus the columns the app filters on,
// its evidence rows and its account rows. A run replaces the rows of the analytics it ran, so re-running
// with other parameters never leaves stale findings behind. Rows travel as one bound list of JSON texts
// per table: a handful of statements however many findings there are, and no value is pasted into SQL.
import { VARCHAR, LIST, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { AnalyticId, Severity } from '../../../shared/report.js';
import type { BuiltFinding } from './findingRows.js';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3, critical: 4 };

const jsonRows = (rows: unknown[]) => ({
  values: { rows: listValue(rows.map((r) => JSON.stringify(r))) },
  types: { rows: LIST(VARCHAR) },
});

// Finding times are ISO text ending in Z (UTC); the tables hold naive UTC timestamps.
const utc = (path: string) => `rtrim(j->>'${path}', 'Z')::TIMESTAMP`;

export async function replaceFindings(
  conn: DuckDBConnection,
  runId: number,
  analytics: readonly AnalyticId[],
  built: readonly BuiltFinding[],
): Promise<void> {
  const which = { values: { analytics: listValue([...analytics]) }, types: { analytics: LIST(VARCHAR) } };
  const old = 'SELECT finding_id FROM findings WHERE list_contains($analytics, analytic)';
  await conn.run(`DELETE FROM finding_evidence WHERE finding_id IN (${old})`, which.values, which.types);
  await conn.run(`DELETE FROM finding_accounts WHERE finding_id IN (${old})`, which.values, which.types);
  await conn.run('DELETE FROM findings WHERE list_contains($analytics, analytic)', which.values, which.types);
  if (built.length === 0) return;

  const findings = jsonRows(
    built.map(({ finding: f }) => ({ ...f, rank: SEVERITY_RANK[f.severity], json: JSON.stringify(f) })),
  );
  await conn.run(
    `INSERT INTO findings
       SELECT j->>'id', $run_id, j->>'analytic', j->>'title', j->>'severity', (j->>'rank')::SMALLINT,
              j->>'confidence', ${utc('first')}, ${utc('last')},
              (j->'hosts')::VARCHAR[], (j->'accounts')::VARCHAR[],
              j->'actor'->>'user', j->'actor'->>'logonId', j->'actor'->>'sourceIp',
              j->'allowlisted'->>'kind', j->'allowlisted'->>'value', j->>'explanation', j->>'json'
       FROM (SELECT unnest($rows)::JSON AS j)`,
    { ...findings.values, run_id: runId },
    findings.types,
  );

  const evidence = jsonRows(
    built.flatMap(({ finding: f }) => f.evidence.map((e, i) => ({ ...e, id: f.id, seq: i + 1 }))),
  );
  await conn.run(
    `INSERT INTO finding_evidence
       SELECT j->>'id', (j->>'seq')::INTEGER, j->>'source', j->>'table', s.source_id,
              (j->>'recordNo')::BIGINT, (j->>'recordId')::BIGINT, (j->>'eventId')::INTEGER,
              ${utc('time')}, j->>'role'
       FROM (SELECT unnest($rows)::JSON AS j) JOIN sources s ON s.sha256 = (j->>'source')`,
    evidence.values,
    evidence.types,
  );

  const accounts = jsonRows(
    built.flatMap(({ finding: f, accounts: refs }) => refs.map((r) => ({ ...r, id: f.id }))),
  );
  await conn.run(
    `INSERT INTO finding_accounts
       SELECT DISTINCT j->>'id', j->>'key', j->>'display', j->>'role' FROM (SELECT unnest($rows)::JSON AS j)`,
    accounts.values,
    accounts.types,
  );
}

export async function recordRun(
  conn: DuckDBConnection,
  run: { runId: number; startedAt: Date; durationMs: number; analytics: readonly AnalyticId[]; params: unknown; findings: number },
): Promise<void> {
  await conn.run(
    `INSERT INTO analysis_runs VALUES ($run_id, rtrim($started, 'Z')::TIMESTAMP, $ms, $analytics, $params, $count)`,
    {
      run_id: run.runId,
      started: run.startedAt.toISOString(),
      ms: Math.round(run.durationMs),
      analytics: listValue([...run.analytics]),
      params: JSON.stringify(run.params),
      count: run.findings,
    },
    { analytics: LIST(VARCHAR) },
  );
}

export async function nextRunId(conn: DuckDBConnection): Promise<number> {
  const r = await conn.runAndReadAll('SELECT coalesce(max(run_id), 0)::INTEGER + 1 AS id FROM analysis_runs');
  return Number(r.getRowObjects()[0]!['id']);
}
