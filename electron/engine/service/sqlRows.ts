// Small helpers for the service's own queries. Every query binds its values ($name), returns JSON-safe
// rows (getRowObjectsJson: no bigint, no DuckDB value objects) and formats times in SQL as ISO 8601 UTC,
// so what leaves the engine can go straight through IPC or HTTP.
import type { DuckDBConnection, DuckDBValue, Json } from '@duckdb/node-api';
import { ServiceError } from './serviceError.js';

export type JsonRow = Record<string, Json>;

/** SQL text turning a TIMESTAMP column (stored as UTC) into ISO 8601 with microseconds and a Z. */
export function isoSql(column: string): string {
  return `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%fZ')`;
}

export async function readRows(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
): Promise<JsonRow[]> {
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as JsonRow[];
}

export async function readOne(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
): Promise<JsonRow | undefined> {
  return (await readRows(conn, sql, params))[0];
}

/** Microseconds since the epoch for an ISO time from the UI; a bad time is the caller's error. */
export function isoToMicros(iso: string, what: string): bigint {
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(ms))
    throw new ServiceError('BAD_REQUEST', `${what} is not a valid time: ${iso.slice(0, 40)}`);
  const fraction = /\.(\d{4,6})/.exec(iso)?.[1];
  // Date keeps milliseconds only; the digits past them matter when a range ends at an exact event.
  const extraMicros = fraction ? Number(fraction.padEnd(6, '0').slice(3)) : 0;
  return BigInt(ms) * 1000n + BigInt(extraMicros);
}

export function microsToIso(us: bigint): string {
  const ms = us / 1000n;
  const rest = Number(((us % 1000n) + 1000n) % 1000n);
  const base = new Date(Number(ms)).toISOString(); // …sss Z
  return `${base.slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}

export function text(v: Json | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

export function textOrNull(v: Json | undefined): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function num(v: Json | undefined): number {
  return v === null || v === undefined ? 0 : Number(v);
}

export function numOrNull(v: Json | undefined): number | null {
  return v === null || v === undefined ? null : Number(v);
}

export function textList(v: Json | undefined): string[] {
  return Array.isArray(v) ? v.filter((x) => x !== null).map((x) => String(x)) : [];
}

/** Parses a JSON column that DuckDB returned as text; a malformed value reads as `fallback`. */
export function parseJson<T>(v: Json | undefined, fallback: T): T {
  if (v === null || v === undefined) return fallback;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}
