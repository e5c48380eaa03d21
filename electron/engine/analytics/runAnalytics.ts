// Runs the analytics over a case: brings the case's derived tables up to date (refreshDerivedTables),
// runs each analytic's .sql with its bound parameters and the allowlist, turns the rows into Findings and
// stores them. Running and storing share one transaction, so the app never sees half a run, and a failed run
// leaves the previous findings (and the reviews of them) as they were.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Allowlist, AnalyticId, Finding } from '../../../shared/report.js';
import { EMPTY_ALLOWLIST, allowlistBindings } from './allowlistBindings.js';
import { analyticSql, bindingsFor } from './analyticSql.js';
import { buildFinding, type AnalyticRow, type BuiltFinding } from './findingRows.js';
import { resolveParams } from './params.js';
import type { ProfileName, ResolvedParams } from './paramTypes.js';
import { refreshDerivedTables, type DerivedRefresh } from './refreshDerivedTables.js';
import { analyticModules, requireAnalytic } from './registry.js';
import { nextRunId, recordRun, replaceFindings } from './storeFindings.js';
import { carryReviews } from '../triage/carryReviews.js';

export interface RunOptions {
  /** Overrides of registry defaults, by parameter name (see params.ts). */
  params?: Record<string, unknown>;
  /** `seed` reproduces the seed documents' own queries where an analytic's defaults differ from them. */
  profile?: ProfileName;
  allowlist?: Allowlist;
  /** Which analytics to run (by id); every registered one by default. */
  analytics?: readonly AnalyticId[];
  /** Store the findings in the case (default true). */
  store?: boolean;
  /** Called with each analytic's time, for the benchmark and the progress line. */
  onTiming?: (step: string, ms: number) => void;
  /**
   * When the derived tables were built in full (in the connection's memory), writing them into the case
   * is left to the caller: it gets the work here and runs it on the same connection once it has the
   * findings. Without this, the run writes them itself before it returns.
   */
  deferKeep?: (keep: () => Promise<void>) => void;
}

/** Runs one analytic's SQL against the derived tables as they are now, returning its raw rows. */
export async function runAnalyticSql(
  conn: DuckDBConnection,
  id: AnalyticId,
  params: ResolvedParams,
  allowlist: Allowlist = EMPTY_ALLOWLIST,
): Promise<{ rows: AnalyticRow[]; used: Record<string, ResolvedParams[string]> }> {
  const sql = analyticSql(requireAnalytic(id));
  const b = bindingsFor(sql, params, allowlistBindings(allowlist));
  // Each row crosses to JavaScript as one JSON text: DuckDB writes nested lists and structs as JSON many
  // times faster than they convert value by value (lineage and evidence are lists of structs).
  const asJson = `SELECT to_json(analytic_row)::VARCHAR AS row FROM (${sql.trim().replace(/;$/, '')}) AS analytic_row`;
  const reader = await conn.runAndReadAll(asJson, b.values, b.types);
  const rows = reader.getRows().map((r) => JSON.parse(String(r[0])) as AnalyticRow);
  return { rows, used: b.used };
}

export async function runAnalytics(conn: DuckDBConnection, options: RunOptions = {}): Promise<Finding[]> {
  const started = new Date();
  const t0 = performance.now();
  const profile = options.profile ?? 'default';
  const params = resolveParams(options.params ?? {}, profile);
  const allowlist = options.allowlist ?? EMPTY_ALLOWLIST;
  for (const id of options.analytics ?? []) requireAnalytic(id);
  const modules = analyticModules().filter((m) => !options.analytics || options.analytics.includes(m.id));
  const analytics = modules.map((m) => m.id);
  const timing = options.onTiming ?? (() => undefined);

  // The derived tables are brought up to date and committed first: they only restate the case tables (a
  // failed run keeps them), and scans of a table created inside the still-open transaction that reads it
  // measured 3-5x slower.
  let t = performance.now();
  const derived = await refreshDerivedTables(conn, params);
  timing(derivedStep(derived), performance.now() - t);

  const built: BuiltFinding[] = [];
  await conn.run('BEGIN TRANSACTION');
  try {
    for (const m of modules) {
      t = performance.now();
      const { rows, used } = await runAnalyticSql(conn, m.id, params, allowlist);
      const recorded = m.recordsProfile ? { ...used, profile } : used;
      for (const row of rows) built.push(buildFinding(m.id, row, recorded, allowlist));
      timing(m.id, performance.now() - t);
    }

    if (options.store !== false) {
      t = performance.now();
      const runId = await nextRunId(conn);
      await replaceFindings(conn, runId, analytics, built);
      // The responder's reviews stay with their findings, in the same transaction as the findings.
      await carryReviews(conn, analytics);
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
  } catch (e) {
    await conn.run('ROLLBACK');
    throw e;
  }
  if (derived.keep) {
    const keep = derived.keep;
    const timed = async () => {
      const k = performance.now();
      await keep();
      timing('derived tables kept in the case', performance.now() - k);
    };
    if (options.deferKeep) options.deferKeep(timed);
    else await timed();
  }
  return built.map((b) => b.finding);
}

/** The timing line of the derived tables: how much of them this run rebuilt. */
function derivedStep(r: DerivedRefresh): string {
  if (r.mode === 'full') return 'derived tables';
  if (r.mode === 'current') return 'derived tables (unchanged)';
  return `derived tables (${r.hosts.length} host${r.hosts.length === 1 ? '' : 's'})`;
}
