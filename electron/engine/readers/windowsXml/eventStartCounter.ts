// Counts event starts (`<Event` then whitespace, `>` or `/`: the splitter's opensEvent) while a whole
// file streams past, and says how many lie before each slice cut. A later slice of a file is loaded
// under this count as its first record number, before the slices ahead of it have finished: in a file
// the reader takes whole, every record it numbers begins at an event start, so the count is its record
// count; on a damaged file it can only be higher (a start inside a comment, CDATA or an oversized event
// counts here and not there), never lower, and the importer renumbers when it differs.
import { EVENT_OPEN, opensEvent } from './eventSplitter.js';
import { encodeAscii, type EncodingInfo } from './textEncoding.js';

export class EventStartCounter {
  private readonly needle: Buffer;
  /** Bytes a start needs to be recognised: the needle and the unit after it. */
  private readonly span: number;
  private tail: Buffer = Buffer.alloc(0);
  /** The tail and the next chunk, joined: kept from chunk to chunk rather than allocated for each. */
  private joined: Buffer = Buffer.alloc(0);
  private tailOffset = 0;
  private count = 0;
  private nextCut = 0;
  /** Event starts before each cut, filled in as the stream passes it. */
  readonly before: number[] = [];

  /** `cuts`: sorted file offsets. */
  constructor(
    private readonly info: EncodingInfo,
    private readonly cuts: readonly number[],
  ) {
    this.needle = encodeAscii(EVENT_OPEN, info);
    this.span = this.needle.length + info.unit;
  }

  /** The next bytes of the file, in order from offset 0. */
  push(chunk: Buffer): void {
    const buf = this.tail.length ? this.join(chunk) : chunk;
    const base = this.tailOffset;
    // A start whose delimiter is not in `buf` yet is left for the next chunk, with the bytes it needs.
    const decidable = buf.length - this.span + 1;
    for (
      let at = buf.indexOf(this.needle);
      at >= 0 && at < decidable;
      at = buf.indexOf(this.needle, at + 1)
    ) {
      if (!opensEvent(buf, at, base, this.info)) continue;
      this.passCutsBefore(base + at);
      this.count++;
    }
    const keep = Math.max(0, Math.min(buf.length, buf.length - decidable));
    this.tail = Buffer.from(buf.subarray(buf.length - keep));
    this.tailOffset = base + buf.length - keep;
  }

  private join(chunk: Buffer): Buffer {
    const length = this.tail.length + chunk.length;
    if (this.joined.length < length) this.joined = Buffer.allocUnsafe(length);
    this.tail.copy(this.joined, 0);
    chunk.copy(this.joined, this.tail.length);
    return this.joined.subarray(0, length);
  }

  /** The end of the file: every cut not passed yet lies after the last start. */
  finish(): void {
    this.passCutsBefore(Number.POSITIVE_INFINITY);
  }

  private passCutsBefore(offset: number): void {
    while (this.nextCut < this.cuts.length && this.cuts[this.nextCut]! <= offset) {
      this.before.push(this.count);
      this.nextCut++;
    }
  }
}
