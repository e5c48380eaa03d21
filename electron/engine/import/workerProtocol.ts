// Messages between the import coordinator (which owns the case connection) and the parse worker.
import type { ReadRow } from '../rowContract.js';
import type { ByteRange, ParseResult } from './parseFile.js';
import type { RecordTable } from '../store/segmentFormat.js';

export interface SegmentBatch {
  /** Segment files written in the staging folder, for the coordinator to load and delete. */
  files: Array<{ table: RecordTable; path: string; rows: number; escaped: boolean }>;
  unpacked: ReadRow[];
}

export type ToWorker =
  | {
      type: 'parse';
      jobId: number;
      path: string;
      stagingDir: string;
      /** Only this byte range of an XML file (a slice parsed alongside others). */
      range?: ByteRange;
      maxRecordBytes?: number;
      maxJsonDepth?: number;
    }
  | { type: 'ack'; jobId: number }
  | { type: 'cancel'; jobId: number };

export type FromWorker =
  | { type: 'rows'; jobId: number; batch: SegmentBatch }
  | { type: 'progress'; jobId: number; bytesRead: number }
  | { type: 'done'; jobId: number; result: ParseResult }
  | { type: 'failed'; jobId: number; message: string };

/** Batches the worker may send ahead of the coordinator: bounds staging when appending is slower. */
// Batches are segment files on disk, so a parse running ahead (the next file, waiting for its turn to
// load) costs disk, not memory: 128 batches of 4,000 events of ~1.5 KB is under 1 GB of staging.
export const MAX_BATCHES_IN_FLIGHT = 128;
