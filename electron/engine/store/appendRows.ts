// Bulk-loads normalized rows through DuckDB's Appender. One column list per table, kept in the same
// order as migrations/001_case_tables.sql, so adding a column is a one-line change here and there.
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { VARCHAR, LIST, DuckDBTimestampValue, listValue } from './duckdbApi.js';
import type { AuditRow, SigninRow, WinEventRow } from '../rowContract.js';
import { AUDIT_COLUMNS, SIGNIN_COLUMNS, WIN_COLUMNS, type Column, type Kind } from './columns.js';

// An empty list carries no element type of its own, so the appender needs it spelled out.
const STRING_LIST = LIST(VARCHAR);

function appendValue(a: DuckDBAppender, kind: Kind, v: unknown): void {
  if (v === null || v === undefined) return a.appendNull();
  switch (kind) {
    case 'int':
      return a.appendInteger(v as number);
    case 'smallint':
      return a.appendSmallInt(v as number);
    case 'bigint':
      return a.appendBigInt(v as bigint);
    case 'text':
      return a.appendVarchar(v as string);
    case 'ts':
      return a.appendTimestamp(new DuckDBTimestampValue(v as bigint));
    case 'bool':
      return a.appendBoolean(v as boolean);
    case 'json':
      return a.appendVarchar(JSON.stringify(v));
    case 'list':
      return a.appendList(listValue(v as string[]), STRING_LIST);
  }
}

/** An appender per table for one source; rows go in with their source id first. */
export class CaseAppender {
  private constructor(
    private readonly sourceId: number,
    private readonly win: DuckDBAppender,
    private readonly signins: DuckDBAppender,
    private readonly audits: DuckDBAppender,
  ) {}

  static async create(conn: DuckDBConnection, sourceId: number): Promise<CaseAppender> {
    return new CaseAppender(
      sourceId,
      await conn.createAppender('win_events'),
      await conn.createAppender('signins'),
      await conn.createAppender('audits'),
    );
  }

  private put<R>(a: DuckDBAppender, columns: ReadonlyArray<Column<R>>, row: R): void {
    a.appendInteger(this.sourceId);
    for (const [kind, get] of columns) appendValue(a, kind, get(row));
    a.endRow();
  }

  winEvent(row: WinEventRow): void {
    this.put(this.win, WIN_COLUMNS, row);
  }
  signin(row: SigninRow): void {
    this.put(this.signins, SIGNIN_COLUMNS, row);
  }
  audit(row: AuditRow): void {
    this.put(this.audits, AUDIT_COLUMNS, row);
  }

  /** Flushes and closes every appender; the caller's transaction decides whether the rows stay. */
  close(): void {
    for (const a of [this.win, this.signins, this.audits]) a.closeSync();
  }
}
