// A week of ordinary Windows activity on the six sample hosts: desktops used by their owners on working
// days, file-share traffic, domain controller authentication, and background tasks everywhere.
import { MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE } from '../timeFormat.js';
import { simulateBackground } from '../windows/backgroundActivity.js';
import { simulateDesktopDay } from '../windows/desktopActivity.js';
import type { Desktop } from '../windows/desktopSession.js';
import {
  morningAuthentication,
  mistypedPassword,
  ntlmValidation,
  shareAccess,
} from '../windows/directoryActivity.js';
import type { DomainRef, DomainUser } from '../windows/directoryActivity.js';
import type { HostSim } from '../windows/hostSim.js';
import { serviceStateChanged7036 } from '../windows/miscEvents.js';
import { ACCOUNTS, ACTIVE_STAFF, DOMAIN, HOSTS, staff, WEEK_START } from './company.js';
import type { SampleHosts } from './sampleHosts.js';

const WORKDAYS = [0, 1, 2, 3, 4];

export const SAMPLE_DOMAIN: DomainRef = {
  realm: DOMAIN.realm,
  krbtgtSid: ACCOUNTS.krbtgt.sid,
  services: [
    { spn: 'cifs/FS01.corp.local', sid: `${DOMAIN.sid}-1602` },
    { spn: 'ldap/DC01.corp.local', sid: `${DOMAIN.sid}-1000` },
    { spn: 'DC01$', sid: `${DOMAIN.sid}-1000` },
    { spn: 'HTTP/intranet.corp.local', sid: `${DOMAIN.sid}-1520` },
    { spn: 'MSSQLSvc/SQL01.corp.local:1433', sid: `${DOMAIN.sid}-1521` },
  ],
};

function day(index: number): number {
  return WEEK_START + index * MICROS_PER_DAY;
}

/** A working-day arrival or departure around a given hour, spread by up to an hour. */
function around(host: HostSim, dayIndex: number, hour: number, spreadMinutes = 60): number {
  return day(dayIndex) + hour * MICROS_PER_HOUR + host.rng.int(0, spreadMinutes * 60) * 1_000_000;
}

export interface NoiseResult {
  /** admin.smith's desktop on ADM01 and John Doe's on WS01, per day index, for the stories. */
  adminDesktops: Map<number, Desktop>;
  ws01Desktops: Map<number, Desktop>;
}

export function simulateWindowsNoise(h: SampleHosts, ws02SecurityFrom: number): NoiseResult {
  const weekEnd = day(7);
  // WS01: John Doe works at it Monday, Tuesday, Thursday and Friday; on Wednesday he works from home.
  const ws01Desktops = new Map<number, Desktop>();
  for (const d of [0, 1, 3, 4]) {
    const plan = {
      user: staff('jdoe').account,
      uacAdmin: true,
      arrive: around(h.ws01, d, 7.5),
      leave: around(h.ws01, d, 16.5),
      actionEveryMinutes: 2.4,
    };
    ws01Desktops.set(d, simulateDesktopDay(h.ws01, plan));
  }
  simulateBackground(h.ws01, day(0), weekEnd, { processEveryMinutes: 11, serviceLogonEveryMinutes: 30 });

  const adminDesktops = new Map<number, Desktop>();
  for (const d of WORKDAYS) {
    const desktop = simulateDesktopDay(h.adm01, {
      user: ACCOUNTS.adminSmith,
      uacAdmin: true,
      arrive: around(h.adm01, d, 7.75, 40),
      leave: around(h.adm01, d, 16.75),
      actionEveryMinutes: 9,
      adminTools: true,
    });
    adminDesktops.set(d, desktop);
  }
  simulateBackground(h.adm01, day(0), weekEnd, { processEveryMinutes: 35, serviceLogonEveryMinutes: 40 });

  // WS02's Security log was cleared on Friday evening: only what came after survives in it.
  simulateBackground(h.ws02, ws02SecurityFrom, weekEnd, {
    processEveryMinutes: 30,
    serviceLogonEveryMinutes: 22,
  });
  simulateServiceChanges(h.ws02, day(0), weekEnd);

  simulateBackground(h.fs01, day(0), weekEnd, { processEveryMinutes: 30, serviceLogonEveryMinutes: 40 });
  simulateShareTraffic(h.fs01, 2.9, 40);
  simulateBackground(h.prov, day(0), weekEnd, { processEveryMinutes: 14, serviceLogonEveryMinutes: 30 });
  simulateShareTraffic(h.prov, 25, 240);
  simulateDomainController(h.dc01);
  simulateBackground(h.dc01, day(0), weekEnd, { processEveryMinutes: 60, serviceLogonEveryMinutes: 25 });
  return { adminDesktops, ws01Desktops };
}

