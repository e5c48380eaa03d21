// The workstation intrusion: a stolen domain account comes in over RDP, opens an elevated cmd, lists
// the domain's users into a file, creates a local account, makes it an administrator, checks its work,
// and the new account logs on from another address some ten minutes later.
import type { HostSim } from '../hostSim.js';
import { startDesktop, startElevated } from '../desktopSession.js';
import { groupMembersEnumerated4799, memberAdded, userGroupsEnumerated4798 } from '../accountEvents.js';
import { logoff4634 } from '../logonEvents.js';
import { logOff, logOn } from '../sessions.js';
import type { Account } from '../winEvent.js';
import { runNet } from './netCommand.js';
import { BUILTIN_ADMINISTRATORS, createLocalAccount } from './localAccountEvents.js';

export interface RdpBackdoorPlan {
  user: Account;
  clientIp: string;
  clientName: string;
  terminalSession: number;
  /** The local account to create and its RID in the host's SAM. */
  backdoor: { name: string; rid: number; password: string };
  machineSid: string;
  artifactFile: string;
  followUp: { ip: string; workstation: string; afterCreationMinutes: number };
  /** Called when "net user /domain" reaches the domain controller, so the DC side can be written. */
  onDomainQuery?: (t: number) => void;
}

export interface RdpBackdoorFacts {
  rdpLogonId: number;
  elevatedLogonId: number;
  netUserDomainTime: number;
  creationTime: number;
  adminGroupTime: number;
  backdoor: Account;
  followUpLogonId: number;
  followUpTime: number;
  end: number;
}

const MINUTE = 60_000_000;

export function playRdpLocalBackdoor(host: HostSim, t0: number, plan: RdpBackdoorPlan): RdpBackdoorFacts {
  // Network Level Authentication: a short network logon before the RDP session itself.
  const nla = logOn(host, t0, {
    user: plan.user,
    type: 3,
    ip: plan.clientIp,
    auth: 'NTLM',
    workstation: plan.clientName,
  });
  host.emit(logoff4634(host.securityCtx(t0 + 1_800_000), plan.user, nla.logonId, 3));
  const desktop = startDesktop(host, t0 + 2_000_000, {
    user: plan.user,
    uacAdmin: true,
    rdp: { clientIp: plan.clientIp, terminalSession: plan.terminalSession, clientName: plan.clientName },
    duration: 50 * MINUTE,
  });
  const session = desktop.session;
  const profile = `C:\\Users\\${plan.user.name}\\`;
  const cmd = startElevated(
    host,
    t0 + 4 * MINUTE,
    desktop,
    'C:\\Windows\\System32\\cmd.exe',
    '"C:\\Windows\\system32\\cmd.exe" ',
    45 * MINUTE,
  );
  host.startProcess(cmd.start + 60_000, cmd, {
    image: 'C:\\Windows\\System32\\conhost.exe',
    commandLine: '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1',
    lifetime: 45 * MINUTE,
  });
  const at = (minutes: number) => cmd.start + Math.round(minutes * MINUTE);
  host.startProcess(at(0.7), cmd, {
    image: 'C:\\Windows\\System32\\whoami.exe',
    commandLine: 'whoami /groups',
    currentDirectory: profile,
    lifetime: 400_000,
  });

  // "net user /domain > users.txt": cmd opens the redirect target before it starts net.exe.
  host.fileCreated(at(1.2) - 30_000, cmd, `${profile}${plan.artifactFile}`);
  const listing = runNet(host, at(1.2), cmd, 'user /domain ', profile);
  plan.onDomainQuery?.(listing.samTime);

  const actor = { account: plan.user, logonId: session.elevatedLogonId! };
  const create = runNet(
    host,
    at(3.4),
    cmd,
    `user ${plan.backdoor.name} ${plan.backdoor.password} /add`,
    profile,
  );
  const backdoor = createLocalAccount(host, create.samTime, actor, {
    name: plan.backdoor.name,
    rid: plan.backdoor.rid,
    machineSid: plan.machineSid,
  });

  const promote = runNet(host, at(4.1), cmd, `localgroup administrators ${plan.backdoor.name} /add`, profile);
  host.emit(
    memberAdded(host.securityCtx(promote.samTime), 4732, actor, BUILTIN_ADMINISTRATORS, {
      memberName: '-',
      memberSid: backdoor.sid,
    }),
  );

  const check = runNet(host, at(4.6), cmd, `user ${plan.backdoor.name}`, profile);
  host.emit(
    userGroupsEnumerated4798(host.securityCtx(check.samTime), actor, backdoor, {
      pid: check.net1.pid,
      image: check.net1.image,
    }),
  );
  const admins = runNet(host, at(5.2), cmd, 'localgroup administrators', profile);
  host.emit(
    groupMembersEnumerated4799(host.securityCtx(admins.samTime), actor, BUILTIN_ADMINISTRATORS, {
      pid: admins.net1.pid,
      image: admins.net1.image,
    }),
  );

  // The new administrator comes back from another machine.
  const followUpTime = create.samTime + Math.round(plan.followUp.afterCreationMinutes * MINUTE);
  const followNla = logOn(host, followUpTime, {
    user: backdoor,
    type: 3,
    ip: plan.followUp.ip,
    auth: 'NTLM',
    workstation: plan.followUp.workstation,
    isDomainAccount: false,
  });
  host.emit(logoff4634(host.securityCtx(followUpTime + 2_100_000), backdoor, followNla.logonId, 3));
  const second = startDesktop(host, followUpTime + 2_500_000, {
    user: backdoor,
    uacAdmin: true,
    rdp: {
      clientIp: plan.followUp.ip,
      terminalSession: plan.terminalSession + 1,
      clientName: plan.followUp.workstation,
    },
    duration: 20 * MINUTE,
    localAccount: true,
  });
  logOff(host, followUpTime + 22 * MINUTE, second.session, true);
  const end = t0 + 50 * MINUTE;
  logOff(host, end, session, true);
  return {
    rdpLogonId: session.logonId,
    elevatedLogonId: session.elevatedLogonId!,
    netUserDomainTime: listing.net.start,
    creationTime: create.samTime,
    adminGroupTime: promote.samTime,
    backdoor,
    followUpLogonId: followNla.logonId,
    followUpTime,
    end,
  };
}
