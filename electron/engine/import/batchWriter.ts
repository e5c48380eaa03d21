// Loads segment batches into the case, one at a time and in arrival order, inside the caller's
// transaction. The INSERTs run inside DuckDB (its CSV reader is parallel), so this thread stays free.
import { rm } from 'node:fs/promises';
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import { CaseAppender } from '../store/appendRows.js';
import { insertSegmentSql, type RecordTable } from '../store/segmentFormat.js';
import type { ReadRow } from '../model.js';
import type { SegmentBatch } from './workerProtocol.js';

export class BatchWriter {
  private statements = new Map<RecordTable, DuckDBPreparedStatement>();
  private appender: CaseAppender | null = null;
  private queue: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  rows = 0;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly sourceId: number,
  ) {}

  /** Queues a batch; `then` runs after it is written (or skipped because the writer already failed). */
  enqueue(batch: SegmentBatch, then: () => void, recordBase = 0): void {
    this.queue = this.queue
      .then(() => (this.failure ? undefined : this.write(batch, recordBase)))
      .catch((e: unknown) => {
        this.failure = e as Error;
      })
      .finally(async () => {
        await Promise.all(batch.files.map((f) => rm(f.path, { force: true })));
        then();
      });
  }

  private async write(batch: SegmentBatch, recordBase: number): Promise<void> {
    for (const f of batch.files) {
      const stmt = await this.statement(f.table);
      stmt.bind({ source_id: this.sourceId, record_base: recordBase, path: f.path });
      await stmt.run();
      this.rows += f.rows;
    }
    if (batch.unpacked.length) {
      this.appender ??= await CaseAppender.create(this.conn, this.sourceId);
      for (const r of batch.unpacked) appendRow(this.appender, rebase(r, recordBase));
      this.rows += batch.unpacked.length;
    }
  }

  private async statement(table: RecordTable): Promise<DuckDBPreparedStatement> {
    let s = this.statements.get(table);
    if (!s) {
      s = await this.conn.prepare(insertSegmentSql(table));
      this.statements.set(table, s);
    }
    return s;
  }

  /** Waits for every queued batch; throws the first write error, if any. */
  async finish(): Promise<void> {
    await this.queue;
    this.appender?.close();
    this.appender = null;
    for (const s of this.statements.values()) s.destroySync();
    this.statements.clear();
    if (this.failure) throw this.failure;
  }

  get failed(): boolean {
    return this.failure !== null;
  }
}

function rebase(r: ReadRow, base: number): ReadRow {
  if (base === 0) return r;
  switch (r.kind) {
    case 'win':
      return { kind: 'win', row: { ...r.row, recordNo: r.row.recordNo + base } };
    case 'signin':
      return { kind: 'signin', row: { ...r.row, recordNo: r.row.recordNo + base } };
    case 'audit':
      return { kind: 'audit', row: { ...r.row, recordNo: r.row.recordNo + base } };
  }
}

function appendRow(a: CaseAppender, r: ReadRow): void {
  switch (r.kind) {
    case 'win':
      return a.winEvent(r.row);
    case 'signin':
      return a.signin(r.row);
    case 'audit':
      return a.audit(r.row);
  }
}
