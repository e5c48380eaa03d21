// Finds record boundaries in a stream of JSON without parsing it, so a file never has to fit in memory
// and a record reaches JSON.parse only once it is known to be complete, small enough and shallow
// enough (V8's JSON.parse can exhaust the stack on deep nesting; DuckDB's read_json crashes on it).
//
// Layouts: a top-level array of records; an object wrapping them ({"value":[..]} Graph pages,
// {"records":[..]} diagnostic output, {"tables":[{"columns":..,"rows":..}]} query-API results); and
// any number of such values one after another (JSON lines), where a broken line costs that line only.
import type { ReadError } from '../../rowContract.js';
import type { CodeUnits } from './codeUnits.js';
import { JsonStreamWalker, type ScanLimits } from './jsonStreamWalker.js';
import * as capture from './recordCapture.js';
import * as frame from './scanFrames.js';
import type { RecordCapture } from './recordCapture.js';
import type { ScanFrame, TableColumns, WrapperKey } from './scanFrames.js';

const { CAPTURE_CANDIDATE, CAPTURE_COLUMNS, CAPTURE_RECORD, CAPTURE_ROW, CAPTURE_SKIP } = capture;
const { CANDIDATE, RECORDS, TABLE, TABLES, WRAPPER, KEY_COLUMNS, KEY_ROWS, KEY_TABLES } = frame;
const { describeValueStart, wrapperKeyName } = frame;

export type { ScanLimits } from './jsonStreamWalker.js';

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

const [TAB, LF, CR, SPACE, QUOTE, COMMA, COLON] = [0x09, 0x0a, 0x0d, 0x20, 0x22, 0x2c, 0x3a];
const [LBRACKET, RBRACKET, LBRACE, RBRACE] = [0x5b, 0x5d, 0x7b, 0x7d];

export class JsonRecordScanner extends JsonStreamWalker {
  private recordNo = 0;
  /** Inside a number or literal that stands where a record should be (already reported). */
  private inScalar = false;

  constructor(
    private readonly events: ScanEvents,
    limits: ScanLimits,
  ) {
    super(limits);
  }

  /** The source is exhausted: reports whatever was left open (a cut-short file) as one error. */
  finish(): void {
    const cap = this.capture;
    if (this.skipLine || cap?.purpose === CAPTURE_SKIP) return;
    if (cap && cap.purpose !== CAPTURE_COLUMNS) {
      const why = cap.tooDeep
        ? `nested deeper than ${this.limits.maxDepth} levels, and the file ends inside it`
        : 'the file ends inside this record (is the file cut short?)';
      this.events.skipped(this.recordError(cap, why));
    } else if (this.depth > 0 || this.inKey) {
      const end = this.offset(this.base);
      this.events.problem({
        message: `the file ends before ${this.outermost()} is closed (is the file cut short?)`,
        offset: end,
      });
    }
  }

  protected structural(c: number, i: number): void {
    if (c === SPACE || c === TAB || c === CR || c === LF) {
      this.inScalar = false;
      if (c === LF) this.newline(i);
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
      this.notARecord(c, i, false, ' where a JSON object should start; skipped to the end of the line');
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
      const recordNo = this.notARecord(c, i, true, ', not a JSON object; skipped');
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
        this.startKey();
      } else this.inString = true;
    } else if (c === LBRACKET) {
      if (key === 0 || !this.enterKeyedArray(f, key, i)) this.descend();
    } else if (c === LBRACE) this.descend();
    else if (c === RBRACE || c === RBRACKET) {
      this.close();
      if (f.kind === CANDIDATE) this.captureClosed(i + 1);
    }
  }

  /** An array under a key that matters: the records of a wrapper, or a table's columns or rows. */
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
      this.endCapture();
      this.recordNo--;
      f.kind = WRAPPER;
    }
    this.events.wrapper(wrapperKey);
    this.open(key === KEY_TABLES ? TABLES : RECORDS, i, false, null);
    return true;
  }

  protected captureClosed(end: number): void {
    const cap = this.endCapture();
    if (cap.purpose === CAPTURE_SKIP) return;
    const units = cap.finish(this.chunk, end);
    const offset = this.offset(cap.start);
    if (units === null) {
      const why = cap.tooDeep
        ? `nested deeper than ${this.limits.maxDepth} levels; rejected without parsing it`
        : `larger than the ${this.limits.maxRecordBytes}-byte limit for one record; skipped`;
      if (cap.purpose !== CAPTURE_COLUMNS) this.events.skipped(this.recordError(cap, why));
      else this.events.problem({ message: `a table's column list is ${why}`, offset });
    } else if (cap.purpose === CAPTURE_COLUMNS) {
      this.top!.columns = this.events.columns(units, offset);
    } else {
      this.events.record(units, cap.recordNo, offset, cap.purpose === CAPTURE_ROW ? this.top!.rowsOf : null);
    }
  }

  protected lineAbandoned(i: number): void {
    this.inScalar = false;
    const cap = this.capture;
    if (cap?.purpose === CAPTURE_SKIP) return;
    if (cap && cap.purpose !== CAPTURE_COLUMNS) {
      const why = cap.tooDeep
        ? `nested deeper than ${this.limits.maxDepth} levels; rejected without parsing it, skipped to the next line`
        : 'the line ends before the record does (a cut or broken line); skipped';
      this.events.skipped(this.recordError(cap, why));
      return;
    }
    const offset = this.offset(this.base + i);
    this.events.problem({
      message: `the line ends inside ${this.outermost()}; reading goes on with the next line`,
      offset,
    });
  }

  /** Reports a value that stands where a record should be; returns the ordinal it was given. */
  private notARecord(c: number, i: number, inArray: boolean, why: string): number {
    const recordNo = ++this.recordNo;
    const offset = this.offset(this.base + i);
    const message = `${describeValueStart(c, inArray)}${why}`;
    this.events.skipped({ message, offset, record: recordNo });
    return recordNo;
  }

  private outermost(): string {
    const outer = this.frames[0];
    return outer
      ? `the ${outer.describe()} that starts at file offset ${this.offset(outer.openedAt)}`
      : 'a value';
  }

  private recordError(cap: RecordCapture, why: string): ReadError {
    const offset = this.offset(cap.start);
    return { message: why, offset, record: cap.recordNo };
  }
}
