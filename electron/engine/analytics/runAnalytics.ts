// Runs the analytics over a case: rebuilds the derived tables, runs each analytic's .sql with its bound
// parameters and the allowlist, turns the rows into Findings and stores them, all in one transaction so
// the app never sees half a run.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Allowlist, AnalyticId, Finding } from '../../../shared/report.js';
import { EMPTY_ALLOWLIST, allowlistBindings } from './allowlistBindings.js';
import { ANALYTIC_ORDER, analyticSql, bindingsFor } from './analyticSql.js';
import { buildFinding, type AnalyticRow, type BuiltFinding } from './findingRows.js';
import { resolveParams, type ProfileName, type ResolvedParams } from './params.js';
import { refreshDerivedTables } from './refreshDerivedTables.js';
import { nextRunId, recordRun, replaceFindings } from './storeFindings.js';

export interface RunOptions {
  /** Overrides of registry defaults, by parameter name (see params.ts). */
  params?: Record<string, unknown>;
  /** `seed` reproduces the seed documents' own queries (T1589). */
  profile?: ProfileName;
  allowlist?: Allowlist;
  /** Which analytics to run; all four by default. */
  analytics?: readonly AnalyticId[];
  /** Store the findings in the case (default true). */
  store?: boolean;
  /** Called with each analytic's time, for the benchmark and the progress line. */
  onTiming?: (step: string, ms: number) => void;
}

/** Runs one analytic's SQL against the derived tables as they are now, returning its raw rows. */
export async function runAnalyticSql(
  conn: DuckDBConnection,
  id: AnalyticId,
  params: ResolvedParams,
  allowlist: Allowlist = EMPTY_ALLOWLIST,
): Promise<{ rows: AnalyticRow[]; used: Record<string, ResolvedParams[string]> }> {
  const sql = analyticSql(id);
  const b = bindingsFor(sql, params, allowlistBindings(allowlist));
  const reader = await conn.runAndReadAll(sql, b.values, b.types);
  return { rows: reader.getRowObjectsJson() as unknown as AnalyticRow[], used: b.used };
}

export async function runAnalytics(conn: DuckDBConnection, options: RunOptions = {}): Promise<Finding[]> {
  const started = new Date();
  const t0 = performance.now();
  const profile = options.profile ?? 'default';
  const params = resolveParams(options.params ?? {}, profile);
  const allowlist = options.allowlist ?? EMPTY_ALLOWLIST;
  const analytics = ANALYTIC_ORDER.filter((a) => !options.analytics || options.analytics.includes(a));
  const timing = options.onTiming ?? (() => undefined);

  await conn.run('BEGIN TRANSACTION');
  try {
    let t = performance.now();
    await refreshDerivedTables(conn, params);
    timing('derived tables', performance.now() - t);

    const built: BuiltFinding[] = [];
    for (const id of analytics) {
      t = performance.now();
      const { rows, used } = await runAnalyticSql(conn, id, params, allowlist);
      const recorded = id === 'T1589' ? { ...used, profile } : used;
      for (const row of rows) built.push(buildFinding(id, row, recorded, allowlist));
      timing(id, performance.now() - t);
    }

    if (options.store !== false) {
      t = performance.now();
      const runId = await nextRunId(conn);
      await replaceFindings(conn, runId, analytics, built);
      await recordRun(conn, {
        runId,
        startedAt: started,
        durationMs: performance.now() - t0,
        analytics,
        params: { profile, ...params },
        findings: built.length,
      });
      timing('store', performance.now() - t);
    }
    await conn.run('COMMIT');
    return built.map((b) => b.finding);
  } catch (e) {
    await conn.run('ROLLBACK');
    throw e;
  }
}
