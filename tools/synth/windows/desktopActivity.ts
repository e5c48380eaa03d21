// An office worker's day at a desktop: sign in, the usual apps start, a browser that keeps spawning
// renderers, documents and downloads (Sysmon 11), connections out (Sysmon 3), a few lock/unlock
// cycles, and sign out. Volumes are tuned so a week of one desktop stays near a few thousand events.
import type { HostSim } from './hostSim.js';
import { startDesktop } from './desktopSession.js';
import type { Desktop } from './desktopSession.js';
import type { ProcessInfo } from './processEvents.js';
import { logOff, logOn } from './sessions.js';
import type { Account } from './winEvent.js';
import { logoff4634 } from './logonEvents.js';

const CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
const OUTLOOK = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE';
const WORD = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE';
const TEAMS = 'C:\\Program Files\\WindowsApps\\MSTeams_24033.811.2738.2546_x64__8wekyb3d8bbwe\\ms-teams.exe';
const ONEDRIVE = 'C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe';
const WEBVIEW =
  'C:\\Program Files (x86)\\Microsoft\\EdgeWebView\\Application\\122.0.2365.92\\msedgewebview2.exe';

export interface DesktopDayPlan {
  user: Account;
  uacAdmin: boolean;
  arrive: number;
  leave: number;
  /** Mean minutes between foreground actions (browser tabs, documents, connections). */
  actionEveryMinutes: number;
  /** Extra actions an admin workstation adds (consoles, PowerShell). */
  adminTools?: boolean;
}

interface DayState {
  host: HostSim;
  plan: DesktopDayPlan;
  desktop: Desktop;
  chrome: ProcessInfo;
  outlook: ProcessInfo;
  teams: ProcessInfo;
  rendererId: number;
}

function chromeChild(s: DayState, t: number, type: string, extra: string): void {
  const handle = `${s.host.rng.int(1800, 2400)},i,${s.host.rng.int(1e15, 9e15)},${s.host.rng.int(1e15, 9e15)},262144`;
  s.host.startProcess(t, s.chrome, {
    image: CHROME,
    commandLine: `"${CHROME}" --type=${type} ${extra}--lang=en-US --field-trial-handle=${handle} /prefetch:${type === 'renderer' ? 1 : 8}`,
    integrity: type === 'renderer' ? 'Low' : 'Medium',
    lifetime: s.host.rng.int(60, 7200) * 1_000_000,
  });
}

const ACTIONS: Array<[weight: number, run: (s: DayState, t: number) => void]> = [
  [
    6,
    (s, t) =>
      chromeChild(
        s,
        t,
        'renderer',
        `--renderer-client-id=${s.rendererId++} --time-ticks-at-unix-epoch=-1710151235000000 `,
      ),
  ],
  [
    1,
    (s, t) => {
      const url = `https://intranet.corp.local/news/article?id=${s.host.rng.int(1000, 9999)}&lang=en&src=outlook`;
      s.host.startProcess(t, s.outlook, {
        image: CHROME,
        commandLine: `"${CHROME}" --single-argument ${url}`,
        lifetime: 2_000_000,
      });
    },
  ],
  [
    1,
    (s, t) => {
      const name = `${s.host.rng.pick(['Quote', 'Offer', 'Planning', 'Minutes', 'Route'])} ${s.host.rng.int(1000, 9999)}.docx`;
      const path = `C:\\Users\\${s.plan.user.name}\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\${s.host.rng.hex(8).toUpperCase()}\\${name}`;
      s.host.fileCreated(t, s.outlook, path);
      s.host.startProcess(t + 1_500_000, s.desktop.explorer, {
        image: WORD,
        commandLine: `"${WORD}" /n "${path}" /o ""`,
        lifetime: 1_800_000_000,
      });
    },
  ],
  [
    1,
    (s, t) =>
      s.host.fileCreated(
        t,
        s.chrome,
        `C:\\Users\\${s.plan.user.name}\\Downloads\\${s.host.rng.pick(['Invoice', 'Manifest', 'Timesheet', 'Brochure'])}_${s.host.rng.int(10000, 99999)}.pdf`,
      ),
  ],
  [
    3,
    (s, t) => {
      const [proc, host, ip] = s.host.rng.pick([
        [s.chrome, 'www.bing.com', '203.0.113.251'],
        [s.outlook, 'outlook.office365.com', '198.51.100.252'],
        [s.teams, 'teams.microsoft.com', '198.51.100.253'],
      ] as const);
      s.host.networkConnection(t, proc, {
        sourceIp: s.host.config.ip,
        sourceHostname: s.host.fqdn,
        sourcePort: s.host.rng.int(49152, 65000),
        destinationIp: ip,
        destinationHostname: host,
        destinationPort: 443,
        destinationPortName: 'https',
      });
    },
  ],
  [
    1,
    (s, t) => {
      // Unlocking the workstation is a fresh type 7 logon that ends a moment later.
      const unlock = logOn(s.host, t, {
        user: s.plan.user,
        type: 7,
        processId: s.host.boot.winlogon.pid,
        processName: s.host.boot.winlogon.image,
      });
      s.host.emit(logoff4634(s.host.securityCtx(t + 2_300_000), s.plan.user, unlock.logonId, 7));
    },
  ],
];

