// Finds record boundaries in a stream of JSON code units without parsing: it tracks only strings,
// escapes and nesting depth, so a file never has to fit in memory and a record is handed to JSON.parse
// only once it is known to be complete, small enough and shallow enough (V8's JSON.parse can exhaust
// the stack on deep nesting, and DuckDB's read_json crashes the process on it).
//
// Handled layouts: a top-level array of records; an object wrapping them ({"value":[..]} Graph pages,
// {"records":[..]} diagnostic output, {"tables":[{"columns":..,"rows":..}]} query-API results); and any
// number of such values one after another (JSON lines). In JSON lines a broken line costs that line only.
import type { ReadError } from '../../model.js';
import type { CodeUnits } from './codeUnits.js';
import {
  CAPTURE_CANDIDATE,
  CAPTURE_COLUMNS,
  CAPTURE_RECORD,
  CAPTURE_ROW,
  CAPTURE_SKIP,
  RecordCapture,
  type CapturePurpose,
} from './recordCapture.js';
import { ScanFrame, foldKeyChar, type FrameKind, type TableColumns, type WrapperKey } from './scanFrames.js';
import { CANDIDATE, RECORDS, TABLE, TABLES, WRAPPER } from './scanFrames.js';
import { KEY_COLUMNS, KEY_ROWS, KEY_TABLES, describeValueStart, wrapperKeyName } from './scanFrames.js';

export interface ScanEvents {
  /** A complete record (object) or query-API row, with its 1-based ordinal and file offset. */
  record(units: CodeUnits, recordNo: number, offset: number, table: TableColumns | null): void;
  /** A query-API table's "columns" array; returns the column names, or null after reporting why not. */
  columns(units: CodeUnits, offset: number): string[] | null;
  /** A record seen and not imported. */
  skipped(error: ReadError): void;
  /** A problem in the file's structure outside any one record. */
  problem(error: ReadError): void;
  wrapper(key: WrapperKey): void;
}

export interface ScanLimits {
  maxRecordBytes: number;
  maxDepth: number;
  /** File offset of the first unit, and bytes per unit, to report byte offsets in the file. */
  origin: number;
  unitBytes: number;
}

const [TAB, LF, CR, SPACE, QUOTE, COMMA, COLON] = [0x09, 0x0a, 0x0d, 0x20, 0x22, 0x2c, 0x3a];
const [LBRACKET, BACKSLASH, RBRACKET, LBRACE, RBRACE] = [0x5b, 0x5c, 0x5d, 0x7b, 0x7d];

// Why the nested walk stopped.
const [CHUNK_END, VALUE_CLOSED, AT_NEWLINE, TOO_DEEP] = [0, 1, 2, 3];

