// Use case: analyse a case — run every registered analytic with the given settings and store the findings
// in the case (replacing the previous run's). The CLI builds the settings from its flags; the app's service
// reads them from the case.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Settings } from '../../../shared/api.js';
import type { Finding } from '../../../shared/report.js';
import { runAnalytics } from '../analytics/index.js';

export interface AnalyzeSettings {
  /** Parameters that differ from the profile's defaults. */
  overrides: Record<string, unknown>;
  profile: Settings['profile'];
  allowlist: Settings['allowlist'];
}

export function analyzeCase(conn: DuckDBConnection, s: AnalyzeSettings): Promise<Finding[]> {
  return runAnalytics(conn, {
    params: s.overrides,
    profile: s.profile,
    allowlist: s.allowlist,
  });
}
