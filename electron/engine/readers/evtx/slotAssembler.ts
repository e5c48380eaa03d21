// The file header and then the 64 KiB chunk slots of an .evtx byte stream, for the reader and for the
// record counter that numbers slices, whatever sizes the buffers come in.
import { CHUNK_BYTES, FILE_HEADER_BYTES } from './evtxLayout.js';

/**
 * Cuts the byte stream into the file header and then 64 KiB chunk slots, whatever sizes the source's
 * buffers have. A slot that lies inside one buffer is a view of it, read before the source reads again;
 * a slot across buffers is copied together, and the part of a slot a buffer ends in is copied out before
 * the source reuses that buffer (see Reader).
 */
export class SlotAssembler {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** How many of `pending` (from the front) are this assembler's own copies. */
  private owned = 0;
  private offset: number;

  constructor(startOffset: number) {
    this.offset = startOffset;
  }

  push(buffer: Buffer): void {
    if (buffer.length === 0) return;
    this.pending.push(buffer);
    this.pendingBytes += buffer.length;
  }

  keepRest(): void {
    for (let i = this.owned; i < this.pending.length; i++) this.pending[i] = Buffer.from(this.pending[i]!);
    this.owned = this.pending.length;
  }

  /** The next whole slot, or (when `final`) what is left of one; null when more bytes are needed. */
  take(final: boolean): { bytes: Buffer; offset: number } | null {
    const size = this.offset === 0 ? FILE_HEADER_BYTES : CHUNK_BYTES;
    if (this.pendingBytes < size && !(final && this.pendingBytes > 0)) return null;
    const n = Math.min(size, this.pendingBytes);
    let bytes: Buffer;
    const first = this.pending[0]!;
    if (first.length >= n) {
      bytes = first.subarray(0, n);
      this.consume(n);
    } else {
      bytes = Buffer.allocUnsafe(n);
      for (let filled = 0; filled < n;) {
        const piece = this.pending[0]!;
        const k = Math.min(piece.length, n - filled);
        piece.copy(bytes, filled, 0, k);
        filled += k;
        this.consume(k);
      }
    }
    const slot = { bytes, offset: this.offset };
    this.offset += n;
    return slot;
  }

  /** Drops the first `n` bytes, all from the first buffer. */
  private consume(n: number): void {
    const first = this.pending[0]!;
    this.pendingBytes -= n;
    if (n < first.length) {
      this.pending[0] = first.subarray(n);
      return;
    }
    this.pending.shift();
    if (this.owned > 0) this.owned--;
  }
}
