// Process creation as the two sensors report it: Security 4688 version 2 (hex pids, creator subject,
// parent image name) and Sysmon 1 (decimal pids, process GUIDs, full parent command line), plus the
// Sysmon 3 and 11 events that hang off a process.
import { securityEvent, TASKS } from './securityEvent.js';
import type { EventCtx } from './securityEvent.js';
import { imageHashes, imageInfo } from './imageCatalog.js';
import { CHANNEL_SYSMON, hex64, SYSMON } from './winEvent.js';
import type { Account, DataField, WinEvent } from './winEvent.js';
import { sysmonUtcTime } from '../timeFormat.js';

export type Integrity = 'Low' | 'Medium' | 'High' | 'System';

const MANDATORY_LABEL: Record<Integrity, string> = {
  Low: 'S-1-16-4096',
  Medium: 'S-1-16-8192',
  High: 'S-1-16-12288',
  System: 'S-1-16-16384',
};

/** %%1936 full token (no UAC split), %%1937 elevated, %%1938 limited. */
export type ElevationType = '%%1936' | '%%1937' | '%%1938';

/** What both sensors need to know about one running process. */
export interface ProcessInfo {
  pid: number;
  guid: string;
  image: string;
  commandLine: string;
  currentDirectory: string;
  user: Account;
  logonId: number;
  logonGuid: string;
  terminalSession: number;
  integrity: Integrity;
  elevation: ElevationType;
  start: number;
}

/** The 4688 "creator subject": the account that called CreateProcess, which is not always the new user. */
export interface Creator {
  account: Account;
  logonId: number;
}

export function processCreated4688(
  ctx: EventCtx,
  creator: Creator,
  child: ProcessInfo,
  parent: { pid: number; image: string },
): WinEvent {
  const sameUser = creator.logonId === child.logonId;
  return securityEvent(ctx, {
    eventId: 4688,
    version: 2,
    task: TASKS.processCreation,
    data: [
      ['SubjectUserSid', creator.account.sid],
      ['SubjectUserName', creator.account.name],
      ['SubjectDomainName', creator.account.domain],
      ['SubjectLogonId', hex64(creator.logonId)],
      ['NewProcessId', hex64(child.pid)],
      ['NewProcessName', child.image],
      ['TokenElevationType', child.elevation],
      ['ProcessId', hex64(parent.pid)],
      ['CommandLine', child.commandLine],
      // Windows fills the target only when the new process runs as someone other than its creator.
      ['TargetUserSid', sameUser ? 'S-1-0-0' : child.user.sid],
      ['TargetUserName', sameUser ? '-' : child.user.name],
      ['TargetDomainName', sameUser ? '-' : child.user.domain],
      ['TargetLogonId', hex64(sameUser ? 0 : child.logonId)],
      ['ParentProcessName', parent.image],
      ['MandatoryLabel', MANDATORY_LABEL[child.integrity]],
    ],
  });
}

function sysmonEvent(ctx: EventCtx, eventId: number, version: number, data: readonly DataField[]): WinEvent {
  return {
    time: ctx.time,
    computer: ctx.computer,
    provider: SYSMON,
    eventId,
    version,
    level: 4,
    task: eventId,
    opcode: 0,
    keywords: '0x8000000000000000',
    channel: CHANNEL_SYSMON,
    execPid: ctx.execPid,
    execTid: ctx.execTid,
    userSid: 'S-1-5-18',
    eventData: data,
    recordId: 0,
  };
}

function qualifiedUser(a: Account): string {
  return `${a.domain}\\${a.name}`;
}

/** Sysmon 1 (schema 4.90, event version 5). Parent fields are "-" when the parent is unknown to Sysmon. */
export function sysmonProcessCreate(ctx: EventCtx, child: ProcessInfo, parent: ProcessInfo): WinEvent {
  const info = imageInfo(child.image);
  return sysmonEvent(ctx, 1, 5, [
    ['RuleName', '-'],
    ['UtcTime', sysmonUtcTime(child.start)],
    ['ProcessGuid', child.guid],
    ['ProcessId', String(child.pid)],
    ['Image', child.image],
    ['FileVersion', info.fileVersion],
    ['Description', info.description],
    ['Product', info.product],
    ['Company', info.company],
    ['OriginalFileName', info.originalFileName],
    ['CommandLine', child.commandLine],
    ['CurrentDirectory', child.currentDirectory],
    ['User', qualifiedUser(child.user)],
    ['LogonGuid', child.logonGuid],
    ['LogonId', hex64(child.logonId)],
    ['TerminalSessionId', String(child.terminalSession)],
    ['IntegrityLevel', child.integrity],
    ['Hashes', imageHashes(child.image)],
    ['ParentProcessGuid', parent.guid],
    ['ParentProcessId', String(parent.pid)],
    ['ParentImage', parent.image],
    ['ParentCommandLine', parent.commandLine],
    ['ParentUser', qualifiedUser(parent.user)],
  ]);
}

/** Sysmon 11: a file was created. */
export function sysmonFileCreate(ctx: EventCtx, proc: ProcessInfo, targetFilename: string, created: number) {
  return sysmonEvent(ctx, 11, 2, [
    ['RuleName', '-'],
    ['UtcTime', sysmonUtcTime(ctx.time - 2_000)],
    ['ProcessGuid', proc.guid],
    ['ProcessId', String(proc.pid)],
    ['Image', proc.image],
    ['TargetFilename', targetFilename],
    ['CreationUtcTime', sysmonUtcTime(created)],
    ['User', qualifiedUser(proc.user)],
  ]);
}

export interface Connection {
  sourceIp: string;
  sourceHostname: string;
  sourcePort: number;
  destinationIp: string;
  destinationHostname: string;
  destinationPort: number;
  destinationPortName: string;
}

/** Sysmon 3: an outbound TCP connection. */
export function sysmonNetworkConnect(ctx: EventCtx, proc: ProcessInfo, c: Connection): WinEvent {
  return sysmonEvent(ctx, 3, 5, [
    ['RuleName', '-'],
    ['UtcTime', sysmonUtcTime(ctx.time - 400_000)],
    ['ProcessGuid', proc.guid],
    ['ProcessId', String(proc.pid)],
    ['Image', proc.image],
    ['User', qualifiedUser(proc.user)],
    ['Protocol', 'tcp'],
    ['Initiated', 'true'],
    ['SourceIsIpv6', 'false'],
    ['SourceIp', c.sourceIp],
    ['SourceHostname', c.sourceHostname],
    ['SourcePort', String(c.sourcePort)],
    ['SourcePortName', '-'],
    ['DestinationIsIpv6', 'false'],
    ['DestinationIp', c.destinationIp],
    ['DestinationHostname', c.destinationHostname],
    ['DestinationPort', String(c.destinationPort)],
    ['DestinationPortName', c.destinationPortName],
  ]);
}
