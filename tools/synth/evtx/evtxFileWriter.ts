// Streams WinEvents into a binary .evtx file: records fill 64 KiB chunks, each chunk goes to disk as soon
// as the next record does not fit, and the 4 KiB file header (chunk count, next record id, CRC) is
// written over its placeholder on close. At most one chunk is ever held in memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { WinEvent } from '../windows/winEvent.js';
import { CHUNK_SIZE, FILE_HEADER_BLOCK, FILE_HEADER_SIZE } from './binXmlTokens.js';
import { ChunkBuilder } from './chunkBuilder.js';
import { EventShapes } from './eventShape.js';

const FILE_MAGIC = Buffer.from('ElfFile\0', 'latin1');
const MINOR_VERSION = 1;
const MAJOR_VERSION = 3;
const HEADER_CRC_END = 120;
/** The chunk count is a u16 in the file header. */
const MAX_CHUNKS = 0xffff;

export interface EvtxFileWriterOptions {
  /**
   * Record identifier of the first record (the record header's number; default 1). System/EventRecordID
   * keeps each event's own recordId, as in a forwarded-events log, and uses this numbering only for
   * events whose recordId is 0.
   */
  firstRecordId?: number;
}

export interface EvtxWriteSummary {
  events: number;
  chunks: number;
  bytes: number;
  /** Distinct template shapes met (each is defined once in every chunk that uses it). */
  templates: number;
}

function writeAll(fd: number, buf: Buffer, position?: number): void {
  let done = 0;
  while (done < buf.length)
    done += writeSync(fd, buf, done, buf.length - done, position === undefined ? null : position + done);
}

export class EvtxFileWriter {
  private readonly fd: number;
  private readonly chunk = new ChunkBuilder();
  private readonly shapes = new EventShapes();
  private nextId: number;
  private chunks = 0;
  private count = 0;
  private closed = false;

  constructor(
    readonly path: string,
    options: EvtxFileWriterOptions = {},
  ) {
    this.nextId = options.firstRecordId ?? 1;
    this.fd = openSync(path, 'w');
    writeAll(this.fd, Buffer.alloc(FILE_HEADER_BLOCK));
  }

  get events(): number {
    return this.count;
  }

  write(ev: WinEvent): void {
    if (this.closed) throw new Error(`${this.path} is already closed`);
    const id = this.nextId;
    const prepared = this.shapes.prepare(ev, id);
    if (!this.chunk.tryAppend(id, prepared)) {
      if (this.chunk.records === 0) throw new Error(`event ${ev.eventId} (#${id}) is larger than a chunk`);
      this.flushChunk();
      if (!this.chunk.tryAppend(id, prepared))
        throw new Error(`event ${ev.eventId} (#${id}) is larger than a chunk`);
    }
    this.nextId++;
    this.count++;
  }

  /** Writes the last chunk and the file header, and closes the file. */
  close(): EvtxWriteSummary {
    if (this.closed) throw new Error(`${this.path} is already closed`);
    this.closed = true;
    try {
      if (this.chunk.records > 0) this.flushChunk();
      writeAll(this.fd, this.fileHeader(), 0);
    } finally {
      closeSync(this.fd);
    }
    return {
      events: this.count,
      chunks: this.chunks,
      bytes: FILE_HEADER_BLOCK + this.chunks * CHUNK_SIZE,
      templates: this.shapes.count,
    };
  }

  private flushChunk(): void {
    if (this.chunks === MAX_CHUNKS) throw new Error(`${this.path}: an .evtx file holds at most 65535 chunks`);
    writeAll(this.fd, this.chunk.seal());
    this.chunk.clear();
    this.chunks++;
  }

  private fileHeader(): Buffer {
    const h = Buffer.alloc(FILE_HEADER_BLOCK);
    FILE_MAGIC.copy(h, 0);
    h.writeBigUInt64LE(0n, 8); // first chunk number
    h.writeBigUInt64LE(BigInt(Math.max(this.chunks - 1, 0)), 16); // last chunk number
    h.writeBigUInt64LE(BigInt(this.nextId), 24); // next record identifier
    h.writeUInt32LE(FILE_HEADER_SIZE, 32);
    h.writeUInt16LE(MINOR_VERSION, 36);
    h.writeUInt16LE(MAJOR_VERSION, 38);
    h.writeUInt16LE(FILE_HEADER_BLOCK, 40);
    h.writeUInt16LE(this.chunks, 42);
    h.writeUInt32LE(0, HEADER_CRC_END); // file flags: clean, not full
    h.writeUInt32LE(crc32(h.subarray(0, HEADER_CRC_END)), 124);
    return h;
  }
}
