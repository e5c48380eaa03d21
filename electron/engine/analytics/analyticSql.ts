// Loads an analytic's .sql files from its folder and binds their `$name` parameters. The build copies
// electron/**/*.sql into dist/ at the same relative path, so the folder URL a module gives serves the
// compiled module and the source alike.
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
import type { AnalyticModule } from './module.js';
import { paramSpec } from './params.js';
import type { ParamValue, ResolvedParams } from './paramTypes.js';

const cache = new Map<string, string>();

/** A .sql file of the build, read once: the text a trainer reads is the text that runs. */
export function sqlFileText(url: URL): string {
  let sql = cache.get(url.href);
  if (sql === undefined) {
    sql = readFileSync(url, 'utf8');
    cache.set(url.href, sql);
  }
  return sql;
}

function folderFile(m: AnalyticModule, file: 'analytic.sql' | 'coverage.sql'): string {
  return sqlFileText(new URL(file, m.folder));
}

/** The detection SQL of one analytic, exactly as a trainer reads it. */
export function analyticSql(m: AnalyticModule): string {
  return folderFile(m, 'analytic.sql');
}

/** Its coverage verdict: a query over the per-host `facts` of coverage.sql, one verdict per host. */
export function coverageVerdictSql(m: AnalyticModule): string {
  return folderFile(m, 'coverage.sql');
}

/** The value of a `-- name:` header line of an analytic's SQL, with its indented continuation lines. */
export function headerField(sql: string, name: string): string {
  const lines = sql.split('\n');
  const start = lines.findIndex((l) => l.toLowerCase().startsWith(`-- ${name.toLowerCase()}:`));
  if (start < 0) return '';
  const parts = [lines[start]!.slice(lines[start]!.indexOf(':') + 1).trim()];
  for (const line of lines.slice(start + 1)) {
    if (!/^--\s{3,}\S/.test(line)) break;
    parts.push(line.slice(2).trim());
  }
  return parts.join(' ');
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
