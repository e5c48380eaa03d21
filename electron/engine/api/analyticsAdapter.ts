// The real AnalyticsPort: the analytics module's parameter registry, SQL files, runner and account
// stories, shaped as the API contract names them.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AccountStory, AccountSummary, AnalyticSql, ParamSpec as ApiParamSpec } from '../../../shared/api.js';
import type { AnalyticId, Finding } from '../../../shared/report.js';
import { ANALYTIC_ORDER, analyticSql, referencedParams } from '../analytics/analyticSql.js';
import { PARAMS, resolveParams, type ParamSpec } from '../analytics/params.js';
import type { AnalyticsPort, AnalyzeInput } from './analyticsPort.js';
import { ServiceError } from './serviceError.js';

/** The SQL header's `-- key: value` lines, with indented continuation lines joined. */
export function sqlHeader(sql: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last: string | null = null;
  for (const line of sql.split('\n')) {
    if (!line.startsWith('--')) break;
    const field = /^--\s{0,2}([A-Za-z&]+):\s*(.*)$/.exec(line);
    if (field) out[(last = field[1]!.toLowerCase())] = field[2]!.trim();
    else if (last && /^--\s{3,}\S/.test(line) && !line.includes('$')) out[last] += ` ${line.slice(2).trim()}`;
    else last = null;
  }
  return out;
}

function apiParamSpec(spec: ParamSpec): ApiParamSpec {
  const t = String(spec.type);
  const type: ApiParamSpec['type'] = t.endsWith('[]')
    ? t.startsWith('string')
      ? 'string[]'
      : 'number[]'
    : t === 'string' || t === 'boolean'
      ? t
      : 'number';
  const analytic: ApiParamSpec['analytic'] = spec.analytics.length === 1 ? spec.analytics[0]! : 'common';
  return { name: spec.name, analytic, type, default: spec.default, description: spec.description };
}

interface AnalyticsRuntime {
  runAnalytics(
    conn: DuckDBConnection,
    opts: {
      params: Record<string, unknown>;
      profile: AnalyzeInput['profile'];
      allowlist: AnalyzeInput['allowlist'];
      analytics?: AnalyticId[];
    },
  ): Promise<Finding[]>;
  accountStories(conn: DuckDBConnection): Promise<AccountSummary[]>;
  accountStory(conn: DuckDBConnection, key: string): Promise<AccountStory | null>;
}

let runtime: Promise<AnalyticsRuntime> | undefined;

/** The analytics runner, loaded on first use (its SQL files are read then, not at start-up). */
function analyticsRuntime(): Promise<AnalyticsRuntime> {
  runtime ??= import(new URL('../analytics/index.js', import.meta.url).href).then(
    (m) => m as AnalyticsRuntime,
    (e: Error) => {
      runtime = undefined;
      throw new ServiceError('NOT_AVAILABLE', `the analytics could not be loaded: ${e.message}`);
    },
  );
  return runtime;
}

export function defaultAnalytics(): AnalyticsPort {
  return {
    resolve: (overrides, profile) => ({ ...resolveParams(overrides, profile) }),
    async run(conn, input) {
      const { runAnalytics } = await analyticsRuntime();
      return runAnalytics(conn, { params: input.overrides, profile: input.profile, allowlist: input.allowlist });
    },
    sql(): AnalyticSql[] {
      const specs = new Map(PARAMS.map((p) => [p.name, p]));
      return ANALYTIC_ORDER.map((id) => {
        const sql = analyticSql(id);
        const header = sqlHeader(sql);
        const params = referencedParams(sql).flatMap((name) => {
          const spec = specs.get(name);
          return spec ? [apiParamSpec(spec)] : [];
        });
        return { id, title: header['title'] ?? id, attack: header['att&ck'] ?? '', sql, params };
      });
    },
    async accounts(conn) {
      return (await analyticsRuntime()).accountStories(conn);
    },
    async story(conn, key) {
      return (await analyticsRuntime()).accountStory(conn, key);
    },
  };
}
