// The fast load path. Appending through the Appender costs ~30 us a Windows event on the thread that
// owns the connection (measured: ~0.8 us per string value, ~50 values a row), which caps an import near
// 15 MB/s; splitting one big bound string inside DuckDB runs single-threaded and is no faster. So the
// parse worker writes each batch as "segment" files in the case's private staging folder — fields
// separated by U+001F, one row per line, NULL written as U+001B — and DuckDB's CSV reader loads them
// with one INSERT … SELECT. Line breaks inside values are written as U+001D (LF) and U+001C (CR), and
// rows that hold any go to a segment of their own whose INSERT undoes the rewrite: undoing it on every
// row cost half the load time (measured). A row whose text holds one of the control characters (XML
// 1.0 cannot carry them; JSON can), or that is too long for one CSV line, goes through the Appender.
//
// Segments are built as bytes: a Windows event's XML is copied from the bytes it was read from, so the
// largest column is never encoded again, and no segment-sized string is ever built (joining and encoding
// those was a third of the worker's time, measured).
import type { ReadRow, WinEventRow } from '../rowContract.js';
import { AUDIT_COLUMNS, SIGNIN_COLUMNS, WIN_COLUMNS, type Column, type Kind } from './columns.js';

const FIELD = '\u001f';
const NULL = '\u001b';
/** What a value must not hold as it is: line breaks (rewritten), and the separators (unsafe). */
const CARE_CHARS = ['\n', '\r', NULL, '\u001c', '\u001d', FIELD];
const NEEDS_CARE = new RegExp(`[${CARE_CHARS.join('')}]`);
// The separators are control characters by design; matching them is the point of this pattern.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u001b\u001c\u001d\u001f]/;
/** Longest row a segment may carry; DuckDB's reader needs a bound on line length. */
export const MAX_SEGMENT_LINE = 1 << 20;

export type RecordTable = 'win_events' | 'signins' | 'audits';

export interface SegmentBytes {
  table: RecordTable;
  /** UTF-8 lines, ready to write. */
  bytes: Buffer;
  rows: number;
  /** Some value of some row had its line breaks rewritten: the INSERT must undo that. */
  escaped: boolean;
}

export interface FormattedBatch {
  segments: SegmentBytes[];
  /** Rows that cannot travel in a segment; they go through the Appender. */
  unpacked: ReadRow[];
}

/** Set by fieldText when it rewrote a line break. */
let escapedInRow = false;

/**
 * Whether a value holds a line break or a separator. A character class is quickest on short text; on
 * long text (a record's raw JSON) one indexOf per character is four times quicker (measured).
 */
function needsCare(s: string): boolean {
  return s.length < 256 ? NEEDS_CARE.test(s) : CARE_CHARS.some((c) => s.indexOf(c) >= 0);
}

function fieldText(kind: Kind, v: unknown): string | null {
  if (v === null || v === undefined) return NULL;
  const s = kind === 'json' || kind === 'list' ? JSON.stringify(v) : String(v);
  if (!needsCare(s)) return s;
  if (UNSAFE.test(s)) return null;
  escapedInRow = true;
  return s.replace(/\n/g, '\u001d').replace(/\r/g, '\u001c');
}

/** A row's fields, joined; null when one cannot travel in a segment. */
function formatLine<R>(columns: ReadonlyArray<Column<R>>, row: R): string | null {
  const parts = new Array<string>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const [kind, get] = columns[i]!;
    const s = fieldText(kind, get(row));
    if (s === null) return null;
    parts[i] = s;
  }
  return parts.join(FIELD);
}

const LF = 0x0a;

/**
 * One segment being filled: its lines are written as UTF-8 the moment a row is added, so a parsed row
 * dies young. Rows kept whole until a batch was full outlived the young generation and were copied and
 * promoted by the garbage collector, which took a sixth of a parse worker's time (measured). The memory
 * is kept from batch to batch.
 */
class SegmentLines {
  private buf: Buffer = Buffer.alloc(0);
  private at = 0;
  rows = 0;

  constructor(
    readonly table: RecordTable,
    readonly escaped: boolean,
  ) {}

