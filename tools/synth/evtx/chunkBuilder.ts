// Fills one 64 KiB chunk with records and seals it: header, name and template hash tables, and the two
// CRC32s. A record that does not fit is refused whole (records never cross chunks), and whatever names
// and templates it had added to the tables are withdrawn so the next chunk can define them afresh.
import { crc32 } from 'node:zlib';
import {
  CHUNK_HEADER_SIZE,
  CHUNK_RECORDS_START,
  CHUNK_SIZE,
  CHUNK_STRING_TABLE,
  CHUNK_TEMPLATE_TABLE,
  STRING_BUCKETS,
  TEMPLATE_BUCKETS,
} from './binXmlTokens.js';
import { ByteWriter } from './byteWriter.js';
import { ChunkIndex } from './chunkIndex.js';
import type { PreparedEvent } from './eventShape.js';
import { encodeRecord } from './recordEncoder.js';
import type { ChunkTables } from './recordEncoder.js';

const CHUNK_MAGIC = Buffer.from('ElfChnk\0', 'latin1');
/** The header CRC covers bytes 0–120 and 128–512; the CRC itself sits at 124. */
const HEADER_CRC_END = 120;
const HEADER_CRC_AT = 124;

export class ChunkBuilder {
  private readonly chunk = Buffer.alloc(CHUNK_SIZE);
  private readonly scratch = new ByteWriter();
  private readonly tables: ChunkTables = {
    names: new ChunkIndex(STRING_BUCKETS),
    templates: new ChunkIndex(TEMPLATE_BUCKETS),
  };
  private free = CHUNK_RECORDS_START;
  private lastRecordAt = 0;
  private firstId = 0;
  private lastId = 0;
  private count = 0;

  get records(): number {
    return this.count;
  }

  /** Appends the record if it fits in what is left of the chunk; false leaves the chunk unchanged. */
  tryAppend(recordId: number, ev: PreparedEvent): boolean {
    const w = this.scratch;
    w.reset(this.free);
    try {
      encodeRecord(w, recordId, ev, this.tables);
    } catch (err) {
      this.rollback();
      throw err;
    }
    // A record may not end exactly at the chunk's end: libevtx (Debian's 20181227) then drops it.
    if (this.free + w.pos >= CHUNK_SIZE) {
      this.rollback();
      return false;
    }
    this.tables.names.commit();
    this.tables.templates.commit();
    w.bytes.copy(this.chunk, this.free);
    if (this.count === 0) this.firstId = recordId;
    this.lastId = recordId;
    this.lastRecordAt = this.free;
    this.free += w.pos;
    this.count++;
    return true;
  }

  /** Writes the header and CRCs; the returned buffer is valid until clear(). */
  seal(): Buffer {
    const c = this.chunk;
    CHUNK_MAGIC.copy(c, 0);
    c.writeBigUInt64LE(BigInt(this.firstId), 8); // first event record number
    c.writeBigUInt64LE(BigInt(this.lastId), 16); // last event record number
    c.writeBigUInt64LE(BigInt(this.firstId), 24); // first event record identifier
    c.writeBigUInt64LE(BigInt(this.lastId), 32); // last event record identifier
    c.writeUInt32LE(CHUNK_HEADER_SIZE, 40);
    c.writeUInt32LE(this.lastRecordAt, 44);
    c.writeUInt32LE(this.free, 48);
    c.writeUInt32LE(crc32(c.subarray(CHUNK_RECORDS_START, this.free)), 52);
    c.writeUInt32LE(0, HEADER_CRC_END); // flags
    this.tables.names.writeTable(c, CHUNK_STRING_TABLE);
    this.tables.templates.writeTable(c, CHUNK_TEMPLATE_TABLE);
    const headerCrc = crc32(
      c.subarray(CHUNK_HEADER_SIZE, CHUNK_RECORDS_START),
      crc32(c.subarray(0, HEADER_CRC_END)),
    );
    c.writeUInt32LE(headerCrc, HEADER_CRC_AT);
    return c;
  }

  /** Empties the chunk for the next records. */
  clear(): void {
    this.chunk.fill(0);
    this.tables.names.clear();
    this.tables.templates.clear();
    this.free = CHUNK_RECORDS_START;
    this.lastRecordAt = 0;
    this.firstId = 0;
    this.lastId = 0;
    this.count = 0;
  }

  private rollback(): void {
    this.tables.names.rollback();
    this.tables.templates.rollback();
  }
}
