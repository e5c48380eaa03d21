// Collects one value's units while the scanner walks it, across chunk boundaries, within a size limit.
// A value that fits in one chunk is handed on as a view of that chunk (no copy); only the pieces of a
// value that spans chunks are copied, and they are dropped as soon as the value is over the limit.
import { concatUnits, copyUnits, type CodeUnits } from './codeUnits.js';

/** An object record (or an element of the top-level array). */
export const CAPTURE_RECORD = 1;
/** An object that may still turn out to be a wrapper (see CANDIDATE frames). */
export const CAPTURE_CANDIDATE = 2;
/** A query-API table row. */
export const CAPTURE_ROW = 3;
/** A query-API table's "columns" array. */
export const CAPTURE_COLUMNS = 4;
/** A value already reported as not being a record: walked to its end, never kept. */
export const CAPTURE_SKIP = 5;

export type CapturePurpose =
  | typeof CAPTURE_RECORD
  | typeof CAPTURE_CANDIDATE
  | typeof CAPTURE_ROW
  | typeof CAPTURE_COLUMNS
  | typeof CAPTURE_SKIP;

export class RecordCapture {
  private parts: CodeUnits[] = [];
  private partUnits = 0;
  /** Index in the current chunk where the not-yet-kept units of this value begin. */
  from: number;
  /** Over the size limit: walked to its end but not kept. */
  oversize = false;
  /** Nested deeper than allowed: walked to its end but not kept, and never parsed. */
  tooDeep = false;

  constructor(
    readonly purpose: CapturePurpose,
    /** 1-based record ordinal; 0 for a table's columns. */
    readonly recordNo: number,
    /** Unit index of the value's first unit. */
    readonly start: number,
    /** Nesting depth outside the value. */
    readonly baseDepth: number,
    indexInChunk: number,
    private readonly maxUnits: number,
  ) {
    this.from = indexInChunk;
  }

  private get keeping(): boolean {
    return !this.oversize && !this.tooDeep && this.purpose !== CAPTURE_SKIP;
  }

  /** The chunk is about to be left: copies this value's part of it. */
  keepChunkTail(chunk: CodeUnits): void {
    if (this.keeping && this.from < chunk.length) {
      this.partUnits += chunk.length - this.from;
      if (this.partUnits > this.maxUnits) this.markOversize();
      else this.parts.push(copyUnits(chunk.subarray(this.from)));
    }
    this.from = 0;
  }

  markTooDeep(): void {
    this.tooDeep = true;
    this.parts = [];
  }

  private markOversize(): void {
    this.oversize = true;
    this.parts = [];
  }

  /** The value ended just before `end` in the current chunk: its units, or null when not kept. */
  finish(chunk: CodeUnits, end: number): CodeUnits | null {
    if (!this.keeping) return null;
    const tail = chunk.subarray(this.from, end);
    const total = this.partUnits + tail.length;
    if (total > this.maxUnits) {
      this.markOversize();
      return null;
    }
    if (this.parts.length === 0) return tail;
    this.parts.push(tail);
    const whole = concatUnits(this.parts, total);
    this.parts = [];
    return whole;
  }
}
