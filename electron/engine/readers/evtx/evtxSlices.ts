// A big .evtx is read by several workers at once: its 64 KiB chunks are independent once the file header
// is read, so slices are runs of whole chunks. The importer numbers a later slice's records from the
// records before it, counted here while the file is hashed: every record the reader numbers starts with
// the record signature inside its chunk's used part, so counting those signatures gives its count on a
// sound file and more, never fewer, on a damaged one (the importer renumbers then, as for XML).
import {
  CHUNK_BYTES,
  CHUNK_HEADER_BYTES,
  FILE_HEADER_BYTES,
  RECORD_HEADER_BYTES,
  isAllZero,
} from './evtxLayout.js';
import { SlotAssembler } from './slotAssembler.js';

const SIGNATURE = Buffer.from([0x2a, 0x2a, 0, 0]);

/** Slice starts (the first at 0, the others on chunk boundaries), `parts` at most, each of `minBytes` or more. */
export function planEvtxSlices(size: number, parts: number, minBytes: number): number[] {
  const chunks = Math.ceil(Math.max(0, size - FILE_HEADER_BYTES) / CHUNK_BYTES);
  const count = Math.max(1, Math.min(parts, Math.floor(size / Math.max(minBytes, CHUNK_BYTES))));
  const starts = [0];
  for (let k = 1; k < count; k++)
    starts.push(FILE_HEADER_BYTES + Math.round((chunks * k) / count) * CHUNK_BYTES);
  return [...new Set(starts)].filter((s) => s < size);
}

/** Counts the record signatures before each cut as the file streams past (the same interface as the XML counter). */
export class EvtxRecordCounter {
  private readonly slots = new SlotAssembler(0);
  private count = 0;
  private nextCut = 0;
  readonly before: number[] = [];

  constructor(private readonly cuts: readonly number[]) {}

  push(buffer: Buffer): void {
    this.slots.push(buffer);
    this.readSlots(false);
    this.slots.keepRest();
  }

  finish(): void {
    this.readSlots(true);
    this.passCutsBefore(Number.POSITIVE_INFINITY);
  }

  private readSlots(final: boolean): void {
    for (let slot = this.slots.take(final); slot !== null; slot = this.slots.take(final))
      this.slot(slot.bytes, slot.offset);
  }

  private slot(bytes: Buffer, start: number): void {
    this.passCutsBefore(start);
    if (start === 0 || bytes.length < CHUNK_HEADER_BYTES || isAllZero(bytes)) return;
    // Where the reader stops in this chunk (see readChunkRecords): its free space, when that says sense.
    const free = bytes.readUInt32LE(48);
    const end = free > CHUNK_HEADER_BYTES && free <= bytes.length ? free : bytes.length;
    for (let at = bytes.indexOf(SIGNATURE, CHUNK_HEADER_BYTES); at >= 0 && at + RECORD_HEADER_BYTES <= end;) {
      this.count++;
      at = bytes.indexOf(SIGNATURE, at + 1);
    }
  }

  private passCutsBefore(offset: number): void {
    while (this.nextCut < this.cuts.length && this.cuts[this.nextCut]! <= offset) {
      this.before.push(this.count);
      this.nextCut++;
    }
  }
}
