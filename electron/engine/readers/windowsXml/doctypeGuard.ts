// A document type declaration is the only way to declare entities (billion laughs) or pull in external
// files (XXE). Windows never writes one, so the whole file is refused the moment one appears, before any
// parser could see it. Every byte is checked, including bytes inside events and inside skipped events.
import { asciiAt, encodeAscii, isAligned, type EncodingInfo } from './textEncoding.js';

const KEYWORD = 'doctype';

export class DoctypeGuard {
  /** `!` alone: a rare byte, so the search runs at memchr speed; the `<` before it is checked after. */
  private readonly bang: Buffer;
  /** Longest match in bytes: `<!DOCTYPE`. */
  private readonly span: number;
  /** The last bytes of the previous chunk, where a declaration cut in two could begin. */
  private tail: Buffer = Buffer.alloc(0);
  private tailOffset = 0;

  constructor(private readonly info: EncodingInfo) {
    this.bang = encodeAscii('!', info);
    this.span = (2 + KEYWORD.length) * info.unit;
  }

  /** Absolute offset of the first `<!DOCTYPE` starting in the previous tail or this chunk, or -1. */
  check(chunk: Buffer, chunkOffset: number): number {
    if (this.tail.length > 0) {
      const seam = Buffer.concat([this.tail, chunk.subarray(0, this.span - 1)]);
      const hit = this.search(seam, this.tailOffset, this.tail.length);
      if (hit >= 0) return hit;
    }
    const hit = this.search(chunk, chunkOffset, chunk.length);
    // Tiny chunks are legal input: the tail keeps its older bytes until it is full again.
    const recent = chunk.length >= this.span - 1 ? chunk : Buffer.concat([this.tail, chunk]);
    const keep = Math.min(recent.length, this.span - 1);
    this.tail = Buffer.from(recent.subarray(recent.length - keep));
    this.tailOffset = chunkOffset + chunk.length - keep;
    return hit;
  }

  /** Matches starting before `startsBefore` only, so a match straddling the seam is reported once. */
  private search(bytes: Buffer, offset: number, startsBefore: number): number {
    const { unit } = this.info;
    for (let at = bytes.indexOf(this.bang, unit); at >= 0; at = bytes.indexOf(this.bang, at + 1)) {
      const lt = at - unit;
      if (lt >= startsBefore) break;
      if (!isAligned(offset + lt, this.info) || asciiAt(bytes, lt, this.info) !== 0x3c) continue;
      if (this.keywordAt(bytes, at + unit)) return offset + lt;
    }
    return -1;
  }

  // Case-insensitive on purpose: `<!doctype` is not well-formed XML, but nothing that looks like one
  // is worth the risk of reaching a parser.
  private keywordAt(bytes: Buffer, at: number): boolean {
    for (let k = 0; k < KEYWORD.length; k++) {
      const c = asciiAt(bytes, at + k * this.info.unit, this.info);
      if (c < 0 || (c | 0x20) !== KEYWORD.charCodeAt(k)) return false;
    }
    return true;
  }
}
