// Turns an extracted event into the row the case store loads.
// `data` holds every payload value that did not move into a column (see commonFields.ts): named Data by
// name, unnamed Data as Data1, Data2, ... in order, `<Binary>` as Binary, UserData leaves by path. A name
// seen twice keeps both values, the second as `Name#2`. `data` has no prototype, so a value named
// `__proto__` or `constructor` is just a value (and `data.hasOwnProperty` does not exist: use `Object.hasOwn`).
import type { WinEventRow } from '../../rowContract.js';
import { mapPayload } from './commonFields.js';
import type { ExtractedEvent } from './extractedEvent.js';
import { toBigIntId, toCanonicalHex, toSmallInt } from './fieldValues.js';
import { parseSystemTime } from './systemTime.js';

export function toWinEventRow(
  event: ExtractedEvent,
  recordNo: number,
  xml: string | null,
  recordOffset: number | null = null,
): WinEventRow {
  const sys = event.system;
  const row: WinEventRow = {
    recordNo,
    recordId: orNull(sys.recordId, toBigIntId),
    ts: event.ts !== undefined ? event.ts : parseSystemTime(sys.systemTime),
    host: trimmed(sys.computer),
    channel: trimmed(sys.channel),
    provider: trimmed(sys.provider),
    eventId: orNull(sys.eventId, toSmallInt),
    version: orNull(sys.version, toSmallInt),
    level: orNull(sys.level, toSmallInt),
    task: orNull(sys.task, toSmallInt),
    keywords: sys.keywords === null ? null : (toCanonicalHex(sys.keywords) ?? trimmed(sys.keywords)),
    execPid: orNull(sys.processId, toBigIntId),
    userSid: trimmed(sys.userId),
    subjectUser: null,
    subjectDomain: null,
    subjectSid: null,
    subjectLogonId: null,
    targetUser: null,
    targetDomain: null,
    targetSid: null,
    targetLogonId: null,
    pid: null,
    parentPid: null,
    image: null,
    parentImage: null,
    commandLine: null,
    parentCommandLine: null,
    processGuid: null,
    parentProcessGuid: null,
    logonType: null,
    ip: null,
    ipPort: null,
    workstation: null,
    status: null,
    subStatus: null,
    failureCode: null,
    callerPid: null,
    callerImage: null,
    logonProcess: null,
    authPackage: null,
    memberName: null,
    memberSid: null,
    objectType: null,
    objectName: null,
    scriptText: null,
    data: Object.create(null) as Record<string, string>,
    recordOffset,
    xml,
  };
  mapPayload(row, event.names, event.values);
  return row;
}

function trimmed(text: string | null): string | null {
  const t = text?.trim();
  return t === undefined || t === '' ? null : t;
}

function orNull<T>(text: string | null, convert: (text: string) => T | null | undefined): T | null {
  return text === null ? null : (convert(text) ?? null);
}
