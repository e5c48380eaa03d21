// The records of one 64 KiB chunk, in order, each rendered and mapped to a row. Damage is expected (a
// copy from a shadow volume, a log that was being written when it was collected): a chunk whose
// checksums fail or whose magic is wrong is still read record by record, a record that does not parse
// is reported with its offset and record id and skipped, and the walk finds the next record by its
// signature, so one bad record costs only itself.
import type { ReadError, WinEventRow } from '../../rowContract.js';
import {
  CHUNK_HEADER_BYTES,
  MIN_RECORD_BYTES,
  RECORD_HEADER_BYTES,
  RECORD_MAGIC,
  isAllZero,
  readChunkHeader,
} from './evtxLayout.js';
import { chunkContext, readRecord, type ReadingState } from './recordRows.js';

const RECORD_SIGNATURE = Buffer.from([0x2a, 0x2a, 0, 0]);

export interface ChunkSink {
  /** The next record's 1-based ordinal in the file (or slice). */
  nextRecordNo(): number;
  row(row: WinEventRow): void;
  /** A record that was seen but not imported. */
  skipped(error: ReadError): void;
  /** A problem with the chunk itself: reading goes on. */
  problem(error: ReadError): void;
}

export interface ChunkPlace {
  /** 0-based number of the chunk in the file. */
  index: number;
  /** File offset of the chunk's first byte. */
  fileOffset: number;
}

/** Reads every record of `chunk` (64 KiB, or less when the file is cut short) into `sink`. */
export function readChunkRecords(
  chunk: Buffer,
  place: ChunkPlace,
  sink: ChunkSink,
  state: ReadingState,
): void {
  // Where in the file travels in each error's offset (see windowsXml/readProblems.ts), not in its words.
  const where = `chunk ${place.index + 1}`;
  if (chunk.length < CHUNK_HEADER_BYTES) {
    if (!isAllZero(chunk))
      sink.problem({
        message: `${where} is cut short at ${chunk.length} bytes; nothing in it could be read`,
        offset: place.fileOffset,
      });
    return;
  }
  if (isAllZero(chunk)) return;
  const header = readChunkHeader(chunk);
  if (!header.magicOk) {
    if (chunk.readUInt32LE(CHUNK_HEADER_BYTES) !== RECORD_MAGIC) {
      sink.problem({
        message: `${where} has no chunk signature and no records where they belong; skipped`,
        offset: place.fileOffset,
      });
      return;
    }
    sink.problem({
      message: `${where} has a damaged signature; its records are read anyway`,
      offset: place.fileOffset,
    });
  } else if (!header.headerChecksumOk) {
    sink.problem({
      message: `${where} fails its header checksum; its records are read anyway`,
      offset: place.fileOffset,
    });
  } else if (!header.dataChecksumOk) {
    sink.problem({
      message: `${where} fails its records checksum; its records are read anyway`,
      offset: place.fileOffset,
    });
  }
  if (chunk.length < 65536) {
    sink.problem({
      message: `${where} is cut short at ${chunk.length} bytes; the records in it are read`,
      offset: place.fileOffset,
    });
  }
  const ctx = chunkContext(chunk, state);
  // Records end where the chunk's free space begins; a header never updated (a dirty log) says 0 or
  // nonsense, and then records are read as long as they are there.
  const free = header.freeSpaceOffset;
  const end = free > CHUNK_HEADER_BYTES && free <= chunk.length ? free : chunk.length;
  let at = CHUNK_HEADER_BYTES;
  while (at + RECORD_HEADER_BYTES <= end) {
    if (chunk.readUInt32LE(at) !== RECORD_MAGIC) {
      if (isAllZero(chunk.subarray(at, end))) return; // the rest of the chunk is unused
      const next = chunk.indexOf(RECORD_SIGNATURE, at + 1);
      const resume = next < 0 || next >= end ? end : next;
      sink.problem({
        message: `${where}: ${resume - at} bytes that are not an event record; skipped`,
        offset: place.fileOffset + at,
      });
      at = resume;
      continue;
    }
    const size = chunk.readUInt32LE(at + 4);
    const recordId = chunk.readBigUInt64LE(at + 8);
    const fileOffset = place.fileOffset + at;
    // The copy of the size at the record's end is not checked: a record being written when the log was
    // copied can lack it and still hold a whole event (python-evtx and the Rust parser read those too).
    if (size < MIN_RECORD_BYTES || at + size > chunk.length) {
      sink.skipped({
        message: `event record ${recordId}: its size (${size} bytes) does not fit in its chunk; the record is skipped`,
        offset: fileOffset,
        record: sink.nextRecordNo(),
      });
      const next = chunk.indexOf(RECORD_SIGNATURE, at + 4);
      at = next < 0 || next >= end ? end : next;
      continue;
    }
    const recordNo = sink.nextRecordNo();
    const row = readRecord(ctx, at, size, recordNo, fileOffset);
    if (typeof row === 'string') {
      sink.skipped({
        message: `event record ${recordId}: ${row}; the record is skipped`,
        offset: fileOffset,
        record: recordNo,
      });
      at = nextRecordAfter(chunk, at, size, end);
      continue;
    }
    if (chunk.readUInt32LE(at + size - 4) !== size) {
      // The record's end was overwritten (a chunk reused, or written to as it was copied): what reads
      // is kept, as the other parsers keep it, and the responder is told.
      sink.problem({
        message: `event record ${recordId}: its end is overwritten; the event is imported as far as it reads`,
        offset: fileOffset,
        record: recordNo,
      });
    }
    sink.row(row);
    at += size;
  }
}

/**
 * Where to go on after a record that did not parse: where its size says the next one starts, if a record
 * starts there; otherwise its size may be what is wrong, so the next record signature past its start.
 */
function nextRecordAfter(chunk: Buffer, at: number, size: number, end: number): number {
  if (at + size + 4 <= end && chunk.readUInt32LE(at + size) === RECORD_MAGIC) return at + size;
  const next = chunk.indexOf(RECORD_SIGNATURE, at + 4);
  return next < 0 || next >= end ? end : next;
}
