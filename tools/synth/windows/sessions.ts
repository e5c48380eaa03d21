// Logon sessions: 4624 with the fields each logon type really carries, the linked elevated/limited
// pair that UAC creates for administrators, and the matching 4647/4634 at the end.
import { logoff4634, logonSuccess4624, userLogoff4647 } from './logonEvents.js';
import type { LogonSuccess } from './logonEvents.js';
import type { HostSim } from './hostSim.js';
import { SYSTEM_ACCOUNT, SYSTEM_LOGON_ID } from './winEvent.js';
import type { Account } from './winEvent.js';

export type LogonType = 2 | 3 | 4 | 5 | 7 | 10 | 11;

export interface Session {
  user: Account;
  logonType: LogonType;
  /** The session ordinary processes run in (the limited token for UAC administrators). */
  logonId: number;
  logonGuid: string;
  /** The full-token session of a UAC administrator; elevated processes run in it. */
  elevatedLogonId?: number;
  elevatedLogonGuid?: string;
  terminalSession: number;
  ip: string;
  start: number;
}

export interface LogonRequest {
  user: Account;
  type: LogonType;
  ip?: string;
  workstation?: string;
  /** Network logons: Kerberos unless NTLM is asked for (NTLM names the client workstation). */
  auth?: 'Kerberos' | 'NTLM';
  /** A member of the local Administrators group with UAC: two linked 4624s. */
  uacAdmin?: boolean;
  terminalSession?: number;
  /** The process that asked for the logon (winlogon of the session, Task Scheduler...). */
  processId?: number;
  processName?: string;
  isDomainAccount?: boolean;
}

const ZERO_GUID = '{00000000-0000-0000-0000-000000000000}';

function logonShape(
  host: HostSim,
  req: LogonRequest,
): Omit<LogonSuccess, 'targetLogonId' | 'linkedLogonId' | 'elevatedToken' | 'target'> {
  const machine = { account: host.machineAccount, logonId: SYSTEM_LOGON_ID };
  const domainGuid = req.isDomainAccount === false ? ZERO_GUID : `{${host.rng.guid()}}`;
  const base = {
    subject: machine.account,
    subjectLogonId: machine.logonId,
    logonGuid: domainGuid,
    lmPackage: '-',
    keyLength: 0,
    restrictedAdmin: '-',
    virtualAccount: false,
    activityId: `{${host.rng.guid().toUpperCase()}}`,
  };
  switch (req.type) {
    case 3: {
      const nullSubject = { subject: { sid: 'S-1-0-0', name: '-', domain: '-' }, subjectLogonId: 0 };
      const port = String(host.rng.int(49152, 65000));
      if (req.auth === 'NTLM') {
        return {
          ...base,
          ...nullSubject,
          logonType: 3,
          logonProcess: 'NtLmSsp ',
          authPackage: 'NTLM',
          workstation: req.workstation ?? '-',
          logonGuid: ZERO_GUID,
          lmPackage: 'NTLM V2',
          keyLength: 128,
          processId: 0,
          processName: '-',
          ip: req.ip ?? '-',
          port,
        };
      }
      return {
        ...base,
        ...nullSubject,
        logonType: 3,
        logonProcess: 'Kerberos',
        authPackage: 'Kerberos',
        workstation: '-',
        processId: 0,
        processName: '-',
        ip: req.ip ?? '-',
        port,
      };
    }
    case 4:
    case 5:
      return {
        ...base,
        logonType: req.type,
        logonProcess: 'Advapi  ',
        authPackage: 'Negotiate',
        workstation: '-',
        logonGuid: req.type === 5 ? ZERO_GUID : domainGuid,
        processId: req.processId ?? host.boot.services.pid,
        processName: req.processName ?? host.boot.services.image,
        ip: '-',
        port: '-',
      };
    default: {
      const remote = req.type === 10;
      return {
        ...base,
        logonType: req.type,
        logonProcess: 'User32 ',
        authPackage: 'Negotiate',
        workstation: host.name,
        processId: req.processId ?? host.boot.winlogon.pid,
        processName: req.processName ?? host.boot.winlogon.image,
        ip: req.ip ?? '127.0.0.1',
        port: '0',
        restrictedAdmin: remote ? '%%1843' : '-',
      };
    }
  }
}

/** Writes the 4624 (or the UAC pair) and returns the session. */
export function logOn(host: HostSim, t: number, req: LogonRequest): Session {
  const shape = logonShape(host, req);
  const logonId = host.allocateLogonId();
  const session: Session = {
    user: req.user,
    logonType: req.type,
    logonId,
    logonGuid: host.logonGuid(logonId, t),
    terminalSession: req.terminalSession ?? (req.type === 2 || req.type === 7 || req.type === 11 ? 1 : 0),
    ip: shape.ip,
    start: t,
  };
  if (req.uacAdmin) {
    const elevated = host.allocateLogonId();
    session.elevatedLogonId = elevated;
    session.elevatedLogonGuid = host.logonGuid(elevated, t);
    host.emit(
      logonSuccess4624(host.securityCtx(t), {
        ...shape,
        target: req.user,
        targetLogonId: elevated,
        linkedLogonId: logonId,
        elevatedToken: true,
      }),
    );
    host.emit(
      logonSuccess4624(host.securityCtx(t + 40), {
        ...shape,
        target: req.user,
        targetLogonId: logonId,
        linkedLogonId: elevated,
        elevatedToken: false,
      }),
    );
  } else {
    const elevatedToken = req.type === 4 || req.type === 5 || req.user.sid === SYSTEM_ACCOUNT.sid;
    host.emit(
      logonSuccess4624(host.securityCtx(t), {
        ...shape,
        target: req.user,
        targetLogonId: logonId,
        linkedLogonId: 0,
        elevatedToken,
      }),
    );
  }
  return session;
}

/** A service logon as SYSTEM (type 5), the most common 4624 on any host. */
export function serviceLogon(host: HostSim, t: number): void {
  const shape = logonShape(host, { user: SYSTEM_ACCOUNT, type: 5 });
  host.emit(
    logonSuccess4624(host.securityCtx(t), {
      ...shape,
      target: SYSTEM_ACCOUNT,
      targetLogonId: SYSTEM_LOGON_ID,
      linkedLogonId: 0,
      elevatedToken: true,
    }),
  );
}

/** Ends a session: 4647 when the user signs out interactively, then 4634 for each linked logon id. */
export function logOff(host: HostSim, t: number, session: Session, userInitiated: boolean): void {
  if (userInitiated) host.emit(userLogoff4647(host.securityCtx(t), session.user, session.logonId));
  host.emit(logoff4634(host.securityCtx(t + 900_000), session.user, session.logonId, session.logonType));
  if (session.elevatedLogonId !== undefined) {
    host.emit(
      logoff4634(host.securityCtx(t + 901_000), session.user, session.elevatedLogonId, session.logonType),
    );
  }
}
