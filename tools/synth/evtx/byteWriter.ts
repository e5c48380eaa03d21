// A growable little-endian byte buffer for building one record at a time. `base` is the chunk offset its
// first byte will land at, because every name and template reference inside BinXML is chunk-relative.

export class ByteWriter {
  private buf: Buffer;
  pos = 0;
  base = 0;

  constructor(capacity = 1 << 16) {
    this.buf = Buffer.alloc(capacity);
  }

  /** Starts over for a record that will be placed at chunk offset `base`. */
  reset(base: number): void {
    this.pos = 0;
    this.base = base;
  }

  /** The chunk offset of the next byte written. */
  get chunkOffset(): number {
    return this.base + this.pos;
  }

  get bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  u8(v: number): void {
    this.ensure(1);
    this.pos = this.buf.writeUInt8(v, this.pos);
  }

  u16(v: number): void {
    this.ensure(2);
    this.pos = this.buf.writeUInt16LE(v, this.pos);
  }

  u32(v: number): void {
    this.ensure(4);
    this.pos = this.buf.writeUInt32LE(v, this.pos);
  }

  u64(v: bigint): void {
    this.ensure(8);
    this.pos = this.buf.writeBigUInt64LE(v, this.pos);
  }

  raw(bytes: Uint8Array | readonly number[]): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** UTF-16LE code units without a terminator; returns the byte count. */
  utf16(text: string): number {
    this.ensure(text.length * 2);
    const n = this.buf.write(text, this.pos, 'utf16le');
    this.pos += n;
    return n;
  }

  zeros(n: number): void {
    this.ensure(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
  }

  patchU8(at: number, v: number): void {
    this.buf.writeUInt8(v, at);
  }

  patchU16(at: number, v: number): void {
    this.buf.writeUInt16LE(v, at);
  }

  patchU32(at: number, v: number): void {
    this.buf.writeUInt32LE(v, at);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.alloc(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }
}