function domainUser(sam: string): DomainUser {
  const p = staff(sam);
  return { account: p.account, lanIp: p.lanIp, lanHost: p.lanHost };
}

/** Share logons: every `busyMinutes` on average in office hours, every `quietMinutes` otherwise. */
function simulateShareTraffic(server: HostSim, busyMinutes: number, quietMinutes: number): void {
  for (let d = 0; d < 7; d++) {
    const office = WORKDAYS.includes(d);
    for (let t = day(d); t < day(d + 1);) {
      const hour = (t - day(d)) / MICROS_PER_HOUR;
      const busy = office && hour >= 7.5 && hour < 17.5;
      t += Math.round(server.rng.exponential((busy ? busyMinutes : quietMinutes) * MICROS_PER_MINUTE));
      if (t >= day(d + 1)) break;
      const user = busy
        ? domainUser(server.rng.pick(ACTIVE_STAFF).sam)
        : { account: ACCOUNTS.svcBackup, lanIp: '10.0.3.40', lanHost: 'BKP01' };
      shareAccess(server, t, user);
    }
  }
}

function simulateDomainController(dc: HostSim): void {
  for (const d of WORKDAYS) {
    for (const person of ACTIVE_STAFF) {
      if (dc.rng.chance(0.12)) continue; // on leave, or not in today
      morningAuthentication(dc, around(dc, d, 7, 150), domainUser(person.sam), SAMPLE_DOMAIN);
      // Ten-hour TGTs: people who stay long renew in the afternoon.
      if (dc.rng.chance(0.2))
        morningAuthentication(dc, around(dc, d, 13, 180), domainUser(person.sam), SAMPLE_DOMAIN);
    }
    for (let i = 0; i < 3; i++)
      mistypedPassword(dc, around(dc, d, 8, 540), domainUser(dc.rng.pick(ACTIVE_STAFF).sam), SAMPLE_DOMAIN);
    for (let i = 0; i < 18; i++)
      ntlmValidation(dc, around(dc, d, 7, 600), domainUser(dc.rng.pick(ACTIVE_STAFF).sam));
  }
  // Member servers and the collected workstations renew their machine tickets around the clock.
  const machines = [HOSTS.FS01, HOSTS.PROV, HOSTS.ADM01, HOSTS.WS01, HOSTS.WS02];
  for (let d = 0; d < 7; d++) {
    machines.forEach((m, i) => {
      const account = { sid: `${DOMAIN.sid}-${1601 + i}`, name: `${m.name}$`, domain: DOMAIN.netbios };
      for (const hour of [1, 11, 21]) {
        morningAuthentication(
          dc,
          around(dc, d, hour, 50),
          { account, lanIp: m.ip, lanHost: m.name },
          SAMPLE_DOMAIN,
        );
      }
    });
  }
}

const SERVICES: Array<[string, string]> = [
  ['Windows Update', 'wuauserv'],
  ['Windows Modules Installer', 'TrustedInstaller'],
  ['Delivery Optimization', 'DoSvc'],
  ['Microsoft Store Install Service', 'InstallService'],
  ['WinHTTP Web Proxy Auto-Discovery Service', 'WinHttpAutoProxySvc'],
];

/** Service start/stop pairs in the System log. */
function simulateServiceChanges(host: HostSim, from: number, to: number): void {
  for (
    let t = from + host.rng.exponential(50 * MICROS_PER_MINUTE);
    t < to;
    t += host.rng.exponential(50 * MICROS_PER_MINUTE)
  ) {
    const [name, key] = host.rng.pick(SERVICES);
    const at = Math.floor(t);
    host.emit(serviceStateChanged7036(host.ctxFor(at, host.boot.services.pid), name, key, 'running'));
    host.emit(
      serviceStateChanged7036(
        host.ctxFor(at + host.rng.int(30, 600) * 1_000_000, host.boot.services.pid),
        name,
        key,
        'stopped',
      ),
    );
  }
}