export class JsonRecordScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inKey = false;
  private keyCode = 0;
  private inScalar = false;
  private skipLine = false;
  private frames: ScanFrame[] = [];
  private top: ScanFrame | null = null;
  private watchDepth = 0;
  private capture: RecordCapture | null = null;
  private depthLimit = Infinity;
  /** Set once a whole top-level value sat on one line: from then on a line break ends any record. */
  private lineMode = false;
  private valueSpansLines = false;
  private recordNo = 0;
  private base = 0;
  private chunk: CodeUnits = Buffer.alloc(0);
  private readonly maxUnits: number;
  /** Top-level values seen: more than one means JSON lines (or concatenated JSON). */
  topLevelValues = 0;

  constructor(
    private readonly events: ScanEvents,
    private readonly limits: ScanLimits,
  ) {
    this.maxUnits = Math.floor(limits.maxRecordBytes / limits.unitBytes);
  }

  push(units: CodeUnits): void {
    this.chunk = units;
    const n = units.length;
    let i = 0;
    while (i < n) {
      if (this.skipLine) {
        const nl = units.indexOf(LF, i);
        if (nl < 0) break;
        this.skipLine = false;
        i = nl + 1;
      } else if (this.inKey) {
        i = this.walkKey(units, i, n);
      } else if (this.inString || this.depth > this.watchDepth) {
        i = this.walkNested(units, i, n);
      } else {
        this.structural(units[i]!, i);
        i++;
      }
    }
    this.capture?.keepChunkTail(units);
    this.base += n;
  }

  /** The source is exhausted: reports whatever was left open (a cut-short file) as one error. */
  finish(): void {
    const cap = this.capture;
    if (this.skipLine || cap?.purpose === CAPTURE_SKIP) return;
    const end = this.offset(this.base);
    if (cap && cap.purpose !== CAPTURE_COLUMNS) {
      const why = cap.tooDeep
        ? `nested deeper than ${this.limits.maxDepth} levels, and the file ends inside it`
        : 'the file ends inside this record (is the file cut short?)';
      this.events.skipped(this.recordError(cap, why));
    } else if (this.depth > 0 || this.inKey) {
      const outer = this.frames[0];
      const what = outer ? `the ${outer.describe()} that starts at byte ${this.offset(outer.openedAt)}` : 'a value';
      this.events.problem({
        message: `byte ${end}: the file ends before ${what} is closed (is the file cut short?)`,
        offset: end,
      });
    }
  }

  private offset(unitIndex: number): number {
    return this.limits.origin + unitIndex * this.limits.unitBytes;
  }

  private recordError(cap: RecordCapture, why: string): ReadError {
    const offset = this.offset(cap.start);
    return { message: `record ${cap.recordNo} at byte ${offset}: ${why}`, offset, record: cap.recordNo };
  }

  /** Walks the inside of a value nested below the watched level, or a string; the hot loop. */
  private walkNested(u: CodeUnits, start: number, n: number): number {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const watch = this.watchDepth;
    const limit = this.depthLimit;
    let stop = CHUNK_END;
    let i = start;
    for (; i < n; i++) {
      const c = u[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === QUOTE) {
          inString = false;
          if (depth === watch) {
            stop = VALUE_CLOSED;
            break;
          }
        } else if (c === BACKSLASH) escaped = true;
        else if (c === LF) {
          stop = AT_NEWLINE;
          break;
        }
      } else if (c === QUOTE) inString = true;
      else if (c === LBRACE || c === LBRACKET) {
        if (++depth > limit) {
          stop = TOO_DEEP;
          break;
        }
      } else if (c === RBRACE || c === RBRACKET) {
        if (--depth === watch) {
          stop = VALUE_CLOSED;
          break;
        }
      } else if (c === LF) {
        stop = AT_NEWLINE;
        break;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    if (stop === CHUNK_END) return n;
    if (stop === AT_NEWLINE) this.newline(i);
    else if (stop === TOO_DEEP) this.markTooDeep();
    else if (this.capture && this.capture.baseDepth === depth && !inString) this.completeCapture(i + 1);
    return i + 1;
  }

  /** Walks an object key at a watched level, folding it into a code to recognise wrapper keys. */
  private walkKey(u: CodeUnits, start: number, n: number): number {
    let code = this.keyCode;
    for (let i = start; i < n; i++) {
      const c = u[i]!;
      if (this.escaped) {
        this.escaped = false;
        code = -1;
      } else if (c === QUOTE) {
        this.inKey = false;
        this.top!.pendingKey = code > 0 ? code : 0;
        return i + 1;
      } else if (c === BACKSLASH) {
        this.escaped = true;
        code = -1;
      } else if (c === LF) {
        this.keyCode = code;
        this.newline(i);
        return i + 1;
      } else code = foldKeyChar(code, c);
    }
    this.keyCode = code;
    return n;
  }

  private structural(c: number, i: number): void {
    if (c === SPACE || c === TAB || c === CR) {
      this.inScalar = false;
      return;
    }
    if (c === LF) {
      this.inScalar = false;
      this.newline(i);
      return;
    }
    const f = this.top;
    if (f === null) this.atTopLevel(c, i);
    else if (f.kind === RECORDS) this.inRecords(f, c, i);
    else if (f.kind === TABLES) this.inTables(c, i);
    else this.inObject(f, c, i);
  }

  private atTopLevel(c: number, i: number): void {
    if (c === COMMA) return;
    if (c === LBRACE) {
      this.startCapture(CAPTURE_CANDIDATE, i, ++this.recordNo);
      this.open(CANDIDATE, i, false, null);
    } else if (c === LBRACKET) {
      this.open(RECORDS, i, true, null);
    } else {
      const recordNo = ++this.recordNo;
      const offset = this.offset(this.base + i);
      const what = describeValueStart(c);
      this.events.skipped({
        message: `record ${recordNo} at byte ${offset}: ${what} where a JSON object should start; skipped to the end of the line`,
        offset,
        record: recordNo,
      });
      this.skipLine = true;
    }
  }

  private inRecords(f: ScanFrame, c: number, i: number): void {
    if (c === COMMA) this.inScalar = false;
    else if (c === RBRACKET || c === RBRACE) {
      this.inScalar = false;
      this.close();
    } else if (c === LBRACE) {
      this.inScalar = false;
      if (f.allowWrappers) {
        this.startCapture(CAPTURE_CANDIDATE, i, ++this.recordNo);
        this.open(CANDIDATE, i, false, null);
      } else {
        this.startCapture(f.rowsOf ? CAPTURE_ROW : CAPTURE_RECORD, i, ++this.recordNo);
        this.descend();
      }
    } else if (c === LBRACKET && f.rowsOf) {
      this.startCapture(CAPTURE_ROW, i, ++this.recordNo);
      this.descend();
    } else if (!this.inScalar) {
      const recordNo = ++this.recordNo;
      const offset = this.offset(this.base + i);
      this.events.skipped({
        message: `record ${recordNo} at byte ${offset}: ${describeValueStart(c)}, not a JSON object; skipped`,
        offset,
        record: recordNo,
      });
      if (c === LBRACKET) {
        this.startCapture(CAPTURE_SKIP, i, recordNo);
        this.descend();
      } else if (c === QUOTE) this.inString = true;
      else this.inScalar = true;
    }
  }

  private inTables(c: number, i: number): void {
    if (c === LBRACE) this.open(TABLE, i, false, null);
    else if (c === RBRACKET || c === RBRACE) this.close();
    else if (c === LBRACKET) this.descend();
    else if (c === QUOTE) this.inString = true;
  }

  private inObject(f: ScanFrame, c: number, i: number): void {
    const key = f.pendingKey;
    f.pendingKey = 0;
    if (c === COMMA) f.expectKey = true;
    else if (c === COLON) f.pendingKey = key;
    else if (c === QUOTE) {
      if (f.expectKey) {
        f.expectKey = false;
        this.inKey = true;
        this.keyCode = 0;
      } else this.inString = true;
    } else if (c === LBRACKET) {
      if (key === 0 || !this.enterKeyedArray(f, key, i)) this.descend();
    } else if (c === LBRACE) this.descend();
    else if (c === RBRACE || c === RBRACKET) {
      this.close();
      if (f.kind === CANDIDATE) this.completeCapture(i + 1);
    }
  }

  /** An array under a key the scanner acts on: records of a wrapper, or a table's columns or rows. */
  private enterKeyedArray(f: ScanFrame, key: number, i: number): boolean {
    if (f.kind === TABLE) {
      if (key === KEY_COLUMNS) {
        this.startCapture(CAPTURE_COLUMNS, i, 0);
        this.descend();
        return true;
      }
      if (key !== KEY_ROWS) return false;
      this.open(RECORDS, i, false, f);
      return true;
    }
    const wrapperKey = wrapperKeyName(key);
    if (wrapperKey === null) return false;
    if (f.kind === CANDIDATE) {
      // Not a record after all: its ordinal goes to the first record inside it.
      this.capture = null;
      this.depthLimit = Infinity;
      this.recordNo--;
      f.kind = WRAPPER;
    }
    this.events.wrapper(wrapperKey);
    this.open(key === KEY_TABLES ? TABLES : RECORDS, i, false, null);
    return true;
  }

  private startCapture(purpose: CapturePurpose, i: number, recordNo: number): void {
    const abs = this.base + i;
    this.capture = new RecordCapture(purpose, recordNo, abs, this.depth, i, this.maxUnits);
    this.depthLimit = this.depth + this.limits.maxDepth;
  }

  private completeCapture(end: number): void {
    const cap = this.capture!;
    this.capture = null;
    this.depthLimit = Infinity;
    if (cap.purpose === CAPTURE_SKIP) return;
    const units = cap.finish(this.chunk, end);
    const offset = this.offset(cap.start);
    if (units === null) {
      const why = cap.tooDeep
        ? `nested deeper than ${this.limits.maxDepth} levels; rejected without parsing it`
        : `larger than the ${this.limits.maxRecordBytes}-byte limit for one record; skipped`;
      if (cap.purpose !== CAPTURE_COLUMNS) this.events.skipped(this.recordError(cap, why));
      else this.events.problem({ message: `byte ${offset}: a table's column list is ${why}`, offset });
    } else if (cap.purpose === CAPTURE_COLUMNS) {
      this.top!.columns = this.events.columns(units, offset);
    } else {
      this.events.record(units, cap.recordNo, offset, cap.purpose === CAPTURE_ROW ? this.top!.rowsOf : null);
    }
  }

  private markTooDeep(): void {
    this.capture?.markTooDeep();
    this.depthLimit = Infinity;
  }

  /** Opens a container one level down that needs no watching. */
  private descend(): void {
    if (++this.depth > this.depthLimit) this.markTooDeep();
  }

  private open(kind: FrameKind, i: number, allowWrappers: boolean, rowsOf: ScanFrame | null): void {
    this.descend();
    const f = new ScanFrame(kind, this.depth, this.base + i, allowWrappers, rowsOf);
    this.frames.push(f);
    this.top = f;
    this.watchDepth = this.depth;
  }

  private close(): void {
    this.depth--;
    this.frames.pop();
    this.top = this.frames.length ? this.frames[this.frames.length - 1]! : null;
    this.watchDepth = this.top ? this.top.depth : 0;
    if (this.depth === 0) {
      this.topLevelValues++;
      if (!this.valueSpansLines) this.lineMode = true;
      this.valueSpansLines = false;
    }
  }

  /**
   * A raw line break inside a top-level value. Normal in pretty-printed JSON; but in JSON lines, or
   * inside a string (where JSON forbids it), or in a record already rejected as too deep, the line is
   * broken, and the next line is the best place to pick up again.
   */
  private newline(i: number): void {
    if (this.depth === 0 && !this.inString && !this.inKey) return;
    const broken = this.inString || this.inKey || this.capture?.tooDeep === true;
    if (this.lineMode || (broken && !this.valueSpansLines)) this.resyncAfterLine(i);
    else this.valueSpansLines = true;
  }

  private resyncAfterLine(i: number): void {
    const cap = this.capture;
    if (cap && cap.purpose !== CAPTURE_SKIP && cap.purpose !== CAPTURE_COLUMNS) {
      const why = cap.tooDeep
        ? `nested deeper than ${this.limits.maxDepth} levels; rejected without parsing it, skipped to the next line`
        : 'the line ends before the record does (a cut or broken line); skipped';
      this.events.skipped(this.recordError(cap, why));
    } else if (cap?.purpose !== CAPTURE_SKIP) {
      const outer = this.frames[0]!;
      const offset = this.offset(this.base + i);
      this.events.problem({
        message: `byte ${offset}: the line ends inside the ${outer.describe()} that starts at byte ${this.offset(outer.openedAt)}; reading goes on with the next line`,
        offset,
      });
    }
    this.depth = 0;
    this.frames = [];
    this.top = null;
    this.watchDepth = 0;
    this.inString = this.inKey = this.escaped = this.inScalar = false;
    this.capture = null;
    this.depthLimit = Infinity;
    this.valueSpansLines = false;
  }
}
