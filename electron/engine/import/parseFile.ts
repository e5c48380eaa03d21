// Reads one evidence file, or one byte range of it: opens it read-only, sniffs the content and hands
// the bytes to the matching reader. Runs inside the parse worker, but has no worker code itself, so
// tests can call it directly. A whole file is hashed here as it is read, when asked (`sha256`): the
// coordinator then need not read it a second time (see fileTransaction.ts).
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { ReadError, ReadRow } from '../rowContract.js';
import { SNIFF_BYTES, sniffInput } from '../readers/sniff.js';
import { INPUT_FORMATS } from '../readers/formats.js';
import { isDiskFull } from './diskFull.js';
import { CHUNK_BYTES, fileChunks } from './fileChunks.js';
import { InputFormatError, type Reader, type ReaderOptions, type ReaderSummary } from '../readers/types.js';

/** Enough of a file's start for the sniffer and for any real prolog before the first event. */
export const FILE_HEAD_BYTES = 64 * 1024;

/** Rows taken one at a time as the reader produces them. */
export interface RowBatch {
  add(row: ReadRow): void;
  readonly rows: number;
  /** Enough for one batch: it is handed on. */
  readonly full: boolean;
}

export interface ParseCallbacks<B extends RowBatch> {
  /** An empty batch to fill. */
  batch(): B;
  /** A full batch, in file order. May return a promise to slow the reader down (back-pressure). */
  rows(batch: B): void | Promise<void>;
  progress?(bytesRead: number): void;
}

/** A byte range of an XML file, parsed on its own while other ranges are parsed elsewhere. */
export interface ByteRange {
  start: number;
  end: number;
  last: boolean;
}

export interface ParseResult {
  size: number;
  summary: ReaderSummary | null;
  errors: ReadError[];
  /** Set when the file as a whole could not be read (not a log, forbidden DOCTYPE, I/O error). */
  fatal: ReadError | null;
  /**
   * The whole file's SHA-256, when it was asked for and every byte was read: not for a slice, a
   * cancelled read or a failed one (the coordinator then hashes the file itself).
   */
  sha256?: string;
}

/** Keeps the first errors whole and counts the rest, so a file of garbage cannot exhaust memory. */
export const MAX_KEPT_ERRORS = 1000;

export async function readFileHead(handle: FileHandle, size: number): Promise<Buffer> {
  const head = Buffer.alloc(Math.min(size, FILE_HEAD_BYTES));
  if (head.length) await handle.read(head, 0, head.length, 0);
  return head;
}

/** Which reader reads each kind of content the sniffer recognises. */

export async function parseFile<B extends RowBatch>(
  path: string,
  cb: ParseCallbacks<B>,
  options: ReaderOptions & { range?: ByteRange; chunkBytes?: number; sha256?: boolean } = {},
): Promise<ParseResult> {
  // 'r' is O_RDONLY: evidence is never opened for writing.
  const handle = await open(path, 'r');
  const { range, chunkBytes = CHUNK_BYTES, sha256: wantHash, ...readerOptions } = options;
  // Each chunk is hashed as it is read, before any reader sees it (its buffer is read into again).
  const hash = wantHash === true && range === undefined ? createHash('sha256') : null;
  let sha256: string | undefined;
  const errors: ReadError[] = [];
  let size = 0;
  let bytesRead = 0;
  let summary: ReaderSummary | null = null;
  let fatal: ReadError | null = null;
  let batch = cb.batch();
  let pending: Promise<void> | null = null;

  const flush = async (): Promise<void> => {
    if (pending) await pending;
    pending = null;
    if (batch.rows === 0) return;
    const out = batch;
    batch = cb.batch();
    const r = cb.rows(out);
    if (r) await r;
  };

  try {
    size = (await handle.stat()).size;
    // The sniffer and a slice's reader look at the file's start, whatever the first chunk holds.
    const fileHead = await readFileHead(handle, size);
    const chunks = fileChunks(handle, range?.start ?? 0, range?.end ?? size, chunkBytes);
    const nextChunk = async (): Promise<IteratorResult<Buffer>> => {
      const next = await chunks.next();
      if (!next.done) hash?.update(next.value);
      return next;
    };
    const first = await nextChunk();
    const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
    bytesRead += head.length;

    async function* source(): AsyncGenerator<Buffer> {
      if (head.length) {
        cb.progress?.(bytesRead);
        yield head;
      }
      for (;;) {
        // The batch handed on must be taken before the next chunk is read; the one being filled is not
        // handed on until it is full (handing it on here too made every other batch a small one: twice
        // the INSERTs, each with a fixed cost inside DuckDB).
        if (pending) await pending;
        pending = null;
        const next = await nextChunk();
        if (next.done) return;
        bytesRead += next.value.length;
        cb.progress?.(bytesRead);
        yield next.value;
      }
    }

    try {
      const sniffed = sniffInput(fileHead.subarray(0, SNIFF_BYTES));
      const reader: Reader = INPUT_FORMATS[sniffed.kind].read;
      summary = await reader(
        source(),
        {
          row(r) {
            batch.add(r);
            // The reader calls back synchronously; the flush is awaited before the next chunk is read.
            if (batch.full && !pending) pending = flush();
          },
          error(e) {
            if (errors.length < MAX_KEPT_ERRORS) errors.push(e);
            else if (errors.length === MAX_KEPT_ERRORS) {
              errors.push({
                message: `more errors in this file were not kept (first ${MAX_KEPT_ERRORS} shown)`,
              });
            }
          },
        },
        range
          ? { ...readerOptions, slice: { startOffset: range.start, fileHead, last: range.last } }
          : readerOptions,
      );
    } catch (e) {
      if (!(e instanceof InputFormatError)) throw e;
      fatal = { message: e.message, ...(e.offset !== undefined ? { offset: e.offset } : {}) };
    }
    await flush();
    if (hash !== null && readerOptions.isCancelled?.() !== true) {
      // A reader that stopped early (a refused file) left the rest unread: the hash still needs it. A
      // read failing only here leaves the hash to the coordinator, whose own read then says why.
      try {
        while (!(await nextChunk()).done);
        sha256 = hash.digest('hex');
      } catch {
        sha256 = undefined;
      }
    }
  } catch (e) {
    // A full disk is no fault of the file: it fails the import of it (nothing kept, nothing recorded), so
    // the same file imports once there is room, instead of being recorded as refused.
    if (isDiskFull(e)) throw e;
    fatal = { message: `could not read the file: ${(e as Error).message}` };
  } finally {
    await handle.close();
  }
  return { size, summary, errors, fatal, ...(sha256 !== undefined ? { sha256 } : {}) };
}
