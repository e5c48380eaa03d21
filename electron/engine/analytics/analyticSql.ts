// Loads each analytic's .sql file and binds its `$name` parameters. The files sit next to this module:
// the build copies electron/**/*.sql into dist/ at the same relative path, and under tsx the source
// folder is used as is, so one relative URL serves both.
import { readFileSync } from 'node:fs';
import {
  BOOLEAN,
  INTEGER,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { AnalyticId } from '../../../shared/report.js';
import { paramSpec, type ParamValue, type ResolvedParams } from './params.js';

export const ANALYTIC_FILES: Readonly<Record<AnalyticId, string>> = {
  AN1612: 'an1612_account_enumeration.sql',
  AN1604: 'an1604_account_creation.sql',
  AN1235: 'an1235_process_then_account.sql',
  T1589: 't1589_username_enumeration.sql',
};

export const ANALYTIC_ORDER: readonly AnalyticId[] = ['AN1612', 'AN1604', 'AN1235', 'T1589'];

const cache = new Map<AnalyticId, string>();

/** The SQL text of one analytic, exactly as a trainer reads it. */
export function analyticSql(id: AnalyticId): string {
  let sql = cache.get(id);
  if (sql === undefined) {
    sql = readFileSync(new URL(`./sql/${ANALYTIC_FILES[id]}`, import.meta.url), 'utf8');
    cache.set(id, sql);
  }
  return sql;
}

/**
 * The `$names` a statement uses, in order of first use. Comments and string literals are skipped, so a
 * `$` inside a regular expression literal or a header comment is not mistaken for a parameter.
 */
export function referencedParams(sql: string): string[] {
  const code = sql.replace(/--[^\n]*/g, ' ').replace(/'(?:[^']|'')*'/g, "''");
  const names = new Set<string>();
  for (const m of code.matchAll(/\$([a-z_][a-z0-9_]*)/gi)) names.add(m[1]!);
  return [...names];
}

/** Values that are not registry parameters: the allowlist, bound like any other list. */
export type ExtraBindings = Readonly<Record<string, string[]>>;

export interface Bindings {
  values: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
  /** The registry parameters the statement used, for the finding's record of how it was produced. */
  used: Record<string, ParamValue>;
}

/** Binds exactly the parameters the statement names (DuckDB refuses names it does not use). */
export function bindingsFor(sql: string, params: ResolvedParams, extra: ExtraBindings = {}): Bindings {
  const out: Bindings = { values: {}, types: {}, used: {} };
  for (const name of referencedParams(sql)) {
    if (name in extra) {
      out.values[name] = listValue(extra[name]!);
      out.types[name] = LIST(VARCHAR);
      continue;
    }
    const spec = paramSpec(name);
    const value = params[name];
    if (!spec || value === undefined) throw new Error(`SQL uses $${name}, which is not a known parameter`);
    out.used[name] = value;
    switch (spec.type) {
      case 'number':
        out.values[name] = value as number;
        out.types[name] = INTEGER;
        break;
      case 'boolean':
        out.values[name] = value as boolean;
        out.types[name] = BOOLEAN;
        break;
      case 'string':
        out.values[name] = value as string;
        out.types[name] = VARCHAR;
        break;
      case 'string[]':
        out.values[name] = listValue(value as string[]);
        out.types[name] = LIST(VARCHAR);
        break;
      case 'number[]':
        out.values[name] = listValue(value as number[]);
        out.types[name] = LIST(INTEGER);
        break;
    }
  }
  return out;
}
