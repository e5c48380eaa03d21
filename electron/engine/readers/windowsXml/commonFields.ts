// Which payload values become typed columns. The analytics query these columns, so the names here follow
// the Windows and Sysmon schemas exactly. A value that lands in a column is not repeated in `data`; a
// value that is present but does not convert (a pid that is not a number), or that loses to a better
// source for the same column, stays in `data` under its own name, so nothing in the event is lost.
import type { WinEventRow } from '../../rowContract.js';
import {
  splitDomainUser,
  toBigIntId,
  toCanonicalHex,
  toGuid,
  toIp,
  toSmallInt,
  toText,
} from './fieldValues.js';

type MappedColumn = Exclude<keyof WinEventRow, 'recordNo' | 'data' | 'xml'>;
type Rule = {
  [K in MappedColumn]: readonly [
    field: string,
    column: K,
    convert: (text: string) => WinEventRow[K] | undefined,
  ];
}[MappedColumn];

/** Names that mean the same thing in every provider that uses them. */
const ANY_PROVIDER: readonly Rule[] = [
  ['SubjectUserName', 'subjectUser', toText],
  ['SubjectDomainName', 'subjectDomain', toText],
  ['SubjectUserSid', 'subjectSid', toText],
  ['SubjectLogonId', 'subjectLogonId', toBigIntId],
  ['TargetUserName', 'targetUser', toText],
  ['TargetDomainName', 'targetDomain', toText],
  // 4624 and friends say TargetUserSid, account management (4720, 4798, ...) says TargetSid.
  ['TargetUserSid', 'targetSid', toText],
  ['TargetSid', 'targetSid', toText],
  ['TargetLogonId', 'targetLogonId', toBigIntId],
  ['LogonType', 'logonType', toSmallInt],
  ['IpAddress', 'ip', toIp],
  ['SourceNetworkAddress', 'ip', toIp],
  ['ClientAddress', 'ip', toIp],
  ['IpPort', 'ipPort', toSmallInt],
  ['WorkstationName', 'workstation', toText],
  ['Workstation', 'workstation', toText], // 4776
  ['Status', 'status', toCanonicalHex],
  ['SubStatus', 'subStatus', toCanonicalHex],
  ['FailureCode', 'failureCode', toCanonicalHex], // 4771
  ['CallerProcessId', 'callerPid', toBigIntId], // 4798/4799
  ['CallerProcessName', 'callerImage', toText],
  ['LogonProcessName', 'logonProcess', toText],
  ['AuthenticationPackageName', 'authPackage', toText],
  ['MemberName', 'memberName', toText], // 4728/4732/4756: the target is the group
  ['MemberSid', 'memberSid', toText],
  ['ObjectType', 'objectType', toText], // 4661
  ['ObjectName', 'objectName', toText],
  ['ScriptBlockText', 'scriptText', toText], // PowerShell 4104
  ['CommandLine', 'commandLine', toText],
];

/** Security 4688: ProcessId is the creator, so it is the parent here (unlike every other Security event). */
const SECURITY_PROCESS_CREATION: readonly Rule[] = [
  ['NewProcessId', 'pid', toBigIntId],
  ['ProcessId', 'parentPid', toBigIntId],
  ['NewProcessName', 'image', toText],
  ['ParentProcessName', 'parentImage', toText],
];

/**
 * 4771: the "Failure Code" of the rendered message is the Data named Status in the XML (as in the real
 * recordings); a FailureCode name is accepted too. It goes to failureCode, never to status.
 */
const KERBEROS_PREAUTH_FAILURE: readonly Rule[] = [
  ['Status', 'failureCode', toCanonicalHex],
  ['FailureCode', 'failureCode', toCanonicalHex],
];

/** Sysmon writes pids in decimal and names the process the event is about ProcessId/Image. */
const SYSMON: readonly Rule[] = [
  ['ProcessId', 'pid', toBigIntId],
  ['ParentProcessId', 'parentPid', toBigIntId],
  ['Image', 'image', toText],
  ['ParentImage', 'parentImage', toText],
  ['ParentCommandLine', 'parentCommandLine', toText],
  ['ProcessGuid', 'processGuid', toGuid],
  ['ParentProcessGuid', 'parentProcessGuid', toGuid],
  ['LogonId', 'subjectLogonId', toBigIntId],
  ['TargetFilename', 'objectName', toText], // 11 (and the other file events)
];

