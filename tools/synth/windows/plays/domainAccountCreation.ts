// An administrator creates a domain account from an admin workstation with Active Directory Users and
// Computers: mmc.exe dsa.msc runs on the workstation (4688 there), the domain controller sees a network
// logon from that workstation, then 4720/4724/4722/4738 under that logon, and later a group add (4728).
import type { HostSim } from '../hostSim.js';
import type { Desktop } from '../desktopSession.js';
import {
  memberAdded,
  passwordReset4724,
  userChanged4738,
  userCreated4720,
  userEnabled4722,
} from '../accountEvents.js';
import { logoff4634 } from '../logonEvents.js';
import { logOn } from '../sessions.js';
import type { Account } from '../winEvent.js';
import { passwordLastSetText } from './localAccountEvents.js';

export interface DomainAccountPlan {
  admin: Account;
  adminWorkstation: { host: HostSim; desktop: Desktop; ip: string };
  newAccount: Account;
  displayName: string;
  userPrincipalName: string;
  distinguishedName: string;
  /** The group it is added to, and how long after creation. */
  group: Account;
  groupAfterMinutes: number;
}

export interface DomainAccountFacts {
  mmcStart: number;
  dcLogonId: number;
  creationTime: number;
  groupTime: number;
}

const MINUTE = 60_000_000;

export function playDomainAccountCreation(
  dc: HostSim,
  t0: number,
  plan: DomainAccountPlan,
): DomainAccountFacts {
  const ws = plan.adminWorkstation;
  const mmc = ws.host.startProcess(t0, ws.desktop.explorer, {
    image: 'C:\\Windows\\System32\\mmc.exe',
    commandLine: '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\dsa.msc" ',
    lifetime: 40 * MINUTE,
  });
  // The console binds to the DC as the admin; this deployment still negotiates NTLM for it, so the DC
  // records the client workstation's name as well as its address.
  const session = logOn(dc, t0 + 4_200_000, {
    user: plan.admin,
    type: 3,
    ip: ws.ip,
    auth: 'NTLM',
    workstation: ws.host.name,
  });
  const actor = { account: plan.admin, logonId: session.logonId };
  const created = t0 + 3 * MINUTE + dc.rng.int(0, 30_000_000);
  const at = (ms: number) => dc.securityCtx(created + ms * 1000);
  dc.emit(
    userCreated4720(at(0), actor, {
      account: plan.newAccount,
      displayName: plan.displayName,
      userPrincipalName: plan.userPrincipalName,
    }),
  );
  dc.emit(passwordReset4724(at(31), actor, plan.newAccount));
  dc.emit(userEnabled4722(at(47), actor, plan.newAccount));
  dc.emit(userChanged4738(at(52), actor, plan.newAccount, passwordLastSetText(created + 31_000)));
  const groupTime = created + Math.round(plan.groupAfterMinutes * MINUTE);
  dc.emit(
    memberAdded(dc.securityCtx(groupTime), 4728, actor, plan.group, {
      memberName: plan.distinguishedName,
      memberSid: plan.newAccount.sid,
    }),
  );
  dc.emit(logoff4634(dc.securityCtx(t0 + 38 * MINUTE), plan.admin, session.logonId, 3));
  return { mmcStart: mmc.start, dcLogonId: session.logonId, creationTime: created, groupTime };
}
