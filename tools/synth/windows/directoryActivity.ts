// Ordinary domain traffic as a domain controller and a member server log it: morning TGTs (4768),
// service tickets (4769), network logons for SYSVOL and file shares (4624/4634 type 3), some NTLM
// validation (4776) and the odd mistyped password (4771 0x18).
import type { HostSim } from './hostSim.js';
import {
  KDC_STATUS,
  credentialValidated4776,
  preauthFailed4771,
  serviceTicket4769,
  tgtRequested4768,
} from './domainAuthEvents.js';
import { logoff4634 } from './logonEvents.js';
import { logOn } from './sessions.js';
import type { Account } from './winEvent.js';

export interface DomainUser {
  account: Account;
  lanIp: string;
  lanHost: string;
}

export interface DomainRef {
  realm: string;
  krbtgtSid: string;
  /** SIDs of the service accounts behind the SPNs users ask tickets for. */
  services: Array<{ spn: string; sid: string }>;
}

/** A user's first authentication of the day at the DC: TGT, a few service tickets, a SYSVOL logon. */
export function morningAuthentication(dc: HostSim, t: number, user: DomainUser, domain: DomainRef): void {
  const port = () => dc.rng.int(49152, 65000);
  dc.emit(
    tgtRequested4768(dc.securityCtx(t), {
      userName: user.account.name,
      realm: domain.realm,
      userSid: user.account.sid,
      krbtgtSid: domain.krbtgtSid,
      status: KDC_STATUS.ok,
      ip: user.lanIp,
      port: port(),
    }),
  );
  const tickets = dc.rng.int(2, 6);
  for (let i = 0; i < tickets; i++) {
    const service = dc.rng.pick(domain.services);
    dc.emit(
      serviceTicket4769(dc.securityCtx(t + (i + 1) * dc.rng.int(40_000, 900_000)), {
        userPrincipal: `${user.account.name}@${domain.realm}`,
        realm: domain.realm,
        serviceName: service.spn,
        serviceSid: service.sid,
        ip: user.lanIp,
        port: port(),
        logonGuid: `{${dc.rng.guid()}}`,
      }),
    );
  }
  const sysvol = logOn(dc, t + 2_500_000, { user: user.account, type: 3, ip: user.lanIp, auth: 'Kerberos' });
  dc.emit(logoff4634(dc.securityCtx(t + dc.rng.int(3, 40) * 1_000_000), user.account, sysvol.logonId, 3));
}

/** A mistyped password at the lock screen: Kerberos pre-authentication fails once. */
export function mistypedPassword(dc: HostSim, t: number, user: DomainUser, domain: DomainRef): void {
  dc.emit(
    preauthFailed4771(
      dc.securityCtx(t),
      user.account,
      domain.realm,
      KDC_STATUS.preauthFailed,
      user.lanIp,
      dc.rng.int(49152, 65000),
    ),
  );
}

/** NTLM validation from an application server or a legacy client. */
export function ntlmValidation(dc: HostSim, t: number, user: DomainUser): void {
  dc.emit(credentialValidated4776(dc.securityCtx(t), user.account.name, user.lanHost, 0));
}

/** A file-share session on a member server: a Kerberos network logon that ends minutes later. */
export function shareAccess(server: HostSim, t: number, user: DomainUser): void {
  const s = logOn(server, t, { user: user.account, type: 3, ip: user.lanIp, auth: 'Kerberos' });
  server.emit(
    logoff4634(server.securityCtx(t + server.rng.int(20, 1800) * 1_000_000), user.account, s.logonId, 3),
  );
}
