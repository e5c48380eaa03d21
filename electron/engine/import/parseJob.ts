// One file's parse, which may start before its turn to load: batches that arrive before the file's
// transaction is open wait (their segments are already on disk), then flow into the BatchWriter.
import { rm } from 'node:fs/promises';
import type { ByteRange, ParseResult } from './parseFile.js';
import type { BatchWriter } from './batchWriter.js';
import type { ParseWorkerHandle } from './parseWorkerHandle.js';
import type { SegmentBatch } from './workerProtocol.js';

export class ParseJob {
  readonly result: Promise<ParseResult>;
  bytesRead = 0;
  private waiting: SegmentBatch[] = [];
  private writer: BatchWriter | null = null;
  private onLoaded: () => void = () => undefined;
  private discarded = false;
  private recordBase = 0;

  /** The byte range of the file this job parses; undefined for the whole file. */
  readonly range: ByteRange | undefined;

  constructor(
    readonly jobId: number,
    readonly path: string,
    private readonly worker: ParseWorkerHandle,
    options: { stagingDir: string; range?: ByteRange; maxRecordBytes?: number; maxJsonDepth?: number },
  ) {
    this.range = options.range;
    this.result = new Promise<ParseResult>((resolve, reject) => {
      worker.start(
        jobId,
        { path, ...options },
        {
          rows: (batch) => {
            if (this.discarded) void removeSegments([batch]);
            else if (this.writer) this.feed(batch);
            else this.waiting.push(batch);
          },
          progress: (b) => {
            this.bytesRead = b;
          },
          done: resolve,
          failed: (message) => reject(new Error(message)),
        },
      );
    });
    // A failure is read through `result` when the file's turn comes; never an unhandled rejection.
    this.result.catch(() => undefined);
  }

  /**
   * The job's turn: its file's transaction is open and batches go to `writer`, record numbers moved up
   * by `recordBase`; `onLoaded` runs after each batch.
   */
  attach(writer: BatchWriter, onLoaded: () => void, recordBase = 0): void {
    this.writer = writer;
    this.recordBase = recordBase;
    this.onLoaded = onLoaded;
    const waiting = this.waiting;
    this.waiting = [];
    for (const b of waiting) this.feed(b);
  }

  private feed(batch: SegmentBatch): void {
    this.writer!.enqueue(
      batch,
      () => {
        // A failed write stops the parse: the file will be rolled back whole.
        if (this.writer!.failed) this.cancel();
        this.worker.send({ type: 'ack', jobId: this.jobId });
        this.onLoaded();
      },
      this.recordBase,
    );
  }

  cancel(): void {
    this.worker.send({ type: 'cancel', jobId: this.jobId });
  }

  /** Drops batches that never reached a writer (a cancelled look-ahead), with their segment files. */
  async discard(): Promise<void> {
    this.discarded = true;
    this.cancel();
    const waiting = this.waiting;
    this.waiting = [];
    await removeSegments(waiting);
  }
}

async function removeSegments(batches: readonly SegmentBatch[]): Promise<void> {
  await Promise.all(batches.flatMap((b) => b.files.map((f) => rm(f.path, { force: true }))));
}
