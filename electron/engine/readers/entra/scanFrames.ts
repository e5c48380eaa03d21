// The containers the record scanner keeps track of. Only the few levels around records matter (the
// file's top-level array, a {"value":[...]} or {"records":[...]} wrapper, a query-API table); everything
// deeper is one counter, so a hostile file can nest as deep as it likes without costing memory.

/** An array whose elements are records (or table rows). */
export const RECORDS = 1;
/** An object that is a record unless one of its keys turns out to hold the records. */
export const CANDIDATE = 2;
/** An object known to wrap records: its other members are skipped. */
export const WRAPPER = 3;
/** The query API's "tables" array. */
export const TABLES = 4;
/** One query-API table: {"name":..,"columns":[..],"rows":[[..]]}. */
export const TABLE = 5;

export type FrameKind = typeof RECORDS | typeof CANDIDATE | typeof WRAPPER | typeof TABLES | typeof TABLE;

/** What a table row needs to become a record; shared between the scanner and the record handler. */
export interface TableColumns {
  /** Column names once the table's "columns" member has been read; null before (or when unreadable). */
  columns: string[] | null;
  /** Set once the record handler has reported rows it could not map, so it reports that only once. */
  rowsWithoutColumnsReported: boolean;
}

export class ScanFrame implements TableColumns {
  /** True between '{' or ',' and the next key of an object frame. */
  expectKey = true;
  /** Code of the key whose value comes next (see keyCode), 0 when it is not one the scanner acts on. */
  pendingKey = 0;
  columns: string[] | null = null;
  rowsWithoutColumnsReported = false;

  constructor(
    public kind: FrameKind,
    /** Nesting depth just inside this container's opening bracket. */
    readonly depth: number,
    /** Unit index of the opening bracket. */
    readonly openedAt: number,
    /** Objects in this array may be wrappers themselves (a file that is an array of Graph pages). */
    readonly allowWrappers: boolean,
    /** For the rows array of a query-API table: the table. */
    readonly rowsOf: ScanFrame | null,
  ) {}

  describe(): string {
    switch (this.kind) {
      case RECORDS:
        return this.rowsOf ? 'table rows array' : 'array';
      case CANDIDATE:
        return 'record';
      case WRAPPER:
        return 'wrapper object';
      case TABLES:
        return 'tables array';
      case TABLE:
        return 'table';
    }
  }
}

/**
 * Folds a short ASCII key into a number while the scanner walks it, so keys are matched without
 * building strings: 5 bits a letter, case-insensitive; anything but letters, or over 8 letters, gives -1.
 */
export function foldKeyChar(code: number, c: number): number {
  const lower = c | 0x20;
  if (code < 0 || lower < 0x61 || lower > 0x7a || code >= 2 ** 35) return -1;
  return code * 32 + (lower - 0x60);
}

export function keyCode(name: string): number {
  let code = 0;
  for (let i = 0; i < name.length; i++) code = foldKeyChar(code, name.charCodeAt(i));
  return code;
}

export const KEY_VALUE = keyCode('value');
export const KEY_RECORDS = keyCode('records');
export const KEY_TABLES = keyCode('tables');
export const KEY_COLUMNS = keyCode('columns');
export const KEY_ROWS = keyCode('rows');

export type WrapperKey = 'value' | 'records' | 'tables';

export function wrapperKeyName(code: number): WrapperKey | null {
  if (code === KEY_VALUE) return 'value';
  if (code === KEY_RECORDS) return 'records';
  if (code === KEY_TABLES) return 'tables';
  return null;
}

/**
 * Says what a value that should have been a record object starts like, for error messages. Letters
 * are read as JSON literals only inside an array: at the top level they are more likely stray text.
 */
export function describeValueStart(c: number, inArray: boolean): string {
  if (c === 0x5b) return 'an array';
  if (c === 0x22) return 'a string';
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return 'a number';
  if (inArray && (c === 0x74 || c === 0x66)) return 'a boolean';
  if (inArray && c === 0x6e) return 'null';
  if (c >= 0x21 && c <= 0x7e) return `text starting with '${String.fromCharCode(c)}'`;
  return `a byte 0x${c.toString(16).padStart(2, '0')}`;
}
