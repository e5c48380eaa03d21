// The fast load path. Appending through the Appender costs ~30 us a Windows event on the thread that
// owns the connection (measured: ~0.8 us per string value, ~50 values a row), which caps an import near
// 15 MB/s; splitting one big bound string inside DuckDB runs single-threaded and is no faster. So the
// parse worker writes each batch as a "segment" file in the case's private staging folder — fields
// separated by U+001F, one row per line, NULL written as U+001B, line breaks inside values written as
// U+001D (LF) and U+001C (CR) — and DuckDB's parallel CSV reader loads it with one INSERT … SELECT.
// A row whose text holds one of those control characters (XML 1.0 cannot carry them; JSON can), or
// that is too long for one CSV line, goes through the Appender instead.
import type { AuditRow, ReadRow, SigninRow, WinEventRow } from '../model.js';
import { AUDIT_COLUMNS, SIGNIN_COLUMNS, WIN_COLUMNS, type Column, type Kind } from './columns.js';

const FIELD = '\u001f';
const NULL = '\u001b';
// The separators are control characters by design; matching them is the point of these patterns.
// eslint-disable-next-line no-control-regex
const NEEDS_CARE = /[\n\r\u001b\u001c\u001d\u001f]/;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u001b\u001c\u001d\u001f]/;
/** Longest row a segment may carry; DuckDB's reader needs a bound on line length. */
export const MAX_SEGMENT_LINE = 1 << 20;

export type RecordTable = 'win_events' | 'signins' | 'audits';

export interface SegmentText {
  table: RecordTable;
  text: string;
  rows: number;
}

export interface FormattedBatch {
  segments: SegmentText[];
  /** Rows that cannot travel in a segment; they go through the Appender. */
  unpacked: ReadRow[];
}

/** Set by fieldText when it rewrote a line break, so the row is flagged for unescaping. */
let escapedInRow = false;

function fieldText(kind: Kind, v: unknown): string | null {
  if (v === null || v === undefined) return NULL;
  const s = kind === 'json' || kind === 'list' ? JSON.stringify(v) : String(v);
  if (!NEEDS_CARE.test(s)) return s;
  if (UNSAFE.test(s)) return null;
  escapedInRow = true;
  return s.replace(/\n/g, '\u001d').replace(/\r/g, '\u001c');
}

/**
 * One segment line: the row's fields, then a last field `1` when any of them had line breaks rewritten.
 * DuckDB undoes the rewrite only on flagged rows: undoing it on every text field of every row cost
 * half the load time (measured), and most exports (wevtutil, JSON) have no line breaks in any value.
 */
function formatRow<R>(columns: ReadonlyArray<Column<R>>, row: R): string | null {
  const parts = new Array<string>(columns.length + 1);
  let length = 0;
  escapedInRow = false;
  for (let i = 0; i < columns.length; i++) {
    const [kind, get] = columns[i]!;
    const s = fieldText(kind, get(row));
    if (s === null) return null;
    length += s.length;
    parts[i] = s;
  }
  parts[columns.length] = escapedInRow ? '1' : '0';
  // Characters, not bytes: a conservative bound for UTF-8 is three bytes a UTF-16 unit.
  if (length * 3 > MAX_SEGMENT_LINE) return null;
  return parts.join(FIELD);
}

export function formatBatch(rows: readonly ReadRow[]): FormattedBatch {
  const lines: Record<RecordTable, string[]> = { win_events: [], signins: [], audits: [] };
  const unpacked: ReadRow[] = [];
  for (const r of rows) {
    let line: string | null;
    let table: RecordTable;
    switch (r.kind) {
      case 'win':
        [line, table] = [formatRow<WinEventRow>(WIN_COLUMNS, r.row), 'win_events'];
        break;
      case 'signin':
        [line, table] = [formatRow<SigninRow>(SIGNIN_COLUMNS, r.row), 'signins'];
        break;
      case 'audit':
        [line, table] = [formatRow<AuditRow>(AUDIT_COLUMNS, r.row), 'audits'];
        break;
    }
    if (line === null) unpacked.push(r);
    else lines[table].push(line);
  }
  const segments: SegmentText[] = [];
  for (const table of ['win_events', 'signins', 'audits'] as const) {
    const l = lines[table];
    if (l.length === 0) continue;
    const rows = l.length;
    // An empty last line puts the final '\n' inside the join. `join() + '\n'` makes a second string the
    // file write must flatten, copying the whole segment again (~10% of formatting time, measured).
    l.push('');
    segments.push({ table, text: l.join('\n'), rows });
  }
  return { segments, unpacked };
}

const READ_TYPE: Record<Kind, string> = {
  text: 'VARCHAR',
  json: 'VARCHAR',
  list: 'VARCHAR',
  int: 'INTEGER',
  smallint: 'SMALLINT',
  bigint: 'BIGINT',
  ts: 'BIGINT',
  bool: 'BOOLEAN',
};

function selectExpr(kind: Kind, name: string): string {
  const unescaped = `CASE WHEN escaped THEN replace(replace(${name}, chr(29), chr(10)), chr(28), chr(13)) ELSE ${name} END`;
  switch (kind) {
    case 'text':
      return unescaped;
    case 'json':
      return `${unescaped}::JSON`;
    case 'list':
      return `${unescaped}::JSON::VARCHAR[]`;
    case 'ts':
      return `make_timestamp(${name})`;
    default:
      return name;
  }
}

const COLUMNS_OF: Record<RecordTable, ReadonlyArray<Column<never>>> = {
  win_events: WIN_COLUMNS,
  signins: SIGNIN_COLUMNS,
  audits: AUDIT_COLUMNS,
};

/**
 * The INSERT that loads one segment file. The table name comes from the fixed list above; the source
 * id, the record-number base and the segment's path are bound parameters.
 */
export function insertSegmentSql(table: RecordTable): string {
  const cols = COLUMNS_OF[table].map(([kind], i) => [kind, `c${i + 1}`] as const);
  const spec = [
    ...cols.map(([kind, name]) => `'${name}': '${READ_TYPE[kind]}'`),
    `'escaped': 'BOOLEAN'`,
  ].join(', ');
  // Column 1 is record_no; a slice's rows are numbered from 1 and moved up by the rows before it.
  const select = cols
    .map(([kind, name], i) => (i === 0 ? `${name} + $record_base` : selectExpr(kind, name)))
    .join(', ');
  return (
    `INSERT INTO ${table} SELECT $source_id, ${select} FROM read_csv($path, columns = {${spec}}, ` +
    `delim = chr(31), quote = '', escape = '', header = false, nullstr = chr(27), auto_detect = false, ` +
    `max_line_size = ${MAX_SEGMENT_LINE + 1024})`
  );
}
