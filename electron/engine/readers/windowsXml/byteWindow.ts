// The unconsumed tail of the input, addressed by absolute file offsets. It grows geometrically so that a
// large event arriving in many small chunks costs linear copying, not quadratic, and it is emptied as
// events are handed on, so it never holds more than the event being assembled plus one chunk.

const EMPTY = Buffer.alloc(0);
const MIN_CAPACITY = 64 * 1024;
/** Larger buffers (after a large event) are given back rather than kept for reuse. */
const MAX_SPARE = 4 * 1024 * 1024;

export class ByteWindow {
  private buf: Buffer = EMPTY;
  private begin = 0;
  private end = 0;
  /**
   * Chunks handed in are adopted without copying while nothing is pending, and must then never be
   * written into: the source may still own them. Only a buffer allocated here is writable.
   */
  private owned = false;
  /** A buffer of our own not in use right now, kept for the next time one is needed. */
  private spare: Buffer | null = null;
  /** The unconsumed bytes as one view, rebuilt only after a change (searches happen many times per chunk). */
  private cached: Buffer | null = null;
  /** Absolute file offset of the first unconsumed byte. */
  private base: number;

  /** `startOffset`: file offset of the first byte appended (not 0 for a later slice of a file). */
  constructor(startOffset = 0) {
    this.base = startOffset;
  }

  get start(): number {
    return this.base;
  }

  /** Absolute offset just past the last byte received. */
  get limit(): number {
    return this.base + (this.end - this.begin);
  }

  append(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.cached = null;
    const live = this.end - this.begin;
    if (live === 0) {
      // Nothing pending: use the chunk as it is, the common case between events.
      if (this.owned) this.spare = this.buf;
      this.buf = chunk;
      this.begin = 0;
      this.end = chunk.length;
      this.owned = false;
      return;
    }
    if (!this.owned || this.end + chunk.length > this.buf.length) {
      const needed = live + chunk.length;
      // Reusing one buffer keeps a long run of chunks (an oversized event streaming past, or a few bytes
      // of a split event carried into every next chunk) from turning into a chunk-sized garbage each time.
      const target =
        this.owned && this.buf.length >= needed
          ? this.buf
          : this.spare !== null && this.spare.length >= needed
            ? this.spare
            : Buffer.allocUnsafe(Math.max(2 * needed, MIN_CAPACITY));
      this.buf.copy(target, 0, this.begin, this.end);
      if (target !== this.buf && this.owned) this.spare = this.buf;
      if (target === this.spare) this.spare = null;
      this.buf = target;
      this.begin = 0;
      this.end = live;
      this.owned = true;
    }
    chunk.copy(this.buf, this.end);
    this.end += chunk.length;
    if (this.spare !== null && this.spare.length > MAX_SPARE) this.spare = null;
  }

  /** Drops everything before an absolute offset. */
  consumeTo(offset: number): void {
    const n = Math.min(Math.max(offset - this.base, 0), this.end - this.begin);
    if (n === 0) return;
    this.cached = null;
    this.begin += n;
    this.base += n;
    if (this.begin === this.end) {
      if (this.owned && this.buf.length <= MAX_SPARE) this.spare = this.buf;
      this.buf = EMPTY;
      this.begin = this.end = 0;
      this.owned = false;
    }
  }

  /** Absolute offset of the next match at or after `from`, or -1. */
  indexOf(needle: Buffer, from: number): number {
    const at = Math.max(from, this.base) - this.base + this.begin;
    if (at >= this.end) return -1;
    const found = this.view().indexOf(needle, at - this.begin);
    return found < 0 ? -1 : found + this.base;
  }

  /** A view (no copy) of absolute [from, to): valid only until the next append or consume. */
  slice(from: number, to: number): Buffer {
    return this.buf.subarray(this.begin + from - this.base, this.begin + to - this.base);
  }

  /** Everything unconsumed, as a view. */
  view(): Buffer {
    return (this.cached ??= this.buf.subarray(this.begin, this.end));
  }
}
