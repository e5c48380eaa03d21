// The fixed layout of an .evtx file (libyal's "Windows XML Event Log (EVTX)" notes; MS-EVEN6): a 4 KiB
// file header, then 64 KiB chunks, each with a 512-byte header (its own record numbers, where its free
// space starts, two CRC32s, the string and template hash tables) followed by event records.
import { crc32 } from 'node:zlib';

export const FILE_MAGIC = Buffer.from('ElfFile\0', 'latin1');
export const CHUNK_MAGIC = Buffer.from('ElfChnk\0', 'latin1');
export const FILE_HEADER_BYTES = 4096;
export const CHUNK_BYTES = 65536;
export const CHUNK_HEADER_BYTES = 512;
/** "**\0\0" as a little-endian u32. */
export const RECORD_MAGIC = 0x00002a2a;
/** Magic, size, record id, written time; and the copy of the size at the end. */
export const RECORD_HEADER_BYTES = 24;
export const MIN_RECORD_BYTES = RECORD_HEADER_BYTES + 4;

export interface FileHeader {
  chunkCount: number;
  nextRecordId: bigint;
  majorVersion: number;
  minorVersion: number;
  /** Bit 0: dirty (not closed cleanly); bit 1: full. */
  flags: number;
  checksumOk: boolean;
}

export function readFileHeader(head: Buffer): FileHeader | null {
  if (head.length < 128 || !head.subarray(0, 8).equals(FILE_MAGIC)) return null;
  return {
    nextRecordId: head.readBigUInt64LE(24),
    minorVersion: head.readUInt16LE(36),
    majorVersion: head.readUInt16LE(38),
    chunkCount: head.readUInt16LE(42),
    flags: head.readUInt32LE(120),
    checksumOk: crc32(head.subarray(0, 120)) === head.readUInt32LE(124),
  };
}

export interface ChunkHeader {
  magicOk: boolean;
  firstRecordId: bigint;
  lastRecordId: bigint;
  freeSpaceOffset: number;
  /** False when the stored CRC32 of the header does not match (0 stored counts as none recorded). */
  headerChecksumOk: boolean;
  /** Same for the records' CRC32, over [512, free space offset). */
  dataChecksumOk: boolean;
}

export function readChunkHeader(chunk: Buffer): ChunkHeader {
  const magicOk = chunk.subarray(0, 8).equals(CHUNK_MAGIC);
  const freeSpaceOffset = chunk.readUInt32LE(48);
  const storedData = chunk.readUInt32LE(52);
  const storedHeader = chunk.readUInt32LE(124);
  const headerCrc = crc32(chunk.subarray(128, CHUNK_HEADER_BYTES), crc32(chunk.subarray(0, 120)));
  const dataEnd =
    freeSpaceOffset >= CHUNK_HEADER_BYTES && freeSpaceOffset <= chunk.length ? freeSpaceOffset : 0;
  return {
    magicOk,
    firstRecordId: chunk.readBigUInt64LE(24),
    lastRecordId: chunk.readBigUInt64LE(32),
    freeSpaceOffset,
    headerChecksumOk: storedHeader === 0 || storedHeader === headerCrc,
    dataChecksumOk:
      storedData === 0 || (dataEnd > 0 && storedData === crc32(chunk.subarray(CHUNK_HEADER_BYTES, dataEnd))),
  };
}

const ZEROES = Buffer.alloc(CHUNK_BYTES);

/** True when every byte is zero: an unused chunk slot, which is no damage. */
export function isAllZero(bytes: Buffer): boolean {
  for (let at = 0; at < bytes.length; at += ZEROES.length) {
    const part = bytes.subarray(at, at + ZEROES.length);
    if (!part.equals(ZEROES.subarray(0, part.length))) return false;
  }
  return true;
}
