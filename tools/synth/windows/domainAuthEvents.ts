// Domain controller authentication and SAM events: 4768, 4769, 4771 (Kerberos), 4776 (NTLM) and 4661.
// Kerberos events carry the client as "::ffff:10.0.1.21" because the KDC listens on a dual-stack socket.
import { securityEvent, TASKS } from './securityEvent.js';
import type { EventCtx } from './securityEvent.js';
import { hex32, hex64 } from './winEvent.js';
import type { Account, WinEvent } from './winEvent.js';

export const KERBEROS_TICKET_OPTIONS = 0x40810010;

/** Kerberos result codes the enumeration analytics look for, plus success. */
export const KDC_STATUS = {
  ok: 0x0,
  clientUnknown: 0x6, // KDC_ERR_C_PRINCIPAL_UNKNOWN: the name does not exist
  clientRevoked: 0x12, // disabled, expired or locked out
  preauthFailed: 0x18, // wrong password
} as const;

export interface TgtRequest {
  userName: string;
  realm: string;
  /** S-1-0-0 when the name is unknown. */
  userSid: string;
  krbtgtSid: string;
  status: number;
  ip: string;
  port: number;
}

export function tgtRequested4768(ctx: EventCtx, f: TgtRequest): WinEvent {
  const ok = f.status === KDC_STATUS.ok;
  return securityEvent(ctx, {
    eventId: 4768,
    version: 0,
    task: TASKS.kerberosAuthentication,
    failure: !ok,
    data: [
      ['TargetUserName', f.userName],
      ['TargetDomainName', f.realm],
      ['TargetSid', f.userSid],
      ['ServiceName', 'krbtgt'],
      ['ServiceSid', ok ? f.krbtgtSid : 'S-1-0-0'],
      ['TicketOptions', hex32(KERBEROS_TICKET_OPTIONS)],
      ['Status', hex32(f.status)],
      ['TicketEncryptionType', hex32(ok ? 0x12 : 0xffffffff)],
      ['PreAuthType', ok ? '2' : '-'],
      ['IpAddress', `::ffff:${f.ip}`],
      ['IpPort', String(f.port)],
      ['CertIssuerName', ''],
      ['CertSerialNumber', ''],
      ['CertThumbprint', ''],
    ],
  });
}

export interface ServiceTicketRequest {
  /** user@REALM as the KDC writes it. */
  userPrincipal: string;
  realm: string;
  serviceName: string;
  serviceSid: string;
  ip: string;
  port: number;
  logonGuid: string;
}

export function serviceTicket4769(ctx: EventCtx, f: ServiceTicketRequest): WinEvent {
  return securityEvent(ctx, {
    eventId: 4769,
    version: 0,
    task: TASKS.kerberosServiceTicket,
    data: [
      ['TargetUserName', f.userPrincipal],
      ['TargetDomainName', f.realm],
      ['ServiceName', f.serviceName],
      ['ServiceSid', f.serviceSid],
      ['TicketOptions', hex32(0x40810000)],
      ['TicketEncryptionType', hex32(0x12)],
      ['IpAddress', `::ffff:${f.ip}`],
      ['IpPort', String(f.port)],
      ['Status', hex32(0)],
      ['LogonGuid', f.logonGuid],
      ['TransmittedServices', '-'],
    ],
  });
}

/** 4771: Kerberos pre-authentication failed. The "Failure Code" of the message is the Status field. */
export function preauthFailed4771(
  ctx: EventCtx,
  user: Account,
  realm: string,
  status: number,
  ip: string,
  port: number,
) {
  return securityEvent(ctx, {
    eventId: 4771,
    version: 0,
    task: TASKS.kerberosAuthentication,
    failure: true,
    data: [
      ['TargetUserName', user.name],
      ['TargetSid', user.sid],
      ['ServiceName', `krbtgt/${realm}`],
      ['TicketOptions', hex32(KERBEROS_TICKET_OPTIONS)],
      ['Status', hex32(status)],
      ['PreAuthType', '2'],
      ['IpAddress', `::ffff:${ip}`],
      ['IpPort', String(port)],
      ['CertIssuerName', ''],
      ['CertSerialNumber', ''],
      ['CertThumbprint', ''],
    ],
  });
}

/** 4776: NTLM credential validation; it names the client workstation, not its address. */
export function credentialValidated4776(
  ctx: EventCtx,
  userName: string,
  workstation: string,
  status: number,
) {
  return securityEvent(ctx, {
    eventId: 4776,
    version: 0,
    task: TASKS.credentialValidation,
    failure: status !== 0,
    data: [
      ['PackageName', 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0'],
      ['TargetUserName', userName],
      ['Workstation', workstation],
      ['Status', hex32(status)],
    ],
  });
}

export type SamObjectType = 'SAM_DOMAIN' | 'SAM_USER' | 'SAM_GROUP' | 'SAM_ALIAS';

export interface SamHandleRequest {
  subject: Account;
  subjectLogonId: number;
  objectType: SamObjectType;
  /** A SID for users and groups, the domain's DN for SAM_DOMAIN. */
  objectName: string;
  handleId: number;
  accessList: string;
  accessMask: number;
  lsassPid: number;
}

/** 4661 on a domain controller: a handle to a SAM object was requested (net user /domain does this). */
export function samHandleRequested4661(ctx: EventCtx, f: SamHandleRequest): WinEvent {
  return securityEvent(ctx, {
    eventId: 4661,
    version: 0,
    task: TASKS.sam,
    data: [
      ['SubjectUserSid', f.subject.sid],
      ['SubjectUserName', f.subject.name],
      ['SubjectDomainName', f.subject.domain],
      ['SubjectLogonId', hex64(f.subjectLogonId)],
      ['ObjectServer', 'Security Account Manager'],
      ['ObjectType', f.objectType],
      ['ObjectName', f.objectName],
      ['HandleId', hex64(f.handleId)],
      ['TransactionId', '{00000000-0000-0000-0000-000000000000}'],
      ['AccessList', f.accessList],
      ['AccessMask', hex32(f.accessMask)],
      ['PrivilegeList', '-'],
      ['Properties', '-'],
      ['RestrictedSidCount', '0'],
      ['ProcessId', hex64(f.lsassPid)],
      ['ProcessName', 'C:\\Windows\\System32\\lsass.exe'],
    ],
  });
}
