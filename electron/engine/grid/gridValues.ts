// A value from DuckDB's JSON rows as the grid sends it: numbers as numbers (BIGINTs arrive as text),
// times as ISO 8601 UTC, text as text.
import type { GridColumnKind, GridValue } from '../../../shared/eventGrid.js';

export function gridValue(v: unknown, kind: GridColumnKind): GridValue {
  if (v === null || v === undefined) return null;
  if (kind === 'number') return Number(v);
  if (kind === 'time') return isoUtc(String(v));
  return String(v);
}

/** DuckDB writes a TIMESTAMP as `2024-03-05 10:01:06.5`; the API's times are `2024-03-05T10:01:06.500000Z`. */
function isoUtc(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?/.exec(text);
  return m ? `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(6, '0')}Z` : text;
}
