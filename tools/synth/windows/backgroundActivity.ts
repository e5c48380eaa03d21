// What every Windows host does with nobody at the keyboard: scheduled tasks, search indexing, Defender
// scans, WMI, and service logons (4624 type 5, the most common event in any Security log).
import type { HostSim } from './hostSim.js';
import { serviceLogon } from './sessions.js';

const SYS32 = 'C:\\Windows\\System32';

interface BackgroundJob {
  weight: number;
  run(host: HostSim, t: number): void;
}

const JOBS: BackgroundJob[] = [
  {
    weight: 5,
    run: (h, t) => {
      h.startProcess(t, h.boot.schedule, {
        image: `${SYS32}\\taskhostw.exe`,
        commandLine: 'taskhostw.exe -RegisterDevice -SettingChange',
        lifetime: 20_000_000,
      });
    },
  },
  {
    weight: 4,
    run: (h, t) => {
      const host = h.startProcess(t, h.boot.searchIndexer, {
        image: `${SYS32}\\SearchProtocolHost.exe`,
        commandLine: `"C:\\Windows\\system32\\SearchProtocolHost.exe" Global\\UsGthrFltPipeMssGthrPipe${h.rng.int(10, 99)}_ Global\\UsGthrCtrlFltPipeMssGthrPipe${h.rng.int(10, 99)} 1 -2147483646 "Software\\Microsoft\\Windows Search" "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)" "C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc" "DownLevelDaemon" `,
        lifetime: 60_000_000,
      });
      h.startProcess(t + 120_000, h.boot.searchIndexer, {
        image: `${SYS32}\\SearchFilterHost.exe`,
        commandLine: `"C:\\Windows\\system32\\SearchFilterHost.exe" 0 ${host.pid + 4} ${host.pid + 8} ${host.pid + 16} 16384 ${host.pid + 12} `,
        lifetime: 60_000_000,
      });
    },
  },
  {
    weight: 2,
    run: (h, t) => {
      h.startProcess(t, h.boot.dcomLaunch, {
        image: `${SYS32}\\wbem\\WmiPrvSE.exe`,
        commandLine: 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding',
        lifetime: 300_000_000,
      });
    },
  },
  {
    weight: 2,
    run: (h, t) => {
      h.startProcess(t, h.boot.schedule, {
        image: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24020.7-0\\MpCmdRun.exe',
        commandLine:
          '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24020.7-0\\MpCmdRun.exe" -IdleTask -TaskName WdCacheMaintenance',
        lifetime: 40_000_000,
      });
    },
  },
  {
    weight: 3,
    run: (h, t) => {
      h.startProcess(t, h.boot.dcomLaunch, {
        image: `${SYS32}\\backgroundTaskHost.exe`,
        commandLine:
          '"C:\\Windows\\system32\\backgroundTaskHost.exe" -ServerName:BackgroundTaskHost.WebAccountBackgroundManagerTask',
        lifetime: 15_000_000,
      });
    },
  },
  {
    weight: 2,
    run: (h, t) => {
      const svc = h.startProcess(t, h.boot.services, {
        image: `${SYS32}\\svchost.exe`,
        commandLine: 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s wuauserv',
        lifetime: 900_000_000,
      });
      h.fileCreated(
        t + 4_000_000,
        svc,
        `C:\\Windows\\SoftwareDistribution\\DataStore\\Logs\\tmp${h.rng.hex(6)}.edb`,
      );
    },
  },
];

const TOTAL_WEIGHT = JOBS.reduce((n, j) => n + j.weight, 0);

function pickJob(host: HostSim): BackgroundJob {
  let roll = host.rng.next() * TOTAL_WEIGHT;
  for (const job of JOBS) {
    roll -= job.weight;
    if (roll < 0) return job;
  }
  return JOBS[0]!;
}

export interface BackgroundRates {
  /** Mean minutes between background process starts. */
  processEveryMinutes: number;
  /** Mean minutes between service logons (type 5). */
  serviceLogonEveryMinutes: number;
}

/** Fills [from, to) with background activity at the given rates. */
export function simulateBackground(host: HostSim, from: number, to: number, rates: BackgroundRates): void {
  const minute = 60_000_000;
  if (host.config.processAuditing || host.config.sysmon) {
    for (
      let t = from + host.rng.exponential(rates.processEveryMinutes * minute);
      t < to;
      t += host.rng.exponential(rates.processEveryMinutes * minute)
    ) {
      pickJob(host).run(host, Math.floor(t));
    }
  }
  for (
    let t = from + host.rng.exponential(rates.serviceLogonEveryMinutes * minute);
    t < to;
    t += host.rng.exponential(rates.serviceLogonEveryMinutes * minute)
  ) {
    serviceLogon(host, Math.floor(t));
  }
}
