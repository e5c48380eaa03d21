// The normalized rows every reader produces and the case store loads.
// Readers own parsing; the store owns SQL. This file is the contract between them.

/** Microseconds since 1970-01-01T00:00:00Z, UTC. */
export type MicrosUtc = bigint;

export type InputFormat =
  | 'windows-evtx' // a binary Windows event log, read natively
  | 'windows-xml' // any Windows event XML flavour: wevtutil, Event Viewer, PowerShell, evtx_dump
  | 'entra-signins'
  | 'entra-audits'
  | 'entra-mixed'; // one file holding both sign-ins and audits (diagnostic settings output)

/** Which flavour of a format a file turned out to be; informational, shown in the summary. */
export type FormatVariant =
  | 'evtx'
  | 'wevtutil'
  | 'event-viewer'
  | 'powershell-lines'
  | 'python-evtx'
  | 'rust-evtx-dump'
  | 'graph'
  | 'log-analytics'
  | 'log-analytics-query-api'
  | 'diagnostic-settings'
  | 'json-lines';

export interface ReadError {
  message: string;
  /** Byte offset in the file where the bad record or construct starts. */
  offset?: number;
  /** 1-based ordinal of the record in the file (not EventRecordID). */
  record?: number;
}

export interface WinEventRow {
  recordNo: number; // 1-based ordinal of the event in its file
  recordId: bigint | null; // System/EventRecordID
  ts: MicrosUtc | null; // System/TimeCreated/@SystemTime
  host: string | null; // System/Computer
  channel: string | null;
  provider: string | null; // Provider/@Name
  eventId: number | null;
  version: number | null;
  level: number | null;
  task: number | null;
  keywords: string | null;
  execPid: bigint | null; // System/Execution/@ProcessID
  userSid: string | null; // System/Security/@UserID
  subjectUser: string | null;
  subjectDomain: string | null;
  subjectSid: string | null;
  subjectLogonId: bigint | null;
  targetUser: string | null;
  targetDomain: string | null;
  targetSid: string | null;
  targetLogonId: bigint | null;
  pid: bigint | null; // 4688 NewProcessId (hex), Sysmon ProcessId (decimal)
  parentPid: bigint | null; // 4688 ProcessId, Sysmon ParentProcessId
  image: string | null; // 4688 NewProcessName, Sysmon Image
  parentImage: string | null; // 4688 v2 ParentProcessName, Sysmon ParentImage
  commandLine: string | null;
  parentCommandLine: string | null;
  processGuid: string | null; // Sysmon ProcessGuid, lower-case, braces kept
  parentProcessGuid: string | null;
  logonType: number | null;
  ip: string | null; // IpAddress / SourceNetworkAddress / Client Address, '::ffff:' stripped, '-' -> null
  ipPort: number | null;
  workstation: string | null; // WorkstationName / Workstation
  status: string | null; // canonical hex: '0xc000006d' (lower case, no leading zeros)
  subStatus: string | null;
  failureCode: string | null; // 4771 FailureCode, canonical hex
  callerPid: bigint | null; // 4798/4799 CallerProcessId
  callerImage: string | null; // CallerProcessName
  logonProcess: string | null;
  authPackage: string | null;
  memberName: string | null; // 4728/4732/4756 MemberName
  memberSid: string | null;
  objectType: string | null; // 4661 ObjectType
  objectName: string | null; // 4661 ObjectName, Sysmon 11 TargetFilename
  scriptText: string | null; // 4104 ScriptBlockText
  /** Every EventData/UserData value not mapped above, by name; unnamed Data as Data1, Data2, ... */
  data: Record<string, string>;
  /**
   * The event's own XML text, exactly as in the file (decoded); null for an event read from an .evtx
   * file, whose XML is rendered from the file when asked for (see recordOffset).
   */
  xml: string | null;
  /** Byte offset of the event's record in its .evtx file; null for the text formats. */
  recordOffset: number | null;
  /**
   * The same text as UTF-8 bytes, when the reader has them at hand and has checked that no control
   * character but tab, LF and CR occurs anywhere in the event, so in none of the values above either.
   * The segment writer then copies these bytes instead of checking and encoding every field.
   */
  xmlUtf8?: Buffer;
  /**
   * Set by a reader that has checked that no value of the event holds a control character but tab, LF
   * and CR, where there is no XML to vouch for them (an .evtx event): the segment writer then joins the
   * fields without checking each one.
   */
  plainText?: true;
}

export interface SigninRow {
  recordNo: number;
  ts: MicrosUtc | null; // createdDateTime / CreatedDateTime / TimeGenerated / time
  id: string | null;
  userPrincipalName: string | null;
  userDisplayName: string | null;
  userId: string | null;
  appDisplayName: string | null;
  appId: string | null;
  resourceDisplayName: string | null;
  ip: string | null;
  clientAppUsed: string | null;
  userAgent: string | null;
  errorCode: number | null; // status.errorCode / ResultType (string there) / resultType
  failureReason: string | null;
  isInteractive: boolean | null;
  /** 'interactive' | 'noninteractive' | 'serviceprincipal' | 'managedidentity' when known. */
  signinKind: string | null;
  country: string | null;
  city: string | null;
  correlationId: string | null;
  conditionalAccessStatus: string | null;
  /** The record as JSON text, nested JSON-in-strings left as they were. */
  raw: string;
}

export interface AuditRow {
  recordNo: number;
  ts: MicrosUtc | null; // activityDateTime / TimeGenerated / time
  id: string | null;
  category: string | null;
  activity: string | null; // activityDisplayName / ActivityDisplayName / OperationName
  operationType: string | null;
  result: string | null; // lower-case: success | failure | timeout
  resultReason: string | null;
  loggedByService: string | null;
  initiatorUpn: string | null;
  initiatorIp: string | null;
  initiatorApp: string | null;
  targetUpns: string[]; // userPrincipalName (or displayName) of each User target
  correlationId: string | null;
  raw: string;
}

export type ReadRow =
  { kind: 'win'; row: WinEventRow } | { kind: 'signin'; row: SigninRow } | { kind: 'audit'; row: AuditRow };
