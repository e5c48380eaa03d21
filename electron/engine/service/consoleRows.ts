// Reads a console result into JSON-safe rows, within two caps: a number of rows (the caller's limit) and
// a number of bytes. Rows alone were not enough: three rows of `repeat('x', 10000000)` sent 30 MB to the
// page. Rows are read a chunk at a time from a streaming result, so neither cap is reached by first
// holding everything.
import { DuckDBTypeId, JsonDuckDBValueConverter, type DuckDBResult, type Json } from '@duckdb/node-api';

/** Most bytes of rows (as JSON) one console result carries to the page. */
export const RESULT_BYTE_LIMIT = 8 * 1024 * 1024;
/** Longest text value sent whole; a longer one is cut to this many characters and says so. */
export const VALUE_CHAR_LIMIT = 1024 * 1024;

export interface ConsoleRows {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  /** What stopped the rows short, if anything: the row limit, or the byte cap (which also cuts values). */
  truncatedBy?: 'rows' | 'bytes';
}

// Integers past 2^53 would lose digits as JS numbers; they stay strings, everything smaller is a number.
const WIDE_INTEGERS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
]);

function narrowInteger(v: Json): Json {
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}

/** A value within VALUE_CHAR_LIMIT, or null when it is within it already. */
function cutValue(v: Json, limit: number): string | null {
  if (typeof v === 'string') {
    if (v.length <= limit) return null;
    // Never end on half of a surrogate pair.
    const end = /[\uD800-\uDBFF]/.test(v[limit - 1]!) ? limit - 1 : limit;
    return `${v.slice(0, end)}… [cut: ${v.length - end} more characters]`;
  }
  if (v === null || typeof v !== 'object') return null;
  const size = JSON.stringify(v).length;
  return size <= limit ? null : `[a value of ${size} characters, too long to show: select a part of it]`;
}

export async function readConsoleRows(
  result: DuckDBResult,
  rowLimit: number,
  byteLimit = RESULT_BYTE_LIMIT,
  valueLimit = VALUE_CHAR_LIMIT,
): Promise<ConsoleRows> {
  const columns = result.deduplicatedColumnNames();
  const wide = columns.map((_, i) => WIDE_INTEGERS.has(result.columnTypeId(i)));
  const rows: Array<Record<string, unknown>> = [];
  let bytes = 2; // the list's brackets
  let cut = false;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return { columns, rows, ...(cut ? { truncatedBy: 'bytes' } : {}) };
    for (const values of chunk.convertRows(JsonDuckDBValueConverter)) {
      if (rows.length === rowLimit) return { columns, rows, truncatedBy: 'rows' };
      const row: Record<string, unknown> = {};
      columns.forEach((name, i) => {
        let v = values[i] ?? null;
        if (wide[i]) v = narrowInteger(v);
        const shorter = cutValue(v, valueLimit);
        if (shorter !== null) cut = true;
        row[name] = shorter ?? v;
      });
      bytes += Buffer.byteLength(JSON.stringify(row)) + 1;
      // Whole rows only: the one that would pass the cap is left out, and so is everything after it.
      if (bytes > byteLimit) return { columns, rows, truncatedBy: 'bytes' };
      rows.push(row);
    }
  }
}
