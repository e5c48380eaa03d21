// What the service needs from the analytics, as one small interface. The real implementation
// (defaultAnalytics below) wires the analytics module in; tests of the transports can pass a stand-in.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AccountStory, AccountSummary, AnalyticSql, ParamSpec } from '../../../shared/api.js';
import type { AnalyticInfo, Finding } from '../../../shared/report.js';
import {
  accountStories,
  accountStory,
  analyticCatalog,
  analyticInfos,
  paramSpecs,
  resolveParams,
} from '../analytics/index.js';
import { analyzeCase, type AnalyzeSettings } from '../usecases/analyzeCase.js';
import type { ParamRules } from './settingsStore.js';

/** What an analysis runs with: the case's parameter overrides and profile (the allowlist is the case's own). */
export type AnalyzeInput = AnalyzeSettings;

export interface AnalyticsPort extends ParamRules {
  /** Runs every analytic and stores the findings in the case; returns them. */
  run(conn: DuckDBConnection, input: AnalyzeInput): Promise<Finding[]>;
  /** Every analytic of the registry: id, name, what it reads. */
  infos(): AnalyticInfo[];
  /** Each analytic's SQL text and the parameters it reads. */
  sql(): AnalyticSql[];
  /** Every parameter of the registry. */
  params(): ParamSpec[];
  accounts(conn: DuckDBConnection): Promise<AccountSummary[]>;
  story(conn: DuckDBConnection, key: string): Promise<AccountStory | null>;
}

/** The real analytics: the registry, the runner, the SQL catalog and the account stories. */
export function defaultAnalytics(): AnalyticsPort {
  return {
    resolve: (overrides, profile) => ({ ...resolveParams(overrides, profile) }),
    run: async (conn, input) => (await analyzeCase(conn, input)).findings,
    infos: () => analyticInfos(),
    sql: () => analyticCatalog(),
    params: () => [...paramSpecs()],
    accounts: (conn) => accountStories(conn),
    story: (conn, key) => accountStory(conn, key),
  };
}
