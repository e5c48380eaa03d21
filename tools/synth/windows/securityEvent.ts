// The System block every Security-log event shares: provider, level 0, opcode 0, audit keywords, and
// lsass.exe as the writing process. Event-specific builders only supply id, version, task and data.
import {
  CHANNEL_SECURITY,
  KEYWORDS_AUDIT_FAILURE,
  KEYWORDS_AUDIT_SUCCESS,
  SECURITY_AUDITING,
} from './winEvent.js';
import type { DataField, WinEvent } from './winEvent.js';

/** Where and when an event is written; the host simulation fills it in. */
export interface EventCtx {
  computer: string;
  time: number;
  execPid: number;
  execTid: number;
}

/** Task (subcategory) numbers as the Security log writes them, with Event Viewer's names. */
export const TASKS = {
  logon: 12544,
  logoff: 12545,
  sam: 12803,
  processCreation: 13312,
  userAccountManagement: 13824,
  securityGroupManagement: 13826,
  credentialValidation: 14336,
  kerberosServiceTicket: 14337,
  kerberosAuthentication: 14339,
} as const;

export const TASK_NAMES: Record<number, string> = {
  12544: 'Logon',
  12545: 'Logoff',
  12803: 'SAM',
  13312: 'Process Creation',
  13824: 'User Account Management',
  13826: 'Security Group Management',
  14336: 'Credential Validation',
  14337: 'Kerberos Service Ticket Operations',
  14339: 'Kerberos Authentication Service',
  104: 'Log clear',
};

export interface SecurityEventSpec {
  eventId: number;
  version: number;
  task: number;
  data: readonly DataField[];
  failure?: boolean;
  activityId?: string;
}

export function securityEvent(ctx: EventCtx, spec: SecurityEventSpec): WinEvent {
  const ev: WinEvent = {
    time: ctx.time,
    computer: ctx.computer,
    provider: SECURITY_AUDITING,
    eventId: spec.eventId,
    version: spec.version,
    level: 0,
    task: spec.task,
    opcode: 0,
    keywords: spec.failure ? KEYWORDS_AUDIT_FAILURE : KEYWORDS_AUDIT_SUCCESS,
    channel: CHANNEL_SECURITY,
    execPid: ctx.execPid,
    execTid: ctx.execTid,
    eventData: spec.data,
    recordId: 0,
  };
  if (spec.activityId) ev.activityId = spec.activityId;
  return ev;
}