const ADMIN_ACTIONS: Array<[number, (s: DayState, t: number) => void]> = [
  [
    1,
    (s, t) =>
      s.host.startProcess(t, s.desktop.explorer, {
        image: 'C:\\Windows\\System32\\mmc.exe',
        commandLine: '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\gpmc.msc" ',
        lifetime: 900_000_000,
      }),
  ],
  [
    1,
    (s, t) =>
      s.host.startProcess(t, s.desktop.explorer, {
        image: 'C:\\Windows\\System32\\mstsc.exe',
        commandLine: `"C:\\Windows\\system32\\mstsc.exe" /v:${s.host.rng.pick(['FS01', 'SRV-PROV01'])}.corp.local`,
        lifetime: 1_200_000_000,
      }),
  ],
];

/** Simulates one desktop day and returns the desktop, so stories can start processes in it. */
export function simulateDesktopDay(host: HostSim, plan: DesktopDayPlan): Desktop {
  const desktop = startDesktop(host, plan.arrive, {
    user: plan.user,
    uacAdmin: plan.uacAdmin,
    duration: plan.leave - plan.arrive,
  });
  const life = plan.leave - plan.arrive;
  const at = (seconds: number) => plan.arrive + seconds * 1_000_000;
  const start = (t: number, image: string, commandLine: string) =>
    host.startProcess(t, desktop.explorer, { image, commandLine, lifetime: life });
  host.startProcess(at(8), desktop.explorer, {
    image: ONEDRIVE,
    commandLine: `"${ONEDRIVE}" /background`,
    lifetime: life,
  });
  const teams = start(at(11), TEAMS, `"${TEAMS}" msteams:system-initiated`);
  host.startProcess(at(14), teams, {
    image: WEBVIEW,
    commandLine: `"${WEBVIEW}" --embedded-browser-webview=1 --webview-exe-name=ms-teams.exe --user-data-dir="C:\\Users\\${plan.user.name}\\AppData\\Local\\Packages\\MSTeams_8wekyb3d8bbwe\\LocalCache\\Microsoft\\MSTeams\\EBWebView" --noerrdialogs`,
    lifetime: life,
  });
  const outlook = start(at(40), OUTLOOK, `"${OUTLOOK}" `);
  const chrome = start(at(65), CHROME, `"${CHROME}" `);
  const state: DayState = { host, plan, desktop, chrome, outlook, teams, rendererId: 5 };
  chromeChild(
    state,
    at(66),
    'gpu-process',
    '--gpu-preferences=UAAAAAAAAADgAAAEAAAAAAAAAAAAAAAAAABgAAEAAAAAAAAAAAAAAAAAAAACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA --mojo-platform-channel-handle=1992 ',
  );
  chromeChild(
    state,
    at(66.5),
    'utility',
    '--utility-sub-type=network.mojom.NetworkService --service-sandbox-type=none --mojo-platform-channel-handle=2248 ',
  );
  const actions = plan.adminTools ? [...ACTIONS, ...ADMIN_ACTIONS] : ACTIONS;
  const total = actions.reduce((n, [w]) => n + w, 0);
  for (
    let t = at(120) + host.rng.exponential(plan.actionEveryMinutes * 60e6);
    t < plan.leave - 120e6;
    t += host.rng.exponential(plan.actionEveryMinutes * 60e6)
  ) {
    let roll = host.rng.next() * total;
    for (const [weight, run] of actions) {
      roll -= weight;
      if (roll < 0) {
        run(state, Math.floor(t));
        break;
      }
    }
  }
  logOff(host, plan.leave, desktop.session, true);
  return desktop;
}
