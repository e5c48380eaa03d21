// Logon and logoff events: 4624 (version 2), 4625, 4634, 4647. Field order follows the Windows manifest.
import { securityEvent, TASKS } from './securityEvent.js';
import type { EventCtx } from './securityEvent.js';
import { hex32, hex64 } from './winEvent.js';
import type { Account, WinEvent } from './winEvent.js';

export interface LogonSuccess {
  subject: Account;
  subjectLogonId: number;
  target: Account;
  targetLogonId: number;
  logonType: number;
  /** Windows pads some of these with spaces ("User32 ", "Advapi  ", "NtLmSsp "): keep them. */
  logonProcess: string;
  authPackage: string;
  workstation: string;
  logonGuid: string;
  lmPackage: string;
  keyLength: number;
  processId: number;
  processName: string;
  ip: string;
  port: string;
  restrictedAdmin: string;
  virtualAccount: boolean;
  linkedLogonId: number;
  elevatedToken: boolean;
  activityId?: string;
}

export function logonSuccess4624(ctx: EventCtx, f: LogonSuccess): WinEvent {
  return securityEvent(ctx, {
    eventId: 4624,
    version: 2,
    task: TASKS.logon,
    activityId: f.activityId,
    data: [
      ['SubjectUserSid', f.subject.sid],
      ['SubjectUserName', f.subject.name],
      ['SubjectDomainName', f.subject.domain],
      ['SubjectLogonId', hex64(f.subjectLogonId)],
      ['TargetUserSid', f.target.sid],
      ['TargetUserName', f.target.name],
      ['TargetDomainName', f.target.domain],
      ['TargetLogonId', hex64(f.targetLogonId)],
      ['LogonType', String(f.logonType)],
      ['LogonProcessName', f.logonProcess],
      ['AuthenticationPackageName', f.authPackage],
      ['WorkstationName', f.workstation],
      ['LogonGuid', f.logonGuid],
      ['TransmittedServices', '-'],
      ['LmPackageName', f.lmPackage],
      ['KeyLength', String(f.keyLength)],
      ['ProcessId', hex64(f.processId)],
      ['ProcessName', f.processName],
      ['IpAddress', f.ip],
      ['IpPort', f.port],
      ['ImpersonationLevel', '%%1833'],
      ['RestrictedAdminMode', f.restrictedAdmin],
      ['TargetOutboundUserName', '-'],
      ['TargetOutboundDomainName', '-'],
      ['VirtualAccount', f.virtualAccount ? '%%1842' : '%%1843'],
      ['TargetLinkedLogonId', hex64(f.linkedLogonId)],
      ['ElevatedToken', f.elevatedToken ? '%%1842' : '%%1843'],
    ],
  });
}

/** NTSTATUS pairs a failed logon reports, and the FailureReason message id Windows puts beside them. */
export const LOGON_FAILURES = {
  noSuchUser: { status: 0xc000006d, subStatus: 0xc0000064, reason: '%%2313' },
  badPassword: { status: 0xc000006d, subStatus: 0xc000006a, reason: '%%2313' },
  disabled: { status: 0xc000006e, subStatus: 0xc0000072, reason: '%%2310' },
  locked: { status: 0xc0000234, subStatus: 0x0, reason: '%%2307' },
} as const;

export type LogonFailureKind = keyof typeof LOGON_FAILURES;

export interface LogonFailure {
  subject: Account;
  subjectLogonId: number;
  targetName: string;
  targetDomain: string;
  failure: LogonFailureKind;
  logonType: number;
  logonProcess: string;
  authPackage: string;
  workstation: string;
  processId: number;
  processName: string;
  ip: string;
  port: string;
}

export function logonFailure4625(ctx: EventCtx, f: LogonFailure): WinEvent {
  const code = LOGON_FAILURES[f.failure];
  return securityEvent(ctx, {
    eventId: 4625,
    version: 0,
    task: TASKS.logon,
    failure: true,
    data: [
      ['SubjectUserSid', f.subject.sid],
      ['SubjectUserName', f.subject.name],
      ['SubjectDomainName', f.subject.domain],
      ['SubjectLogonId', hex64(f.subjectLogonId)],
      ['TargetUserSid', 'S-1-0-0'],
      ['TargetUserName', f.targetName],
      ['TargetDomainName', f.targetDomain],
      ['Status', hex32(code.status)],
      ['FailureReason', code.reason],
      ['SubStatus', hex32(code.subStatus)],
      ['LogonType', String(f.logonType)],
      ['LogonProcessName', f.logonProcess],
      ['AuthenticationPackageName', f.authPackage],
      ['WorkstationName', f.workstation],
      ['TransmittedServices', '-'],
      ['LmPackageName', '-'],
      ['KeyLength', '0'],
      ['ProcessId', hex64(f.processId)],
      ['ProcessName', f.processName],
      ['IpAddress', f.ip],
      ['IpPort', f.port],
    ],
  });
}

export function logoff4634(ctx: EventCtx, target: Account, logonId: number, logonType: number): WinEvent {
  return securityEvent(ctx, {
    eventId: 4634,
    version: 0,
    task: TASKS.logoff,
    data: [
      ['TargetUserSid', target.sid],
      ['TargetUserName', target.name],
      ['TargetDomainName', target.domain],
      ['TargetLogonId', hex64(logonId)],
      ['LogonType', String(logonType)],
    ],
  });
}

export function userLogoff4647(ctx: EventCtx, target: Account, logonId: number): WinEvent {
  return securityEvent(ctx, {
    eventId: 4647,
    version: 0,
    task: TASKS.logoff,
    data: [
      ['TargetUserSid', target.sid],
      ['TargetUserName', target.name],
      ['TargetDomainName', target.domain],
      ['TargetLogonId', hex64(logonId)],
    ],
  });
}