const SECURITY_AUDITING = 'Microsoft-Windows-Security-Auditing';
const SYSMON_PROVIDER = 'Microsoft-Windows-Sysmon';

interface FieldRule {
  column: MappedColumn;
  /** Column number, for the per-event bookkeeping below. */
  slot: number;
  convert: (text: string) => unknown;
  /** Lower wins when two fields of one event feed the same column (TargetUserSid over TargetSid). */
  rank: number;
}

const SLOTS = new Map<MappedColumn, number>();

/** One lookup table per kind of event: the specific rules first, so they outrank the general ones. */
function ruleTable(...lists: (readonly Rule[])[]): Map<string, FieldRule> {
  const table = new Map<string, FieldRule>();
  for (const [field, column, convert] of lists.flat()) {
    if (table.has(field)) continue;
    if (!SLOTS.has(column)) SLOTS.set(column, SLOTS.size);
    table.set(field, { column, slot: SLOTS.get(column)!, convert, rank: table.size });
  }
  return table;
}

const SYSMON_TABLE = ruleTable(SYSMON, ANY_PROVIDER);
const PROCESS_CREATION_TABLE = ruleTable(SECURITY_PROCESS_CREATION, ANY_PROVIDER);
const PREAUTH_FAILURE_TABLE = ruleTable(KERBEROS_PREAUTH_FAILURE, ANY_PROVIDER);
const DEFAULT_TABLE = ruleTable(ANY_PROVIDER);

// Which field filled each column of the event being mapped. Mapping is synchronous and never re-entered,
// so one set of arrays, told apart by a stamp per event, saves allocating them for every event.
let stamp = 0;
const holderStamp = new Int32Array(SLOTS.size);
const holderRank = new Int32Array(SLOTS.size);
const holderName: string[] = [];
const holderText: string[] = [];

/**
 * Moves the common payload values into their columns and everything else into `row.data`, in one pass.
 * Unnamed Data become Data1, Data2, ...; a name seen twice keeps both values, the later as `Name#2`.
 */
export function mapPayload(
  row: WinEventRow,
  names: readonly (string | null)[],
  values: readonly string[],
): void {
  const isSysmon = row.provider === SYSMON_PROVIDER || row.channel === `${SYSMON_PROVIDER}/Operational`;
  const table = isSysmon ? SYSMON_TABLE : isSecurity(row) ? securityTable(row.eventId) : DEFAULT_TABLE;
  if (++stamp === 0x7fffffff) {
    stamp = 1;
    holderStamp.fill(0);
  }
  const columns = row as unknown as Record<MappedColumn, unknown>;
  let unnamed = 0;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? `Data${++unnamed}`;
    const text = values[i]!;
    if (isSysmon && name === 'User' && row.subjectUser === null && row.subjectDomain === null) {
      [row.subjectDomain, row.subjectUser] = splitDomainUser(text);
      continue;
    }
    const rule = table.get(name);
    if (rule === undefined) {
      addData(row.data, name, text);
      continue;
    }
    const held = holderStamp[rule.slot] === stamp;
    if (held && holderRank[rule.slot]! <= rule.rank) {
      addData(row.data, name, text); // the column already has a better (or earlier) source
      continue;
    }
    const value = rule.convert(text);
    if (value === undefined) {
      addData(row.data, name, text); // present but not convertible: keep it visible
      continue;
    }
    if (held) addData(row.data, holderName[rule.slot]!, holderText[rule.slot]!);
    columns[rule.column] = value;
    holderStamp[rule.slot] = stamp;
    holderRank[rule.slot] = rule.rank;
    holderName[rule.slot] = name;
    holderText[rule.slot] = text;
  }
}

function isSecurity(row: WinEventRow): boolean {
  return row.provider === SECURITY_AUDITING || (row.provider === null && row.channel === 'Security');
}

function securityTable(eventId: number | null): Map<string, FieldRule> {
  switch (eventId) {
    case 4688:
      return PROCESS_CREATION_TABLE;
    case 4771:
      return PREAUTH_FAILURE_TABLE;
    default:
      return DEFAULT_TABLE;
  }
}

function addData(data: Record<string, string>, name: string, text: string): void {
  if (data[name] === undefined) {
    data[name] = text;
    return;
  }
  let n = 2;
  while (data[`${name}#${n}`] !== undefined) n++;
  data[`${name}#${n}`] = text;
}
