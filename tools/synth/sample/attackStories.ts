// The intrusion, on Windows: Kerberos username probing of DC01 from the attacker's VPN address, the
// RDP session on WS01 that lists domain users and plants "backdoor", the svc-report domain account
// created from ADM01 and made a Domain Admin, and the evening on WS02 that clears the logs and leaves
// helpdesk_tmp behind.
import { memberAdded } from '../windows/accountEvents.js';
import type { Desktop } from '../windows/desktopSession.js';
import { startDesktop } from '../windows/desktopSession.js';
import { logCleared104, securityLogCleared1102 } from '../windows/miscEvents.js';
import { playDomainAccountCreation } from '../windows/plays/domainAccountCreation.js';
import type { DomainAccountFacts } from '../windows/plays/domainAccountCreation.js';
import { playKerberosProbe, playRemoteSamQuery } from '../windows/plays/domainControllerPlays.js';
import type { ProbeFacts } from '../windows/plays/domainControllerPlays.js';
import { BUILTIN_ADMINISTRATORS, createLocalAccount } from '../windows/plays/localAccountEvents.js';
import { playRdpLocalBackdoor } from '../windows/plays/rdpLocalBackdoor.js';
import type { RdpBackdoorFacts } from '../windows/plays/rdpLocalBackdoor.js';
import { logOff } from '../windows/sessions.js';
import type { Account } from '../windows/winEvent.js';
import { ACCOUNTS, ACTIVE_STAFF, ADDRESSES, DOMAIN, HOSTS, staff } from './company.js';
import type { SampleHosts } from './sampleHosts.js';
import { TIMELINE } from './timeline.js';

/** Names kerbrute-style probing tried that do not exist in CORP. */
const PROBED_UNKNOWN = [
  'administrator2',
  'adm',
  'backup',
  'sqlsvc',
  'svc_sql',
  'helpdesk',
  'test',
  'guest2',
  'jan.jansen',
  'it.admin',
  'scanner',
  'operator',
  'vpnuser',
  'sa',
  'dba',
  'svc_web',
  'ftp',
  'deploy',
];

export function kerberosProbe(h: SampleHosts): ProbeFacts {
  const real = new Set(ACTIVE_STAFF.map((p) => p.sam));
  const unknown = PROBED_UNKNOWN.filter((n) => !real.has(n));
  const known = [staff('asmith'), ...ACTIVE_STAFF.slice(20, 24)].map((p) => p.account);
  return playKerberosProbe(h.dc01, TIMELINE.kerberosProbe, {
    sourceIp: ADDRESSES.attackerVpn,
    realm: DOMAIN.realm,
    unknownNames: unknown,
    realAccounts: known,
    pace: 45,
  });
}

export function rdpBackdoor(h: SampleHosts, onSamQuery: (t: number) => void): RdpBackdoorFacts {
  const jdoe = staff('jdoe').account;
  return playRdpLocalBackdoor(h.ws01, TIMELINE.rdpBackdoor, {
    user: jdoe,
    clientIp: ADDRESSES.attackerVpn,
    clientName: 'DESKTOP-7Q2M4KD',
    terminalSession: 2,
    backdoor: { name: 'backdoor', rid: 1002, password: 'P@ssw0rd!' },
    machineSid: HOSTS.WS01.machineSid,
    artifactFile: 'users.txt',
    followUp: { ip: ADDRESSES.backdoorSource, workstation: 'WIN-8J2Q4TLQ1RP', afterCreationMinutes: 9.8 },
    onDomainQuery: (t) => {
      onSamQuery(t);
      playRemoteSamQuery(h.dc01, t, {
        user: jdoe,
        clientIp: HOSTS.WS01.ip,
        domainDn: DOMAIN.dn,
        domainSid: DOMAIN.sid,
      });
    },
  });
}

export function domainAccount(h: SampleHosts, adminDesktop: Desktop): DomainAccountFacts {
  return playDomainAccountCreation(h.dc01, TIMELINE.domainAccount, {
    admin: ACCOUNTS.adminSmith,
    adminWorkstation: { host: h.adm01, desktop: adminDesktop, ip: HOSTS.ADM01.ip },
    newAccount: ACCOUNTS.svcReport,
    displayName: 'Report Service',
    userPrincipalName: 'svc-report@corp.local',
    distinguishedName: 'CN=Report Service,OU=Service Accounts,DC=corp,DC=local',
    group: { sid: `${DOMAIN.sid}-512`, name: 'Domain Admins', domain: DOMAIN.netbios },
    groupAfterMinutes: 7.3,
  });
}

export interface Ws02Facts {
  elevatedLogonId: number;
  clearTime: number;
  helpdeskTmp: Account;
  creationTime: number;
}

/**
 * jdoe's evening session on WS02, which has no process auditing and no Sysmon. The Security log is
 * cleared, so the 4624 of the session itself is gone: only what came after it survives.
 */
export function ws02Cleanup(h: SampleHosts): Ws02Facts {
  const ws02 = h.ws02;
  const jdoe = staff('jdoe').account;
  const desktop = startDesktop(ws02, TIMELINE.ws02Rdp, {
    user: jdoe,
    uacAdmin: true,
    rdp: { clientIp: ADDRESSES.attackerVpn, terminalSession: 3, clientName: 'DESKTOP-7Q2M4KD' },
    duration: 22 * 60_000_000,
  });
  const elevated = desktop.session.elevatedLogonId!;
  const clearTime = TIMELINE.ws02SecurityCleared;
  ws02.emit(securityLogCleared1102(ws02.ctxFor(clearTime, ws02.boot.eventLog.pid), jdoe, elevated));
  ws02.emit(
    logCleared104(ws02.ctxFor(clearTime + 31_400_000, ws02.boot.eventLog.pid), jdoe, 'Windows PowerShell'),
  );
  const actor = { account: jdoe, logonId: elevated };
  const creationTime = clearTime + 115_000_000;
  const helpdeskTmp = createLocalAccount(ws02, creationTime, actor, {
    name: 'helpdesk_tmp',
    rid: 1003,
    machineSid: HOSTS.WS02.machineSid,
  });
  ws02.emit(
    memberAdded(ws02.securityCtx(creationTime + 38_000_000), 4732, actor, BUILTIN_ADMINISTRATORS, {
      memberName: '-',
      memberSid: helpdeskTmp.sid,
    }),
  );
  logOff(ws02, TIMELINE.ws02Rdp + 22 * 60_000_000, desktop.session, true);
  return { elevatedLogonId: elevated, clearTime, helpdeskTmp, creationTime };
}
