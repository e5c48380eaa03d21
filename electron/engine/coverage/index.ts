// Telemetry coverage: runs coverage.sql over a case, with each analytic's own verdict query (its folder's
// coverage.sql) in place, and shapes the rows as HostCoverage (shared/report.ts); and pages through the
// events behind one cell of the host × telemetry matrix (coverage_events.sql).
// The SQL files sit beside this module: the build copies electron/**/*.sql into dist/ at the same relative
// path, so one relative URL serves the compiled module and the source alike.
import {
  DOUBLE,
  INTEGER,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBValue,
  type Json,
} from '@duckdb/node-api';
import type { AnalyticCoverage, CoverageGap, HostCoverage, LogClearEvent } from '../../../shared/report.js';
import { analyticModules, coverageVerdictSql, sqlFileText, type AnalyticModule } from '../analytics/index.js';

export const DEFAULT_GAP_SECONDS = 3600;

/** The text of coverage.sql or coverage_events.sql, as a trainer reads it. */
export function coverageSqlText(file: 'coverage.sql' | 'coverage_events.sql'): string {
  return sqlFileText(new URL(`./${file}`, import.meta.url));
}

const VERDICTS_MARK = '-- @verdicts';

/**
 * The whole coverage query: coverage.sql with one CTE per analytic (its verdict query over `facts`) and
 * `verdicts`, which lists them per host in registry order. Only SQL text from the build is joined here;
 * values are bound.
 */
export function coverageSql(modules: readonly AnalyticModule[] = analyticModules()): string {
  const base = coverageSqlText('coverage.sql');
  const at = base.indexOf(VERDICTS_MARK);
  if (at < 0) throw new Error(`coverage.sql has no ${VERDICTS_MARK} line`);
  const ctes = modules.map(
    (m, i) => `verdict_${i + 1} AS (  -- ${m.id}\n${coverageVerdictSql(m).trim().replace(/;$/, '')}\n),`,
  );
  const list = modules.map((_, i) => `v${i + 1}.verdict`).join(', ');
  const joins = modules.map((_, i) => `LEFT JOIN verdict_${i + 1} v${i + 1} USING (host_key)`).join('\n  ');
  const verdicts = `verdicts AS (\n  SELECT f.host_key, [${list}] AS analytics\n  FROM facts f\n  ${joins}\n)`;
  return `${base.slice(0, at)}${[...ctes, verdicts].join('\n')}${base.slice(at + VERDICTS_MARK.length)}`;
}

type Row = Record<string, Json>;

// getRowObjectsJson gives BIGINTs as strings: every count passes through here on its way to a number.
const toNumber = (v: Json | undefined): number => (v === null || v === undefined ? 0 : Number(v));
const toText = (v: Json | undefined): string => (v === null || v === undefined ? '' : String(v));
const rowList = (v: Json | undefined): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

function logClear(r: Row): LogClearEvent {
  const clear: LogClearEvent = {
    time: toText(r['time']),
    eventId: toNumber(r['eventId']),
    user: r['user'] === null || r['user'] === undefined ? null : String(r['user']),
    source: toText(r['source']),
    recordNo: toNumber(r['recordNo']),
  };
  if (typeof r['channel'] === 'string' && r['channel'].length > 0) clear.channel = r['channel'];
  return clear;
}

function hostCoverage(r: Row, modules: readonly AnalyticModule[]): HostCoverage {
  const telemetry: Record<string, number> = {};
  const telemetryHours: Record<string, number> = {};
  for (const t of rowList(r['telemetry'])) {
    telemetry[toText(t['key'])] = toNumber(t['n']);
    telemetryHours[toText(t['key'])] = toNumber(t['hours']);
  }
  const verdicts = rowList(r['analytics']);
  const analytics: Record<string, AnalyticCoverage> = {};
  modules.forEach((m, i) => {
    const v = verdicts[i];
    if (!v) throw new Error(`coverage: ${m.id} gave no verdict for ${toText(r['host'])}`);
    analytics[m.id] = { state: toText(v['state']) as AnalyticCoverage['state'], reason: toText(v['reason']) };
  });
  return {
    host: toText(r['host']),
    kind: r['kind'] === 'entra' ? 'entra' : 'windows',
    first: toText(r['first']),
    last: toText(r['last']),
    events: toNumber(r['events']),
    activeHours: toNumber(r['active_hours']),
    telemetry,
    telemetryHours,
    gaps: rowList(r['gaps']).map((g): CoverageGap => ({
      from: toText(g['from']),
      to: toText(g['to']),
      seconds: toNumber(g['seconds']),
    })),
    logCleared: rowList(r['log_cleared']).map(logClear),
    analytics,
  };
}

/** Coverage of every host in the case, and of Entra ID as one pseudo-host when it has sign-ins or audits. */
export async function computeCoverage(
  conn: DuckDBConnection,
  options: { gapSeconds?: number } = {},
): Promise<HostCoverage[]> {
  const gapSeconds = options.gapSeconds ?? DEFAULT_GAP_SECONDS;
  if (!Number.isFinite(gapSeconds) || gapSeconds <= 0) throw new RangeError('gapSeconds must be above 0');
  const modules = analyticModules();
  const reader = await conn.runAndReadAll(
    coverageSql(modules),
    { gap_seconds: gapSeconds },
    { gap_seconds: DOUBLE },
  );
  return (reader.getRowObjectsJson() as Row[]).map((r) => hostCoverage(r, modules));
}

export interface CoverageEventRef {
  table: 'win_events' | 'signins' | 'audits';
  sourceId: number;
  recordNo: number;
}

/** One page of the events behind a matrix cell, oldest first, and how many there are in all. */
export async function coverageEventRefs(
  conn: DuckDBConnection,
  req: { host: string; telemetry: string; offset: number; limit: number },
): Promise<{ total: number; refs: CoverageEventRef[] }> {
  const run = async (offset: number, limit: number): Promise<Row[]> => {
    const values: Record<string, DuckDBValue> = { host: req.host, telemetry: req.telemetry, offset, limit };
    const types = { host: VARCHAR, telemetry: VARCHAR, offset: INTEGER, limit: INTEGER };
    const reader = await conn.runAndReadAll(coverageSqlText('coverage_events.sql'), values, types);
    return reader.getRowObjectsJson() as Row[];
  };
  const rows = await run(req.offset, req.limit);
  // A page past the end has no row to carry the total; ask once more for the first row.
  const total = toNumber((rows[0] ?? (req.offset > 0 ? (await run(0, 1))[0] : undefined))?.['total']);
  return {
    total,
    refs: rows.map((r) => ({
      table: toText(r['tbl']) as CoverageEventRef['table'],
      sourceId: toNumber(r['source_id']),
      recordNo: toNumber(r['record_no']),
    })),
  };
}
