// What the service needs from the analytics, as one small interface. The real implementation
// (analyticsAdapter.ts) wires the analytics module in; tests of the transports can pass a stand-in.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AccountStory, AccountSummary, AnalyticSql, Settings } from '../../../shared/api.js';
import type { Allowlist, Finding } from '../../../shared/report.js';
import type { ParamRules } from './settingsStore.js';

export interface AnalyzeInput {
  /** Parameters that differ from the profile's defaults. */
  overrides: Record<string, unknown>;
  profile: Settings['profile'];
  allowlist: Allowlist;
}

export interface AnalyticsPort extends ParamRules {
  /** Runs every analytic and stores the findings in the case; returns them. */
  run(conn: DuckDBConnection, input: AnalyzeInput): Promise<Finding[]>;
  /** Each analytic's SQL text and the parameters it reads. */
  sql(): AnalyticSql[];
  accounts(conn: DuckDBConnection): Promise<AccountSummary[]>;
  story(conn: DuckDBConnection, key: string): Promise<AccountStory | null>;
}
