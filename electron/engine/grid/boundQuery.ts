// Runs a grid query with the values it names. A view's bindings (filters, EventData paths) travel together,
// but DuckDB refuses a named value the statement does not use, so each statement gets only its own.
import type { DuckDBConnection, DuckDBMaterializedResult, DuckDBResultReader } from '@duckdb/node-api';
import type { Bindings } from './viewSql.js';

function used(sql: string, b: Bindings): Bindings {
  const names = new Set([...sql.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
  const params: Bindings['params'] = {};
  const types: Bindings['types'] = {};
  for (const name of names) {
    if (!Object.hasOwn(b.params, name)) continue;
    params[name] = b.params[name]!;
    if (b.types[name]) types[name] = b.types[name];
  }
  return { params, types };
}

export function readBound(conn: DuckDBConnection, sql: string, b: Bindings): Promise<DuckDBResultReader> {
  const own = used(sql, b);
  return conn.runAndReadAll(sql, own.params, own.types);
}

export function runBound(
  conn: DuckDBConnection,
  sql: string,
  b: Bindings,
): Promise<DuckDBMaterializedResult> {
  const own = used(sql, b);
  return conn.run(sql, own.params, own.types);
}

/** The rows of a read as JSON-safe objects. */
export async function rowsBound<T>(conn: DuckDBConnection, sql: string, b: Bindings): Promise<T[]> {
  return (await readBound(conn, sql, b)).getRowObjectsJson() as T[];
}
