// Messages between the import coordinator (which owns the case connection) and the parse worker.
import type { ReadRow } from '../model.js';
import type { RecordTable } from '../store/segmentFormat.js';

export interface SegmentBatch {
  /** Segment files written in the staging folder, for the coordinator to load and delete. */
  files: Array<{ table: RecordTable; path: string; rows: number }>;
  unpacked: ReadRow[];
}
import type { ParseResult } from './parseFile.js';

export type ToWorker =
  | {
      type: 'parse';
      jobId: number;
      path: string;
      stagingDir: string;
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

/** Batches the worker may send ahead of the coordinator: bounds memory when appending is slower. */
export const MAX_BATCHES_IN_FLIGHT = 16;
