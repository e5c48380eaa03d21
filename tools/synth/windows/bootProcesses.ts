// The processes every Windows host already runs when the logs begin. They have no start event in the
// export (the chain of a later process ends in a stub at one of them), but their pids, images and
// command lines appear as parents in 4688 and Sysmon 1. All run as SYSTEM, the default of HostSim.
import type { HostSim } from './hostSim.js';
import type { ProcessInfo } from './processEvents.js';

export interface BootProcesses {
  system: ProcessInfo;
  smss: ProcessInfo;
  services: ProcessInfo;
  lsass: ProcessInfo;
  winlogon: ProcessInfo;
  dcomLaunch: ProcessInfo;
  schedule: ProcessInfo;
  termService: ProcessInfo;
  appInfo: ProcessInfo;
  searchIndexer: ProcessInfo;
  sysmon: ProcessInfo;
  eventLog: ProcessInfo;
}

const SYS32 = 'C:\\Windows\\System32';

export function bootProcesses(host: HostSim, bootTime: number): BootProcesses {
  const system = host.existingProcess(null, { image: 'System', commandLine: '', pidRange: [4, 4] }, bootTime);
  const at = (seconds: number) => bootTime + seconds * 1_000_000;
  const smss = host.existingProcess(
    system,
    { image: `${SYS32}\\smss.exe`, commandLine: '\\SystemRoot\\System32\\smss.exe', pidRange: [300, 420] },
    at(1),
  );
  const wininit = host.existingProcess(
    smss,
    { image: `${SYS32}\\wininit.exe`, commandLine: 'wininit.exe', pidRange: [480, 560] },
    at(3),
  );
  const services = host.existingProcess(
    wininit,
    { image: `${SYS32}\\services.exe`, commandLine: `${SYS32}\\services.exe`, pidRange: [600, 700] },
    at(3),
  );
  const lsass = host.existingProcess(
    wininit,
    { image: `${SYS32}\\lsass.exe`, commandLine: `${SYS32}\\lsass.exe`, pidRange: [640, 760] },
    at(3),
  );
  const winlogon = host.existingProcess(
    smss,
    {
      image: `${SYS32}\\winlogon.exe`,
      commandLine: 'winlogon.exe',
      terminalSession: 1,
      pidRange: [560, 640],
    },
    at(4),
  );
  const svchost = (args: string, seconds: number) =>
    host.existingProcess(
      services,
      {
        image: `${SYS32}\\svchost.exe`,
        commandLine: `C:\\Windows\\system32\\svchost.exe ${args}`,
        pidRange: [760, 2400],
      },
      at(seconds),
    );
  const dcomLaunch = svchost('-k DcomLaunch -p', 5);
  const eventLog = svchost('-k LocalServiceNetworkRestricted -p -s EventLog', 6);
  const schedule = svchost('-k netsvcs -p -s Schedule', 7);
  const termService = svchost('-k NetworkService -p -s TermService', 8);
  const appInfo = svchost('-k netsvcs -p -s Appinfo', 10);
  const searchIndexer = host.existingProcess(
    services,
    {
      image: `${SYS32}\\SearchIndexer.exe`,
      commandLine: `C:\\Windows\\system32\\SearchIndexer.exe /Embedding`,
      pidRange: [4000, 7000],
    },
    at(20),
  );
  const sysmon = host.existingProcess(
    services,
    { image: 'C:\\Windows\\Sysmon64.exe', commandLine: 'C:\\Windows\\Sysmon64.exe', pidRange: [2400, 4000] },
    at(9),
  );
  return {
    system,
    smss,
    services,
    lsass,
    winlogon,
    dcomLaunch,
    schedule,
    termService,
    appInfo,
    searchIndexer,
    sysmon,
    eventLog,
  };
}
