// The look-alikes the seeds warn about, on Windows: the approved provisioning script, the approved
// local-admin inventory, a copier cycling through names below the threshold, and administrators and
// the shell enumerating local accounts in the ordinary course of things.
import { groupMembersEnumerated4799, userGroupsEnumerated4798 } from '../windows/accountEvents.js';
import type { Actor } from '../windows/accountEvents.js';
import type { Desktop } from '../windows/desktopSession.js';
import { credentialValidated4776 } from '../windows/domainAuthEvents.js';
import type { HostSim } from '../windows/hostSim.js';
import { logoff4634, logonFailure4625 } from '../windows/logonEvents.js';
import { logOn } from '../windows/sessions.js';
import type { Account } from '../windows/winEvent.js';
import { BUILTIN_ADMINISTRATORS } from '../windows/plays/localAccountEvents.js';
import { runNet } from '../windows/plays/netCommand.js';
import { ACCOUNTS, ADDRESSES, HOSTS, STAFF } from './company.js';
import { TIMELINE } from './timeline.js';

const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const QUOTED_NET = '"C:\\Windows\\system32\\net.exe"';
const REMOTE_DESKTOP_USERS: Account = {
  sid: 'S-1-5-32-555',
  name: 'Remote Desktop Users',
  domain: 'Builtin',
};

/** The built-in local accounts every Windows machine has, as the shell and consoles enumerate them. */
function builtinLocalAccounts(host: HostSim, machineSid: string): Account[] {
  return [
    { sid: `${machineSid}-500`, name: 'Administrator', domain: host.name },
    { sid: `${machineSid}-503`, name: 'DefaultAccount', domain: host.name },
    { sid: `${machineSid}-501`, name: 'Guest', domain: host.name },
    { sid: `${machineSid}-504`, name: 'WDAGUtilityAccount', domain: host.name },
  ];
}

/** Opening "Other users" in Settings makes explorer enumerate each local account's groups (4798). */
export function explorerListsLocalUsers(ws01: HostSim, desktop: Desktop): number {
  const t = desktop.session.start + 23 * 60_000_000;
  const actor: Actor = { account: desktop.session.user, logonId: desktop.session.logonId };
  builtinLocalAccounts(ws01, HOSTS.WS01.machineSid).forEach((account, i) => {
    ws01.emit(
      userGroupsEnumerated4798(ws01.securityCtx(t + i * 3_000), actor, account, {
        pid: desktop.explorer.pid,
        image: desktop.explorer.image,
      }),
    );
  });
  return t;
}

/** admin.smith opens lusrmgr.msc on ADM01: mmc enumerates local users (4798) and groups (4799). */
export function adminBrowsesLocalUsers(adm01: HostSim, desktop: Desktop): number {
  const t = TIMELINE.benignMmcBrowse;
  const mmc = adm01.startProcess(t, desktop.explorer, {
    image: 'C:\\Windows\\System32\\mmc.exe',
    commandLine: '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\lusrmgr.msc" ',
    lifetime: 300_000_000,
  });
  const actor: Actor = { account: desktop.session.user, logonId: desktop.session.logonId };
  const caller = { pid: mmc.pid, image: mmc.image };
  builtinLocalAccounts(adm01, HOSTS.ADM01.machineSid).forEach((account, i) => {
    adm01.emit(
      userGroupsEnumerated4798(adm01.securityCtx(t + 4_000_000 + i * 1_000), actor, account, caller),
    );
  });
  adm01.emit(
    groupMembersEnumerated4799(adm01.securityCtx(t + 9_000_000), actor, BUILTIN_ADMINISTRATORS, caller),
  );
  adm01.emit(
    groupMembersEnumerated4799(adm01.securityCtx(t + 9_300_000), actor, REMOTE_DESKTOP_USERS, caller),
  );
  return t;
}

/** The scheduled, approved inventory of local administrators on FS01 (svc_inventory). */
export function inventoryRun(fs01: HostSim, t: number): { logonId: number } {
  const session = logOn(fs01, t, {
    user: ACCOUNTS.svcInventory,
    type: 4,
    processId: fs01.boot.schedule.pid,
    processName: fs01.boot.schedule.image,
  });
  const ps = fs01.startProcess(t + 300_000, fs01.boot.schedule, {
    image: POWERSHELL,
    commandLine: `${POWERSHELL} -NoProfile -NonInteractive -Command "& C:\\Scripts\\Get-LocalAdmins.ps1 | Export-Csv -NoTypeInformation -Path C:\\Scripts\\out\\FS01-admins.csv"`,
    user: ACCOUNTS.svcInventory,
    logonId: session.logonId,
    logonGuid: session.logonGuid,
    integrity: 'High',
    elevation: '%%1936',
    currentDirectory: 'C:\\Windows\\system32\\',
    lifetime: 20_000_000,
  });
  const actor: Actor = { account: ACCOUNTS.svcInventory, logonId: session.logonId };
  const admins = runNet(fs01, t + 2_100_000, ps, 'localgroup administrators', undefined, QUOTED_NET);
  fs01.emit(
    groupMembersEnumerated4799(fs01.securityCtx(admins.samTime), actor, BUILTIN_ADMINISTRATORS, {
      pid: admins.net1.pid,
      image: admins.net1.image,
    }),
  );
  const rdu = runNet(fs01, t + 3_400_000, ps, 'localgroup "Remote Desktop Users"', undefined, QUOTED_NET);
  fs01.emit(
    groupMembersEnumerated4799(fs01.securityCtx(rdu.samTime), actor, REMOTE_DESKTOP_USERS, {
      pid: rdu.net1.pid,
      image: rdu.net1.image,
    }),
  );
  fs01.emit(logoff4634(fs01.securityCtx(t + 9_000_000), ACCOUNTS.svcInventory, session.logonId, 4));
  return { logonId: session.logonId };
}

/** Names a misconfigured copier's scan-to-folder job tries on FS01; the last one is a real account. */
export const COPIER_NAMES = [
  'scan',
  'scanner',
  'ricoh',
  'copier',
  'scan2folder',
  'mfp',
  'printer',
  'scanuser',
  'kopieer',
  'scans',
  'ricohscan',
];

export function copierBurst(fs01: HostSim): { names: string[] } {
  const real = STAFF[17]!.account;
  const names = [...COPIER_NAMES, real.name];
  let t = TIMELINE.copierBurst;
  for (const name of names) {
    const isReal = name === real.name;
    fs01.emit(
      logonFailure4625(fs01.securityCtx(t), {
        subject: { sid: 'S-1-0-0', name: '-', domain: '-' },
        subjectLogonId: 0,
        targetName: name,
        targetDomain: isReal ? 'CORP' : '',
        failure: isReal ? 'badPassword' : 'noSuchUser',
        logonType: 3,
        logonProcess: 'NtLmSsp ',
        authPackage: 'NTLM',
        workstation: 'RICOH-MP-C3004',
        processId: 0,
        processName: '-',
        ip: ADDRESSES.copier,
        port: String(fs01.rng.int(49152, 65000)),
      }),
    );
    if (!isReal)
      fs01.emit(credentialValidated4776(fs01.securityCtx(t - 2_000), name, 'RICOH-MP-C3004', 0xc0000064));
    t += fs01.rng.int(50, 110) * 1_000_000;
  }
  return { names };
}