  /** One line: text fields, then (when given) the last field as UTF-8 bytes. */
  add(text: string, tail: Uint8Array | null): void {
    // Three bytes a UTF-16 unit is the bound for UTF-8; one more for the LF.
    const need = this.at + text.length * 3 + (tail === null ? 0 : tail.length) + 1;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(grown, 0, 0, this.at);
      this.buf = grown;
    }
    this.at += this.buf.write(text, this.at, 'utf8');
    if (tail !== null) {
      this.buf.set(tail, this.at);
      this.at += tail.length;
    }
    this.buf[this.at++] = LF;
    this.rows++;
  }

  get bytes(): number {
    return this.at;
  }

  /** The lines so far, as a view that stays valid until the next clear. */
  segment(): SegmentBytes {
    return {
      table: this.table,
      bytes: this.buf.subarray(0, this.at),
      rows: this.rows,
      escaped: this.escaped,
    };
  }

  clear(): void {
    this.at = 0;
    this.rows = 0;
  }
}

/**
 * A Windows event whose reader vouched for its text (`xmlUtf8` set: no control character but tab, LF
 * and CR anywhere in the event or its values; or `plainText`, the same for an event without XML) needs
 * no check per field: one look for line breaks over the joined fields, and the XML travels as the bytes
 * it was read from, never encoded again. A line break anywhere sends the row down the careful path.
 */
function addWinEvent(row: WinEventRow, plain: SegmentLines, escaped: SegmentLines): boolean {
  const xmlBytes = row.xmlUtf8;
  const vouched =
    row.xml === null
      ? row.plainText === true
      : xmlBytes !== undefined && row.xml.indexOf('\n') < 0 && row.xml.indexOf('\r') < 0;
  if (vouched) {
    const fields = winFields(row);
    if (fields.indexOf('\n') < 0 && fields.indexOf('\r') < 0) {
      const tail = row.xml === null ? null : xmlBytes!;
      if (fields.length * 3 + (tail?.length ?? 0) > MAX_SEGMENT_LINE) return false;
      plain.add(fields, tail);
      return true;
    }
  }
  return addCarefully(WIN_COLUMNS, row, plain, escaped);
}

const t = (v: string | null): string => (v == null ? NULL : v);
const n = (v: number | bigint | null): string => (v == null ? NULL : `${v}`);
const F = FIELD;

/**
 * A vouched Windows event's fields, the XML's left empty (its bytes follow), in WIN_COLUMNS order: the
 * text formatLine writes for the same row (a test holds them to it), without a getter call, an array
 * and a join per row, which cost ~5 us a row on the parse worker (measured, a sixth of its time on
 * .evtx). JSON.stringify writes every control character as an escape, so `data` holds no line break.
 */
function winFields(r: WinEventRow): string {
  return (
    `${n(r.recordNo)}${F}${n(r.recordId)}${F}${n(r.ts)}${F}${t(r.host)}${F}${t(r.channel)}${F}` +
    `${t(r.provider)}${F}${n(r.eventId)}${F}${n(r.version)}${F}${n(r.level)}${F}${n(r.task)}${F}` +
    `${t(r.keywords)}${F}${n(r.execPid)}${F}${t(r.userSid)}${F}${t(r.subjectUser)}${F}` +
    `${t(r.subjectDomain)}${F}${t(r.subjectSid)}${F}${n(r.subjectLogonId)}${F}${t(r.targetUser)}${F}` +
    `${t(r.targetDomain)}${F}${t(r.targetSid)}${F}${n(r.targetLogonId)}${F}${n(r.pid)}${F}` +
    `${n(r.parentPid)}${F}${t(r.image)}${F}${t(r.parentImage)}${F}${t(r.commandLine)}${F}` +
    `${t(r.parentCommandLine)}${F}${t(r.processGuid)}${F}${t(r.parentProcessGuid)}${F}` +
    `${n(r.logonType)}${F}${t(r.ip)}${F}${n(r.ipPort)}${F}${t(r.workstation)}${F}${t(r.status)}${F}` +
    `${t(r.subStatus)}${F}${t(r.failureCode)}${F}${n(r.callerPid)}${F}${t(r.callerImage)}${F}` +
    `${t(r.logonProcess)}${F}${t(r.authPackage)}${F}${t(r.memberName)}${F}${t(r.memberSid)}${F}` +
    `${t(r.objectType)}${F}${t(r.objectName)}${F}${t(r.scriptText)}${F}${JSON.stringify(r.data)}${F}` +
    `${n(r.recordOffset)}${F}${r.xml === null ? NULL : ''}`
  );
}

function addCarefully<R>(
  columns: ReadonlyArray<Column<R>>,
  row: R,
  plain: SegmentLines,
  escaped: SegmentLines,
): boolean {
  escapedInRow = false;
  const line = formatLine(columns, row);
  if (line === null || line.length * 3 > MAX_SEGMENT_LINE) return false;
  (escapedInRow ? escaped : plain).add(line, null);
  return true;
}

