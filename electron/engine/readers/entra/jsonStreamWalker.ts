// Walks a stream of JSON code units chunk by chunk, tracking only strings, escapes and nesting depth.
// Below the few container levels being watched (see scanFrames) nesting is one counter, so hostile
// depth costs nothing; at a watched level each character goes to the subclass, which decides what the
// values there are. Knows nothing of Entra layouts: that is JsonRecordScanner's part.
import type { CodeUnits } from './codeUnits.js';
import { RecordCapture, type CapturePurpose } from './recordCapture.js';
import { ScanFrame, foldKeyChar, type FrameKind } from './scanFrames.js';

export interface ScanLimits {
  maxRecordBytes: number;
  maxDepth: number;
  /** File offset of the first unit, and bytes per unit, to report byte offsets in the file. */
  origin: number;
  unitBytes: number;
}

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

// Why the nested walk stopped.
const CHUNK_END = 0;
const STRING_CLOSED = 1;
const VALUE_CLOSED = 2;
const AT_NEWLINE = 3;
const TOO_DEEP = 4;

export abstract class JsonStreamWalker {
  protected depth = 0;
  protected inString = false;
  protected escaped = false;
  protected inKey = false;
  private keyCode = 0;
  /** Ignoring everything up to the next line break (after garbage between JSON lines). */
  protected skipLine = false;
  protected frames: ScanFrame[] = [];
  /** The innermost watched container, null at the top level. */
  protected top: ScanFrame | null = null;
  private watchDepth = 0;
  /** The value whose units are being collected, if any. */
  protected capture: RecordCapture | null = null;
  private depthLimit = Infinity;
  /** Set once a whole top-level value sat on one line: from then on a line break ends any record. */
  private lineMode = false;
  private valueSpansLines = false;
  /** Unit index of the current chunk's first unit. */
  protected base = 0;
  protected chunk: CodeUnits = Buffer.alloc(0);
  private readonly maxUnits: number;
  /** Top-level values seen: more than one means JSON lines (or concatenated JSON). */
  topLevelValues = 0;

  constructor(protected readonly limits: ScanLimits) {
    this.maxUnits = Math.floor(limits.maxRecordBytes / limits.unitBytes);
  }

  /** A character outside strings at a watched level (or at the top level). */
  protected abstract structural(c: number, i: number): void;
  /** The captured value closed just before `end` in the current chunk. */
  protected abstract captureClosed(end: number): void;
  /** A broken line is about to be abandoned: report what it held. */
  protected abstract lineAbandoned(i: number): void;

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

  protected offset(unitIndex: number): number {
    return this.limits.origin + unitIndex * this.limits.unitBytes;
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
            stop = STRING_CLOSED;
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
    else if (stop === VALUE_CLOSED && this.capture?.baseDepth === depth) this.captureClosed(i + 1);
    return i + 1;
  }

  /** Walks an object key at a watched level, folding it into a code so keys match without strings. */
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

  protected startKey(): void {
    this.inKey = true;
    this.keyCode = 0;
  }

  protected startCapture(purpose: CapturePurpose, i: number, recordNo: number): void {
    this.capture = new RecordCapture(purpose, recordNo, this.base + i, this.depth, i, this.maxUnits);
    this.depthLimit = this.depth + this.limits.maxDepth;
  }

  protected endCapture(): RecordCapture {
    const cap = this.capture!;
    this.capture = null;
    this.depthLimit = Infinity;
    return cap;
  }

  private markTooDeep(): void {
    this.capture?.markTooDeep();
    this.depthLimit = Infinity;
  }

  /** Opens a container one level down that needs no watching. */
  protected descend(): void {
    if (++this.depth > this.depthLimit) this.markTooDeep();
  }

  protected open(kind: FrameKind, i: number, allowWrappers: boolean, rowsOf: ScanFrame | null): void {
    this.descend();
    const f = new ScanFrame(kind, this.depth, this.base + i, allowWrappers, rowsOf);
    this.frames.push(f);
    this.top = f;
    this.watchDepth = this.depth;
  }

  protected close(): void {
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
   * A raw line break. Normal in pretty-printed JSON; but in JSON lines, or inside a string (where JSON
   * forbids it), or in a record already rejected as too deep, it means the line is broken, and the
   * next line is the best place to pick up again.
   */
  protected newline(i: number): void {
    if (this.depth === 0 && !this.inString && !this.inKey) return;
    const broken = this.inString || this.inKey || this.capture?.tooDeep === true;
    if (!this.lineMode && !(broken && !this.valueSpansLines)) {
      this.valueSpansLines = true;
      return;
    }
    this.lineAbandoned(i);
    this.depth = 0;
    this.frames = [];
    this.top = null;
    this.watchDepth = 0;
    this.inString = this.inKey = this.escaped = false;
    this.capture = null;
    this.depthLimit = Infinity;
    this.valueSpansLines = false;
  }
}
