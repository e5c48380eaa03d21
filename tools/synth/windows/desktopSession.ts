// What a desktop logon looks like in process events: for RDP, a new smss instance starts csrss and
// winlogon for the session before the 4624s; then winlogon → userinit → explorer, plus the shell's
// helpers. Elevated launches ("Run as administrator") show explorer as parent but run in the linked
// full-token logon with High integrity, after consent.exe.
import type { HostSim } from './hostSim.js';
import type { ProcessInfo } from './processEvents.js';
import type { StartSpec } from './hostSim.js';
import { logOn } from './sessions.js';
import type { Session } from './sessions.js';
import type { Account } from './winEvent.js';

export interface Desktop {
  session: Session;
  winlogon: ProcessInfo;
  explorer: ProcessInfo;
}

const SYS32 = 'C:\\Windows\\System32';
const MS = 1_000;

export interface DesktopLogon {
  user: Account;
  uacAdmin: boolean;
  /** Present for RDP: the client's address and the terminal session number. */
  rdp?: { clientIp: string; terminalSession: number; clientName: string };
  /** How long the user stays, for the lifetimes of explorer and friends. */
  duration: number;
  /** A local (SAM) account: its logons carry an all-zero LogonGuid. */
  localAccount?: boolean;
}

export function startDesktop(host: HostSim, t: number, logon: DesktopLogon): Desktop {
  let winlogon = host.boot.winlogon;
  let at = t;
  if (logon.rdp) {
    const n = logon.rdp.terminalSession;
    const life = logon.duration + 60_000 * MS;
    const sessionSmss = host.startProcess(at, host.boot.smss, {
      image: `${SYS32}\\smss.exe`,
      commandLine: `\\SystemRoot\\System32\\smss.exe 000000${(0xf0 + n * 4).toString(16)} 000000${(0x84 + n * 4).toString(16)} `,
      lifetime: 2_000 * MS,
    });
    host.startProcess(at + 40 * MS, sessionSmss, {
      image: `${SYS32}\\csrss.exe`,
      commandLine: `%SystemRoot%\\system32\\csrss.exe ObjectDirectory=\\Windows SharedSection=1024,20480,768 Windows=On SubSystemType=Windows ServerDll=basesrv,1 ServerDll=winsrv:UserServerDllInitialization,3 ServerDll=sxssrv,4 ProfileControl=Off MaxRequestThreads=16`,
      terminalSession: n,
      lifetime: life,
    });
    winlogon = host.startProcess(at + 60 * MS, sessionSmss, {
      image: `${SYS32}\\winlogon.exe`,
      commandLine: 'winlogon.exe',
      terminalSession: n,
      lifetime: life,
    });
    host.startProcess(at + 300 * MS, winlogon, {
      image: `${SYS32}\\fontdrvhost.exe`,
      commandLine: '"fontdrvhost.exe"',
      integrity: 'Low',
      lifetime: life,
    });
    host.startProcess(at + 320 * MS, winlogon, {
      image: `${SYS32}\\dwm.exe`,
      commandLine: '"dwm.exe"',
      lifetime: life,
    });
    at += 2_500 * MS;
  }
  const session = logOn(host, at, {
    user: logon.user,
    type: logon.rdp ? 10 : 2,
    ip: logon.rdp?.clientIp,
    uacAdmin: logon.uacAdmin,
    terminalSession: logon.rdp?.terminalSession ?? 1,
    processId: winlogon.pid,
    processName: winlogon.image,
    isDomainAccount: !logon.localAccount,
  });
  const userSpec: Omit<StartSpec, 'image' | 'commandLine'> = {
    user: logon.user,
    logonId: session.logonId,
    logonGuid: session.logonGuid,
    integrity: 'Medium',
    elevation: logon.uacAdmin ? '%%1938' : '%%1936',
    terminalSession: session.terminalSession,
    currentDirectory: 'C:\\Windows\\system32\\',
  };
  const life = logon.duration;
  const userinit = host.startProcess(at + 900 * MS, winlogon, {
    ...userSpec,
    image: `${SYS32}\\userinit.exe`,
    commandLine: `${SYS32}\\userinit.exe`,
    lifetime: 30_000 * MS,
  });
  host.startProcess(at + 1_100 * MS, host.boot.dcomLaunch, {
    ...userSpec,
    image: `${SYS32}\\sihost.exe`,
    commandLine: 'sihost.exe',
    lifetime: life,
  });
  host.startProcess(at + 1_300 * MS, host.boot.schedule, {
    ...userSpec,
    image: `${SYS32}\\taskhostw.exe`,
    commandLine: 'taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E}',
    lifetime: life,
  });
  const explorer = host.startProcess(at + 2_000 * MS, userinit, {
    image: 'C:\\Windows\\explorer.exe',
    commandLine: 'C:\\Windows\\Explorer.EXE',
    currentDirectory: 'C:\\Windows\\system32\\',
    lifetime: life,
  });
  host.startProcess(at + 2_600 * MS, host.boot.dcomLaunch, {
    ...userSpec,
    image: `${SYS32}\\RuntimeBroker.exe`,
    commandLine: 'C:\\Windows\\System32\\RuntimeBroker.exe -Embedding',
    lifetime: life,
  });
  host.startProcess(at + 3_100 * MS, host.boot.schedule, {
    ...userSpec,
    image: `${SYS32}\\ctfmon.exe`,
    commandLine: '"ctfmon.exe"',
    lifetime: life,
  });
  if (logon.rdp) {
    host.startProcess(at + 3_400 * MS, host.boot.termService, {
      ...userSpec,
      image: `${SYS32}\\rdpclip.exe`,
      commandLine: 'rdpclip',
      lifetime: life,
    });
  }
  return { session, winlogon, explorer };
}

/**
 * "Run as administrator" from explorer: consent.exe runs as SYSTEM under Appinfo, then the program
 * starts with explorer shown as its parent, in the elevated logon session.
 */
export function startElevated(
  host: HostSim,
  t: number,
  desktop: Desktop,
  image: string,
  commandLine: string,
  lifetime: number,
): ProcessInfo {
  const s = desktop.session;
  if (s.elevatedLogonId === undefined)
    throw new Error(`${s.user.name} has no elevated session to start ${image} in`);
  host.startProcess(t, host.boot.appInfo, {
    image: `${SYS32}\\consent.exe`,
    commandLine: `consent.exe ${host.boot.appInfo.pid} 330 000001A4F3C2D6B0`,
    terminalSession: s.terminalSession,
    lifetime: 4_000 * MS,
  });
  return host.startProcess(t + 2_800 * MS, desktop.explorer, {
    image,
    commandLine,
    logonId: s.elevatedLogonId,
    logonGuid: s.elevatedLogonGuid,
    integrity: 'High',
    elevation: '%%1937',
    currentDirectory: 'C:\\Windows\\system32\\',
    lifetime,
  });
}
