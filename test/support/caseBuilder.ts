// Builds small hand-made cases for tests: an in-memory case with the real schema, rows written through
// the real appender, and terse row helpers whose defaults are the empty values a reader would produce.
import { createHash } from 'node:crypto';
import { openCase, type CaseDb } from '../../electron/engine/store/openCase.js';
import { CaseAppender } from '../../electron/engine/store/appendRows.js';
import type { AuditRow, SigninRow, WinEventRow } from '../../electron/engine/rowContract.js';

type Id = number | bigint | string;

/** A Windows event: times as ISO strings, ids as numbers or hex strings ('0x3e7'). */
export type WinInput = Partial<
  Omit<
    WinEventRow,
    'ts' | 'subjectLogonId' | 'targetLogonId' | 'pid' | 'parentPid' | 'callerPid' | 'execPid' | 'recordId'
  >
> & {
  eventId: number;
  ts: string;
  subjectLogonId?: Id;
  targetLogonId?: Id;
  pid?: Id;
  parentPid?: Id;
  callerPid?: Id;
  execPid?: Id;
  recordId?: Id;
};

export type SigninInput = Partial<Omit<SigninRow, 'ts'>> & { ts: string };
export type AuditInput = Partial<Omit<AuditRow, 'ts'>> & { ts: string };

export function micros(iso: string): bigint {
  const m = /^(.*?)(?:\.(\d{1,6}))?Z$/.exec(iso);
  if (!m) throw new Error(`not an ISO UTC time: ${iso}`);
  const ms = Date.parse(`${m[1]}Z`);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${iso}`);
  return BigInt(ms) * 1000n + BigInt((m[2] ?? '').padEnd(6, '0'));
}

function id(v: Id | undefined): bigint | null {
  if (v === undefined) return null;
  if (typeof v === 'string') return BigInt(v.startsWith('0x') ? v : Number(v));
  return BigInt(v);
}

const SYSMON = { provider: 'Microsoft-Windows-Sysmon', channel: 'Microsoft-Windows-Sysmon/Operational' };
const SECURITY = { provider: 'Microsoft-Windows-Security-Auditing', channel: 'Security' };

export function winRow(input: WinInput, recordNo: number): WinEventRow {
  const sysmonIds = new Set([1, 3, 5, 11, 12, 13]);
  const origin = sysmonIds.has(input.eventId) ? SYSMON : SECURITY;
  return {
    recordNo,
    recordId: id(input.recordId) ?? BigInt(recordNo),
    ts: micros(input.ts),
    host: input.host ?? 'WS01',
    channel: input.channel ?? origin.channel,
    provider: input.provider ?? origin.provider,
    eventId: input.eventId,
    version: input.version ?? null,
    level: null,
    task: null,
    keywords: null,
    execPid: id(input.execPid),
    userSid: input.userSid ?? null,
    subjectUser: input.subjectUser ?? null,
    subjectDomain: input.subjectDomain ?? null,
    subjectSid: input.subjectSid ?? null,
    subjectLogonId: id(input.subjectLogonId),
    targetUser: input.targetUser ?? null,
    targetDomain: input.targetDomain ?? null,
    targetSid: input.targetSid ?? null,
    targetLogonId: id(input.targetLogonId),
    pid: id(input.pid),
    parentPid: id(input.parentPid),
    image: input.image ?? null,
    parentImage: input.parentImage ?? null,
    commandLine: input.commandLine ?? null,
    parentCommandLine: input.parentCommandLine ?? null,
    processGuid: input.processGuid ?? null,
    parentProcessGuid: input.parentProcessGuid ?? null,
    logonType: input.logonType ?? null,
    ip: input.ip ?? null,
    ipPort: null,
    workstation: input.workstation ?? null,
    status: input.status ?? null,
    subStatus: input.subStatus ?? null,
    failureCode: input.failureCode ?? null,
    callerPid: id(input.callerPid),
    callerImage: input.callerImage ?? null,
    logonProcess: input.logonProcess ?? null,
    authPackage: input.authPackage ?? null,
    memberName: input.memberName ?? null,
    memberSid: input.memberSid ?? null,
    objectType: input.objectType ?? null,
    objectName: input.objectName ?? null,
    scriptText: input.scriptText ?? null,
    data: input.data ?? {},
    xml: input.xml ?? `<Event><System><EventID>${input.eventId}</EventID></System></Event>`,
    recordOffset: null,
  };
}

export function signinRow(input: SigninInput, recordNo: number): SigninRow {
  return {
    recordNo,
    id: null,
    userPrincipalName: null,
    userDisplayName: null,
    userId: null,
    appDisplayName: null,
    appId: null,
    resourceDisplayName: null,
    ip: null,
    clientAppUsed: null,
    userAgent: null,
    errorCode: null,
    failureReason: null,
    isInteractive: true,
    signinKind: 'interactive',
    country: null,
    city: null,
    correlationId: null,
    conditionalAccessStatus: null,
    raw: '{}',
    ...input,
    ts: micros(input.ts),
  };
}

export function auditRow(input: AuditInput, recordNo: number): AuditRow {
  return {
    recordNo,
    id: null,
    category: 'UserManagement',
    activity: null,
    operationType: null,
    result: null,
    resultReason: null,
    loggedByService: null,
    initiatorUpn: null,
    initiatorIp: null,
    initiatorApp: null,
    targetUpns: [],
    correlationId: null,
    raw: '{}',
    ...input,
    ts: micros(input.ts),
  };
}

/** A case in memory; every `add*` call becomes one source file with its own hash. */
export class CaseBuilder {
  private nextSource = 1;
  private constructor(readonly db: CaseDb) {}

  static async create(): Promise<CaseBuilder> {
    return new CaseBuilder(await openCase(':memory:'));
  }

  get conn() {
    return this.db.conn;
  }

  /** Adds one source holding these rows (in this order: record_no 1, 2, …); returns its hash. */
  async add(
    name: string,
    rows: { win?: WinInput[]; signins?: SigninInput[]; audits?: AuditInput[] },
  ): Promise<string> {
    const sourceId = this.nextSource++;
    const sha256 = createHash('sha256').update(`${name}#${sourceId}`).digest('hex');
    const win = rows.win ?? [];
    const signins = rows.signins ?? [];
    const audits = rows.audits ?? [];
    const format = win.length > 0 ? 'windows-xml' : signins.length > 0 ? 'entra-signins' : 'entra-audits';
    await this.conn.run(
      `INSERT INTO sources VALUES ($id, $path, $name, 0, $sha, $format, NULL, $events, 0, 0, TIMESTAMP '2024-01-01', 0)`,
      {
        id: sourceId,
        path: `/cases/${name}`,
        name,
        sha: sha256,
        format,
        events: win.length + signins.length + audits.length,
      },
    );
    const appender = await CaseAppender.create(this.conn, sourceId);
    win.forEach((w, i) => appender.winEvent(winRow(w, i + 1)));
    signins.forEach((s, i) => appender.signin(signinRow(s, i + 1)));
    audits.forEach((a, i) => appender.audit(auditRow(a, i + 1)));
    appender.close();
    return sha256;
  }

  /** Rows of a query as JSON-safe objects. */
  async rows(sql: string, values?: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const reader = await this.conn.runAndReadAll(sql, values as never);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  close(): void {
    this.db.close();
  }
}
