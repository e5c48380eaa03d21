// Events outside Security auditing that the product reads: log clears (Security 1102, System 104),
// PowerShell script blocks (4104) and Service Control Manager state changes (7036, which carries <Binary>).
import type { EventCtx } from './securityEvent.js';
import {
  CHANNEL_POWERSHELL,
  CHANNEL_SECURITY,
  CHANNEL_SYSTEM,
  EVENTLOG,
  hex64,
  POWERSHELL,
  SERVICE_CONTROL_MANAGER,
} from './winEvent.js';
import type { Account, WinEvent } from './winEvent.js';

const EVENTLOG_MANIFEST_NS = 'http://manifests.microsoft.com/win/2004/08/windows/eventlog';

/** 1102: the Security log was cleared. Written by the Eventlog service into the cleared log itself. */
export function securityLogCleared1102(ctx: EventCtx, who: Account, logonId: number): WinEvent {
  return {
    time: ctx.time,
    computer: ctx.computer,
    provider: EVENTLOG,
    eventId: 1102,
    version: 0,
    level: 4,
    task: 104,
    opcode: 0,
    keywords: '0x4020000000000000',
    channel: CHANNEL_SECURITY,
    execPid: ctx.execPid,
    execTid: ctx.execTid,
    userData: {
      element: 'LogFileCleared',
      xmlns: EVENTLOG_MANIFEST_NS,
      fields: [
        ['SubjectUserSid', who.sid],
        ['SubjectUserName', who.name],
        ['SubjectDomainName', who.domain],
        ['SubjectLogonId', hex64(logonId)],
      ],
    },
    recordId: 0,
  };
}

/** 104 in the System log: another log (named in Channel) was cleared. */
export function logCleared104(ctx: EventCtx, who: Account, clearedChannel: string): WinEvent {
  return {
    time: ctx.time,
    computer: ctx.computer,
    provider: EVENTLOG,
    eventId: 104,
    version: 0,
    level: 4,
    task: 104,
    opcode: 0,
    keywords: '0x8000000000000000',
    channel: CHANNEL_SYSTEM,
    execPid: ctx.execPid,
    execTid: ctx.execTid,
    userSid: who.sid,
    userData: {
      element: 'LogFileCleared',
      xmlns: EVENTLOG_MANIFEST_NS,
      fields: [
        ['SubjectUserName', who.name],
        ['SubjectDomainName', who.domain],
        ['Channel', clearedChannel],
        ['BackupPath', ''],
      ],
    },
    recordId: 0,
  };
}

export interface ScriptBlock {
  text: string;
  scriptBlockId: string;
  path: string;
  messageNumber?: number;
  messageTotal?: number;
  /** PowerShell logs blocks it finds suspicious at Warning (3) even without block logging enabled. */
  warning?: boolean;
}

/** 4104: PowerShell script block logging. */
export function scriptBlockLogged4104(ctx: EventCtx, userSid: string, block: ScriptBlock): WinEvent {
  return {
    time: ctx.time,
    computer: ctx.computer,
    provider: POWERSHELL,
    eventId: 4104,
    version: 1,
    level: block.warning ? 3 : 5,
    task: 2,
    opcode: 15,
    keywords: '0x0',
    channel: CHANNEL_POWERSHELL,
    execPid: ctx.execPid,
    execTid: ctx.execTid,
    userSid,
    activityId: `{${block.scriptBlockId}}`,
    eventData: [
      ['MessageNumber', String(block.messageNumber ?? 1)],
      ['MessageTotal', String(block.messageTotal ?? 1)],
      ['ScriptBlockText', block.text],
      ['ScriptBlockId', block.scriptBlockId],
      ['Path', block.path],
    ],
    recordId: 0,
  };
}

/** The <Binary> of 7036 is the service's key name and state as UTF-16LE hex ("wuauserv/4"). */
function serviceBinary(serviceKey: string, state: 'running' | 'stopped'): string {
  const text = `${serviceKey}/${state === 'running' ? 4 : 1}\u0000`;
  return Buffer.from(text, 'utf16le').toString('hex').toUpperCase();
}

/** 7036: a service entered the running or stopped state. */
export function serviceStateChanged7036(
  ctx: EventCtx,
  displayName: string,
  serviceKey: string,
  state: 'running' | 'stopped',
): WinEvent {
  return {
    time: ctx.time,
    computer: ctx.computer,
    provider: SERVICE_CONTROL_MANAGER,
    eventId: 7036,
    qualifiers: 16384,
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: '0x8080000000000000',
    channel: CHANNEL_SYSTEM,
    execPid: ctx.execPid,
    execTid: ctx.execTid,
    eventData: [
      ['param1', displayName],
      ['param2', state],
    ],
    binary: serviceBinary(serviceKey, state),
    recordId: 0,
  };
}
