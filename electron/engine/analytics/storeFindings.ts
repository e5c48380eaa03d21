// Writes findings to the case (migration 003): the Finding as JSON plus the columns the app filters on,
// its evidence rows and its account rows. A run replaces the rows of the analytics it ran, so re-running
// with other parameters never leaves stale findings behind. Rows go in through DuckDB's Appender: a noisy
// case can hold a hundred thousand findings, and parsing them back out of bound JSON took seconds.
import {
  DuckDBTimestampValue,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import type { AnalyticId, Severity } from '../../../shared/report.js';
import type { BuiltFinding } from './findingRows.js';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3, critical: 4 };

/** `2024-03-01T10:00:00.123456Z` → microseconds since the epoch (Date.parse keeps only milliseconds). */
export function isoToMicros(iso: string): bigint {
  const m = /^(.*?)(?:\.(\d{1,6})\d*)?Z$/.exec(iso);
  const seconds = Date.parse(`${m ? m[1] : iso}Z`);
  if (Number.isNaN(seconds)) throw new Error(`not an ISO UTC time: ${iso}`);
  return BigInt(seconds) * 1000n + BigInt((m?.[2] ?? '').padEnd(6, '0'));
}

const timestamp = (iso: string) => new DuckDBTimestampValue(isoToMicros(iso));

function text(a: DuckDBAppender, v: string | null | undefined): void {
  if (v === null || v === undefined) a.appendNull();
  else a.appendVarchar(v);
}

async function deleteAnalytics(conn: DuckDBConnection, analytics: readonly AnalyticId[]): Promise<void> {
  const values = { analytics: listValue([...analytics]) };
  const types = { analytics: LIST(VARCHAR) };
  const old = 'SELECT finding_id FROM findings WHERE list_contains($analytics, analytic)';
  await conn.run(`DELETE FROM finding_evidence WHERE finding_id IN (${old})`, values, types);
  await conn.run(`DELETE FROM finding_accounts WHERE finding_id IN (${old})`, values, types);
  await conn.run('DELETE FROM findings WHERE list_contains($analytics, analytic)', values, types);
}

async function appendAll<T>(
  conn: DuckDBConnection,
  table: string,
  rows: readonly T[],
  put: (a: DuckDBAppender, row: T) => void,
): Promise<void> {
  if (rows.length === 0) return;
  const appender = await conn.createAppender(table);
  for (const row of rows) {
    put(appender, row);
    appender.endRow();
  }
  appender.closeSync();
}

export async function replaceFindings(
  conn: DuckDBConnection,
  runId: number,
  analytics: readonly AnalyticId[],
  built: readonly BuiltFinding[],
): Promise<void> {
  await deleteAnalytics(conn, analytics);
  const sources = await conn.runAndReadAll('SELECT sha256, source_id FROM sources');
  const sourceIds = new Map(sources.getRows().map(([sha, id]) => [String(sha), Number(id)]));

  // Column order of migration 003's `findings`.
  await appendAll(conn, 'findings', built, (a, { finding: f }) => {
    a.appendVarchar(f.id);
    a.appendInteger(runId);
    a.appendVarchar(f.analytic);
    a.appendVarchar(f.title);
    a.appendVarchar(f.severity);
    a.appendSmallInt(SEVERITY_RANK[f.severity]);
    a.appendVarchar(f.confidence);
    a.appendTimestamp(timestamp(f.first));
    a.appendTimestamp(timestamp(f.last));
    a.appendList(listValue(f.hosts), LIST(VARCHAR));
    a.appendList(listValue(f.accounts), LIST(VARCHAR));
    text(a, f.actor.user);
    text(a, f.actor.logonId);
    text(a, f.actor.sourceIp);
    text(a, f.allowlisted?.kind);
    text(a, f.allowlisted?.value);
    a.appendVarchar(f.explanation);
    a.appendVarchar(JSON.stringify(f));
  });

  const evidence = built.flatMap(({ finding: f }) => f.evidence.map((e, i) => ({ id: f.id, seq: i + 1, e })));
  await appendAll(conn, 'finding_evidence', evidence, (a, { id, seq, e }) => {
    a.appendVarchar(id);
    a.appendInteger(seq);
    a.appendVarchar(e.source);
    a.appendVarchar(e.table ?? 'win_events');
    a.appendInteger(sourceIds.get(e.source) ?? 0);
    a.appendBigInt(BigInt(e.recordNo ?? 0));
    if (e.recordId === null) a.appendNull();
    else a.appendBigInt(BigInt(e.recordId));
    if (e.eventId === undefined) a.appendNull();
    else a.appendInteger(e.eventId);
    a.appendTimestamp(timestamp(e.time));
    text(a, e.role);
  });

  const accounts = built.flatMap(({ finding: f, accounts: refs }) => {
    const seen = new Set<string>();
    return refs
      .filter((r) => !seen.has(`${r.key}|${r.role}`) && seen.add(`${r.key}|${r.role}`))
      .map((r) => ({ id: f.id, r }));
  });
  await appendAll(conn, 'finding_accounts', accounts, (a, { id, r }) => {
    a.appendVarchar(id);
    a.appendVarchar(r.key);
    a.appendVarchar(r.display);
    a.appendVarchar(r.role);
  });
}

export interface RunRecord {
  runId: number;
  startedAt: Date;
  durationMs: number;
  analytics: readonly AnalyticId[];
  params: unknown;
  findings: number;
}

export async function recordRun(conn: DuckDBConnection, run: RunRecord): Promise<void> {
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
