// Use case: analyse a case — run every registered analytic with the given settings and store the findings
// in the case (replacing the previous run's). The CLI builds the parameters from its flags; the app's
// service reads them from the case. The allowlist is always the case's own (triage/caseAllowlist.ts), so a
// finding allowlisted in the app stays lowered whichever path analyses the case, plus any list given for
// this run only (the CLI's `--allowlist FILE`).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Settings } from '../../../shared/api.js';
import type { Allowlist, Finding } from '../../../shared/report.js';
import { runAnalytics, type RunOptions } from '../analytics/index.js';
import { combineAllowlists, readCaseAllowlist, type AppliedAllowlist } from '../triage/caseAllowlist.js';

export interface AnalyzeSettings {
  /** Parameters that differ from the profile's defaults. */
  overrides: Record<string, unknown>;
  profile: Settings['profile'];
  /** Entries applied with the case's own allowlist for this run only; the case's settings are not changed. */
  extraAllowlist?: Allowlist;
  /** Writing a full build of the derived tables into the case, left to the caller (see RunOptions). */
  deferKeep?: RunOptions['deferKeep'];
}

export interface CaseAnalysis {
  findings: Finding[];
  /** The allowlist the analytics ran with, and how many entries came from the case and from the extra list. */
  allowlist: AppliedAllowlist;
}

export async function analyzeCase(conn: DuckDBConnection, s: AnalyzeSettings): Promise<CaseAnalysis> {
  const allowlist = combineAllowlists(await readCaseAllowlist(conn), s.extraAllowlist);
  const findings = await runAnalytics(conn, {
    params: s.overrides,
    profile: s.profile,
    allowlist: allowlist.allowlist,
    ...(s.deferKeep ? { deferKeep: s.deferKeep } : {}),
  });
  return { findings, allowlist };
}
