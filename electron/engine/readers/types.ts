// What a reader is handed and what it hands back. Readers run inside the import worker.
import type { FormatVariant, InputFormat, ReadError, ReadRow } from '../rowContract.js';

export interface ReaderSink {
  /** One parsed record, in file order. */
  row(r: ReadRow): void;
  /** A non-fatal problem: the record is skipped (or partly read) and reading goes on. */
  error(e: ReadError): void;
}

export interface ReaderSummary {
  format: InputFormat;
  variant: FormatVariant;
  /** Records handed to sink.row. */
  records: number;
  /** Records seen but not imported (each has reported at least one error, or shares one). */
  skipped: number;
}

/**
 * A fatal problem with the whole file (not a log at all, forbidden DOCTYPE, bad encoding at the start):
 * nothing more is read from it, but everything already handed to the sink stays valid.
 */
export class InputFormatError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(message);
    this.name = 'InputFormatError';
  }
}

export interface ReaderOptions {
  /** Largest single event or record, in bytes, before it is skipped with an error. */
  maxRecordBytes?: number;
  /** Deepest JSON nesting accepted before a record is rejected (never handed to JSON.parse). */
  maxJsonDepth?: number;
  /**
   * For .evtx: render each event's XML as it is read. The import does not (the raw-event viewer renders
   * one when asked, from the record's offset); tests that compare renderings do.
   */
  renderXml?: boolean;
  /** Checked between batches: when it returns true the reader stops early and returns. */
  isCancelled?: () => boolean;
  /**
   * Read a byte range of a file instead of the whole file (parallel import). The source then yields
   * exactly the bytes [startOffset, end of the slice). Record numbers (rows and errors) count from the
   * slice's first event, which is record 1: the caller adds the records of the slices before it. Byte
   * offsets stay file offsets. Only the Windows XML reader supports it.
   */
  slice?: {
    /** File offset of the first byte the source yields; 0 for the first slice. */
    startOffset: number;
    /** The file's first bytes (at least 4 KiB, or the whole file if smaller, and everything before its first event): encoding, BOM, prolog, variant. Never re-read as events. */
    fileHead: Buffer;
    /** True when the slice runs to the end of the file (end-of-file checks apply). */
    last: boolean;
  };
}

/**
 * Reads one file's chunks. A chunk's memory may be read into again once two more chunks have been
 * asked for (see fileChunks): what a reader keeps longer, it copies.
 */
export type Reader = (
  source: AsyncIterable<Buffer>,
  sink: ReaderSink,
  options?: ReaderOptions,
) => Promise<ReaderSummary>;

export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_JSON_DEPTH = 64;