/**
 * Rows per batch, and so per segment file at most. Each INSERT has a fixed cost inside DuckDB (planning,
 * starting the CSV scan), but the writer loads the batches that queue up while DuckDB is busy with one
 * INSERT, so small batches cost little. Measured on the bench corpus when a worker still held a batch's
 * rows until it was full: 8000 rows, 60 MB/s and workers of ~450 MB each at peak; 4000, 62 MB/s and
 * ~230 MB; 2000, 58 MB/s and ~140 MB. With rows formatted as they are read, 8000 was no faster.
 */
const BATCH_ROWS = 4000;
/**
 * Bytes of segment per batch at most. A worker keeps two batches' memory, for each table it has
 * loaded: 4,000 sign-ins of ~3 KB grew it to ~80 MB a worker (measured).
 */
const BATCH_BYTES = 4 << 20;

/**
 * A batch of rows, formatted as they are added: a plain and an escaped segment per table, and the
 * rows that cannot travel in a segment. Reusable: `clear` empties it and keeps its memory.
 */
export class SegmentBatchBuilder {
  private readonly win = [
    new SegmentLines('win_events', false),
    new SegmentLines('win_events', true),
  ] as const;
  private readonly signins = [new SegmentLines('signins', false), new SegmentLines('signins', true)] as const;
  private readonly audits = [new SegmentLines('audits', false), new SegmentLines('audits', true)] as const;
  private readonly all = [...this.win, ...this.signins, ...this.audits];
  private unpacked: ReadRow[] = [];
  rows = 0;

  get full(): boolean {
    return this.rows >= BATCH_ROWS || this.all.reduce((n, s) => n + s.bytes, 0) >= BATCH_BYTES;
  }

  add(r: ReadRow): void {
    let ok: boolean;
    switch (r.kind) {
      case 'win':
        ok = addWinEvent(r.row, ...this.win);
        break;
      case 'signin':
        ok = addCarefully(SIGNIN_COLUMNS, r.row, ...this.signins);
        break;
      case 'audit':
        ok = addCarefully(AUDIT_COLUMNS, r.row, ...this.audits);
        break;
    }
    if (!ok) this.unpacked.push(withoutBytes(r));
    this.rows++;
  }

  /** The batch so far; its segments are views of this builder's memory, valid until `clear`. */
  formatted(): FormattedBatch {
    const segments = this.all.filter((s) => s.rows > 0).map((s) => s.segment());
    return { segments, unpacked: this.unpacked };
  }

  clear(): void {
    for (const s of this.all) s.clear();
    this.unpacked = [];
    this.rows = 0;
  }
}

/** A row for the Appender, which takes the text: the bytes would only be copied across threads. */
function withoutBytes(r: ReadRow): ReadRow {
  if (r.kind !== 'win' || r.row.xmlUtf8 === undefined) return r;
  const row = { ...r.row };
  delete row.xmlUtf8;
  return { kind: 'win', row };
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

function selectExpr(kind: Kind, name: string, escaped: boolean): string {
  const unescaped = escaped ? `replace(replace(${name}, chr(29), chr(10)), chr(28), chr(13))` : name;
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
 * The INSERT that loads segment files of one table (a list, read as one scan). `escaped` segments hold
 * rows with rewritten line breaks, undone here; plain ones are taken as they are, which is most of them
 * (wevtutil and JSON exports have no line break in any value) and costs DuckDB no expression at all. The
 * table name comes from the fixed list above; the source id, the record-number base and the paths are
 * bound parameters.
 */
export function insertSegmentSql(table: RecordTable, escaped: boolean): string {
  const cols = COLUMNS_OF[table].map(([kind], i) => [kind, `c${i + 1}`] as const);
  const spec = cols.map(([kind, name]) => `'${name}': '${READ_TYPE[kind]}'`).join(', ');
  // Column 1 is record_no; a slice's rows are numbered from 1 and moved up by the rows before it.
  const select = cols
    .map(([kind, name], i) => (i === 0 ? `${name} + $record_base` : selectExpr(kind, name, escaped)))
    .join(', ');
  return (
    `INSERT INTO ${table} SELECT $source_id, ${select} FROM read_csv($paths, columns = {${spec}}, ` +
    `delim = chr(31), quote = '', escape = '', header = false, nullstr = chr(27), auto_detect = false, ` +
    `max_line_size = ${MAX_SEGMENT_LINE + 1024})`
  );
}
