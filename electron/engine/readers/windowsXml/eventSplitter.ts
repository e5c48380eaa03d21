// Cuts the byte stream into `<Event>…</Event>` slices without decoding it. Everything else (declarations,
// the `<Events>` root, evtx_dump's "Record N" lines, whitespace) is handed on as the markup between events.
// Memory stays bounded by the largest accepted event: an event that outgrows the limit is dropped while
// it streams past, never assembled.
import { ByteWindow } from './byteWindow.js';
import { asciiAt, encodeAscii, isAligned, type EncodingInfo } from './textEncoding.js';

export interface SplitterSink {
  /** Markup between events, in file order; one stretch may arrive in several pieces. */
  between(bytes: Buffer, offset: number): void;
  /** One complete event, from `<Event` to the end of `</Event>`. The view is only valid during the call. */
  event(bytes: Buffer, offset: number): void;
  /** An event grew past the size limit; it is being skipped up to its `</Event>`. */
  oversized(offset: number): void;
  /** The input ended inside an event. */
  incomplete(offset: number): void;
}

type Found = { at: number; end: number } | { needMoreAt: number } | null;

const GT = 0x3e;
const SLASH = 0x2f;
// Windows never writes whitespace inside `</Event>`; XML allows it, but an unbounded run would let a
// hostile file hold the window open, so only this much is looked at.
const MAX_END_TAG_SPACE = 64;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The text that opens an event, when `opensEvent` says the character after it allows. */
export const EVENT_OPEN = '<Event';

/**
 * True when the `<Event` at `at` in `bytes` (whose first byte is at `fileOffset` in the file) opens an
 * event: aligned, and followed by whitespace, `>` or `/`, so not `<Events>` or `<EventData>`. False too
 * when the character after it is not in `bytes`. The one rule for an event start: the splitter's, the
 * record parser's and the slice counter's must agree, or records are numbered differently.
 */
export function opensEvent(bytes: Buffer, at: number, fileOffset: number, info: EncodingInfo): boolean {
  if (!isAligned(fileOffset + at, info)) return false;
  const c = asciiAt(bytes, at + EVENT_OPEN.length * info.unit, info);
  return isSpace(c) || c === GT || c === SLASH;
}

export class EventSplitter {
  private readonly window: ByteWindow;
  private readonly openTag: Buffer;
  private readonly closeTag: Buffer;
  private mode: 'between' | 'inside' | 'skipping' = 'between';
  private eventStart: number;
  private scanFrom: number;

  /** `startOffset`: file offset of the first byte pushed; every offset handed on is a file offset. */
  constructor(
    private readonly info: EncodingInfo,
    private readonly maxRecordBytes: number,
    private readonly sink: SplitterSink,
    startOffset = 0,
  ) {
    this.window = new ByteWindow(startOffset);
    this.eventStart = this.scanFrom = startOffset;
    this.openTag = encodeAscii(EVENT_OPEN, info);
    this.closeTag = encodeAscii('</Event', info);
  }

  push(chunk: Buffer): void {
    this.window.append(chunk);
    this.drain(false);
  }

  finish(): void {
    this.drain(true);
  }

  private drain(final: boolean): void {
    const w = this.window;
    for (;;) {
      if (this.mode === 'between') {
        const found = this.findEventStart(this.scanFrom);
        if (found !== null && 'at' in found) {
          if (found.at > w.start) this.sink.between(w.slice(w.start, found.at), w.start);
          w.consumeTo(found.at);
          this.mode = 'inside';
          this.eventStart = found.at;
          this.scanFrom = found.end;
          continue;
        }
        // Keep back only what could be the first bytes of an `<Event` cut by the chunk boundary.
        const keepFrom = final
          ? w.limit
          : (found?.needMoreAt ?? Math.max(w.start, w.limit - this.openTag.length + 1));
        if (keepFrom > w.start) this.sink.between(w.slice(w.start, keepFrom), w.start);
        w.consumeTo(keepFrom);
        this.scanFrom = keepFrom;
        return;
      }

      const found = this.findEventEnd(this.scanFrom);
      if (found !== null && 'at' in found) {
        if (this.mode === 'inside') {
          if (found.end - this.eventStart > this.maxRecordBytes) this.sink.oversized(this.eventStart);
          else this.sink.event(w.slice(this.eventStart, found.end), this.eventStart);
        }
        w.consumeTo(found.end);
        this.mode = 'between';
        this.scanFrom = found.end;
        continue;
      }
      const resumeAt = found?.needMoreAt ?? Math.max(w.start, w.limit - this.closeTag.length + 1);
      if (this.mode === 'inside' && w.limit - this.eventStart > this.maxRecordBytes) {
        this.sink.oversized(this.eventStart);
        this.mode = 'skipping';
      }
      if (final) {
        if (this.mode === 'inside') this.sink.incomplete(this.eventStart);
        w.consumeTo(w.limit);
        return;
      }
      if (this.mode === 'skipping') w.consumeTo(resumeAt);
      this.scanFrom = Math.max(resumeAt, this.mode === 'inside' ? this.eventStart + 1 : 0);
      return;
    }
  }

  /** The next `<Event` that opens an event (see opensEvent). */
  private findEventStart(from: number): Found {
    const w = this.window;
    const { unit } = this.info;
    for (let at = w.indexOf(this.openTag, from); at >= 0; at = w.indexOf(this.openTag, at + 1)) {
      if (!isAligned(at, this.info)) continue;
      const next = at + this.openTag.length;
      if (next + unit > w.limit) return { needMoreAt: at };
      if (opensEvent(w.view(), at - w.start, w.start, this.info)) return { at, end: next };
    }
    return null;
  }

  /** A `</Event` followed by optional whitespace and `>`; `end` is just past the `>`. */
  private findEventEnd(from: number): Found {
    const w = this.window;
    const { unit } = this.info;
    for (let at = w.indexOf(this.closeTag, from); at >= 0; at = w.indexOf(this.closeTag, at + 1)) {
      if (!isAligned(at, this.info)) continue;
      let p = at + this.closeTag.length;
      for (let spaces = 0; ; spaces++, p += unit) {
        if (p + unit > w.limit) return { needMoreAt: at };
        const c = asciiAt(w.view(), p - w.start, this.info);
        if (c === GT) return { at, end: p + unit };
        if (!isSpace(c) || spaces >= MAX_END_TAG_SPACE) break;
      }
    }
    return null;
  }
}

/**
 * Where a second event starts inside a slice that failed to parse (relative to the slice), or -1. The
 * splitter cuts at the first `</Event>`, so an event cut short in the file swallows the next one; this
 * finds the next one so that only the damaged event is lost. `fileOffset` keeps UTF-16 alignment right.
 */
export function findNextEventStart(bytes: Buffer, fileOffset: number, info: EncodingInfo): number {
  return findEventStart(bytes, 1, fileOffset, info);
}

/**
 * The first `<Event` at or after `from` that opens an event (followed by whitespace, `>` or `/`, so not
 * `<Events>` or `<EventData>`), relative to `bytes`, or -1. `fileOffset` is the file offset of `bytes[0]`.
 */
export function findEventStart(bytes: Buffer, from: number, fileOffset: number, info: EncodingInfo): number {
  const needle = encodeAscii(EVENT_OPEN, info);
  for (let at = bytes.indexOf(needle, from); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    if (opensEvent(bytes, at, fileOffset, info)) return at;
  }
  return -1;
}
