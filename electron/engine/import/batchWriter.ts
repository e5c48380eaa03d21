// Loads segment batches into the case in arrival order, inside the caller's transaction: a few batches
// at a time while the file is parsed (more when they queued up while DuckDB was busy), the rest when it
// finishes, one INSERT per kind of segment. The INSERTs run
// on DuckDB's own thread (see runOnDuckDbThreads), so this thread stays free.
import { rm } from 'node:fs/promises';
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import { BIGINT, INTEGER, LIST, VARCHAR, listValue } from '../store/duckdbApi.js';
import { CaseAppender } from '../store/appendRows.js';
import { hasBackgroundThreads, runOnDuckDbThreads } from '../store/runOnDuckDbThreads.js';
import { insertSegmentSql, type RecordTable } from '../store/segmentFormat.js';
import type { ReadRow } from '../rowContract.js';
import type { SegmentBatch } from './workerProtocol.js';

/** Most batches one INSERT takes: bigger scans cost DuckDB less a row, and progress still moves. */
const MAX_BATCHES_PER_INSERT = 16;
/**
 * Batches the writer waits for before it loads, while the file is still being parsed. Each INSERT has a
 * cost inside DuckDB beyond its rows (fresh column segments, page faults, the end of its append):
 * measured on a domain controller's 237,500 events as XML (94 batches), CPU-s of the loads alone,
 * median of 3: one batch an INSERT 7.8, two 7.3, four 6.3, all in one 6.1. Four keeps the tail (what
 * is left to load once the parse has ended) to a few batches.
 */
const MIN_BATCHES_PER_INSERT = 4;

interface Queued {
  batch: SegmentBatch;
  recordBase: number;
  then: () => void;
}

export class BatchWriter {
  private statements = new Map<string, DuckDBPreparedStatement>();
  private appender: CaseAppender | null = null;
  private queued: Queued[] = [];
  private draining: Promise<void> | null = null;
  private failure: Error | null = null;
  private background: Promise<boolean> | null = null;
  private finishing = false;
  rows = 0;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly sourceId: number,
  ) {}

  /**
   * Queues a batch; `then` runs after it is written (or skipped because the writer already failed).
   * Batches that queue up while DuckDB is busy are loaded together, in order.
   */
  enqueue(batch: SegmentBatch, then: () => void, recordBase = 0): void {
    this.queued.push({ batch, recordBase, then });
    if (this.ready()) this.draining ??= this.drain();
  }

  private ready(): boolean {
    return this.queued.length >= (this.finishing ? 1 : MIN_BATCHES_PER_INSERT);
  }

  private async drain(): Promise<void> {
    while (this.ready()) {
      const group = this.queued.splice(0, MAX_BATCHES_PER_INSERT);
      try {
        if (!this.failure) await this.write(group);
      } catch (e) {
        this.failure = e as Error;
      }
      await Promise.all(group.flatMap((q) => q.batch.files.map((f) => rm(f.path, { force: true })))).catch(
        () => undefined,
      );
      for (const q of group) q.then();
    }
    this.draining = null;
  }

  private async write(group: readonly Queued[]): Promise<void> {
    // One INSERT per kind of segment and record base; the rows of each stay in file order.
    const inserts = new Map<
      string,
      { table: RecordTable; escaped: boolean; base: number; paths: string[] }
    >();
    for (const { batch, recordBase } of group) {
      for (const f of batch.files) {
        const key = `${f.table}/${f.escaped}/${recordBase}`;
        let ins = inserts.get(key);
        if (!ins)
          inserts.set(key, (ins = { table: f.table, escaped: f.escaped, base: recordBase, paths: [] }));
        ins.paths.push(f.path);
        this.rows += f.rows;
      }
    }
    for (const ins of inserts.values()) {
      const stmt = await this.statement(ins.table, ins.escaped);
      stmt.bind(
        { source_id: this.sourceId, record_base: ins.base, paths: listValue(ins.paths) },
        { source_id: INTEGER, record_base: BIGINT, paths: LIST(VARCHAR) },
      );
      this.background ??= hasBackgroundThreads(this.conn);
      if (await this.background) await runOnDuckDbThreads(stmt);
      else await stmt.run();
    }
    for (const { batch, recordBase } of group) {
      if (batch.unpacked.length === 0) continue;
      this.appender ??= await CaseAppender.create(this.conn, this.sourceId);
      for (const r of batch.unpacked) appendRow(this.appender, rebase(r, recordBase));
      this.rows += batch.unpacked.length;
    }
  }

  private async statement(table: RecordTable, escaped: boolean): Promise<DuckDBPreparedStatement> {
    const key = `${table}/${escaped}`;
    let s = this.statements.get(key);
    if (!s) {
      s = await this.conn.prepare(insertSegmentSql(table, escaped));
      this.statements.set(key, s);
    }
    return s;
  }

  /** Waits for every queued batch; throws the first write error, if any. */
  async finish(): Promise<void> {
    this.finishing = true;
    if (this.ready()) this.draining ??= this.drain();
    while (this.draining) await this.draining;
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
