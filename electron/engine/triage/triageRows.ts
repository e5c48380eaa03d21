// Small shared pieces of the triage tables (migration 008): reading rows as JSON-safe values, the time a
// change is recorded at, and tags as a clean list.
import type { DuckDBConnection, DuckDBValue, Json } from '@duckdb/node-api';

export type Row = Record<string, Json>;

export async function rows(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
): Promise<Row[]> {
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as Row[];
}

/** SQL turning a stored UTC TIMESTAMP into ISO 8601 with microseconds and a Z. */
export const iso = (column: string): string => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%fZ')`;

/** A JavaScript time as the TIMESTAMP text DuckDB casts (UTC, no zone letter). */
export const timestampText = (at: Date): string => at.toISOString().replace('Z', '');

/** Tags trimmed, without empties or repeats (case-insensitively), in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export const textList = (v: Json | undefined): string[] =>
  Array.isArray(v) ? v.filter((x) => x !== null).map(String) : [];

export const textOrUndefined = (v: Json | undefined): string | undefined =>
  v === null || v === undefined ? undefined : String(v);
