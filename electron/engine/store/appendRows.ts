// Bulk-loads normalized rows through DuckDB's Appender. One column list per table, kept in the same
// order as migrations/001_case_tables.sql, so adding a column is a one-line change here and there.
import {
  VARCHAR,
  LIST,
  DuckDBTimestampValue,
  listValue,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import type { AuditRow, SigninRow, WinEventRow } from '../model.js';

// An empty list carries no element type of its own, so the appender needs it spelled out.
const STRING_LIST = LIST(VARCHAR);

type Kind = 'int' | 'bigint' | 'smallint' | 'text' | 'ts' | 'bool' | 'json' | 'list';
type Column<R> = readonly [kind: Kind, get: (r: R) => unknown];

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

const WIN_COLUMNS: ReadonlyArray<Column<WinEventRow>> = [
  ['bigint', (r) => BigInt(r.recordNo)],
  ['bigint', (r) => r.recordId],
  ['ts', (r) => r.ts],
  ['text', (r) => r.host],
  ['text', (r) => r.channel],
  ['text', (r) => r.provider],
  ['int', (r) => r.eventId],
  ['smallint', (r) => r.version],
  ['smallint', (r) => r.level],
  ['int', (r) => r.task],
  ['text', (r) => r.keywords],
  ['bigint', (r) => r.execPid],
  ['text', (r) => r.userSid],
  ['text', (r) => r.subjectUser],
  ['text', (r) => r.subjectDomain],
  ['text', (r) => r.subjectSid],
  ['bigint', (r) => r.subjectLogonId],
  ['text', (r) => r.targetUser],
  ['text', (r) => r.targetDomain],
  ['text', (r) => r.targetSid],
  ['bigint', (r) => r.targetLogonId],
  ['bigint', (r) => r.pid],
  ['bigint', (r) => r.parentPid],
  ['text', (r) => r.image],
  ['text', (r) => r.parentImage],
  ['text', (r) => r.commandLine],
  ['text', (r) => r.parentCommandLine],
  ['text', (r) => r.processGuid],
  ['text', (r) => r.parentProcessGuid],
  ['smallint', (r) => r.logonType],
  ['text', (r) => r.ip],
  ['int', (r) => r.ipPort],
  ['text', (r) => r.workstation],
  ['text', (r) => r.status],
  ['text', (r) => r.subStatus],
  ['text', (r) => r.failureCode],
  ['bigint', (r) => r.callerPid],
  ['text', (r) => r.callerImage],
  ['text', (r) => r.logonProcess],
  ['text', (r) => r.authPackage],
  ['text', (r) => r.memberName],
  ['text', (r) => r.memberSid],
  ['text', (r) => r.objectType],
  ['text', (r) => r.objectName],
  ['text', (r) => r.scriptText],
  ['json', (r) => r.data],
  ['text', (r) => r.xml],
];

const SIGNIN_COLUMNS: ReadonlyArray<Column<SigninRow>> = [
  ['bigint', (r) => BigInt(r.recordNo)],
  ['ts', (r) => r.ts],
  ['text', (r) => r.id],
  ['text', (r) => r.userPrincipalName],
  ['text', (r) => r.userDisplayName],
  ['text', (r) => r.userId],
  ['text', (r) => r.appDisplayName],
  ['text', (r) => r.appId],
  ['text', (r) => r.resourceDisplayName],
  ['text', (r) => r.ip],
  ['text', (r) => r.clientAppUsed],
  ['text', (r) => r.userAgent],
  ['int', (r) => r.errorCode],
  ['text', (r) => r.failureReason],
  ['bool', (r) => r.isInteractive],
  ['text', (r) => r.signinKind],
  ['text', (r) => r.country],
  ['text', (r) => r.city],
  ['text', (r) => r.correlationId],
  ['text', (r) => r.conditionalAccessStatus],
  ['text', (r) => r.raw],
];

const AUDIT_COLUMNS: ReadonlyArray<Column<AuditRow>> = [
  ['bigint', (r) => BigInt(r.recordNo)],
  ['ts', (r) => r.ts],
  ['text', (r) => r.id],
  ['text', (r) => r.category],
  ['text', (r) => r.activity],
  ['text', (r) => r.operationType],
  ['text', (r) => r.result],
  ['text', (r) => r.resultReason],
  ['text', (r) => r.loggedByService],
  ['text', (r) => r.initiatorUpn],
  ['text', (r) => r.initiatorIp],
  ['text', (r) => r.initiatorApp],
  ['list', (r) => r.targetUpns],
  ['text', (r) => r.correlationId],
  ['text', (r) => r.raw],
];

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
