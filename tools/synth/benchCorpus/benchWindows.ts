// Writes one Windows export of the benchmark corpus: a host group simulated day by day, each day's
// events merged in time order (as a Windows Event Collector forwards them) and streamed to disk until
// the file's event quota is met. Only one simulated day is ever held in memory.
import { join } from 'node:path';
import { openFileSink } from '../textSink.js';
import { isWeekend, MICROS_PER_DAY, MICROS_PER_HOUR } from '../timeFormat.js';
import { simulateBackground } from '../windows/backgroundActivity.js';
import { simulateDesktopDay } from '../windows/desktopActivity.js';
import {
  mistypedPassword,
  morningAuthentication,
  ntlmValidation,
  shareAccess,
} from '../windows/directoryActivity.js';
import type { DomainUser } from '../windows/directoryActivity.js';
import { flavourEncoding, WinEventExportWriter } from '../windows/exportFlavours.js';
import type { WinEvent } from '../windows/winEvent.js';
import { playKerberosProbe } from '../windows/plays/domainControllerPlays.js';
import { playRdpLocalBackdoor } from '../windows/plays/rdpLocalBackdoor.js';
import { BENCH_DOMAIN_REF } from './benchFleet.js';
import type { BenchGroup, BenchHost } from './benchFleet.js';

export interface BenchWindowsFile {
  name: string;
  flavour: 'wevtutil' | 'event-viewer';
  group: BenchGroup;
  quota: number;
}

export interface BenchFileResult {
  name: string;
  events: number;
  bytes: number;
}

const HOUR = MICROS_PER_HOUR;

function simulateWorkstationDay(h: BenchHost, day: number, attackNo: () => number): void {
  const sim = h.sim;
  if (!isWeekend(day) && h.owner) {
    simulateDesktopDay(sim, {
      user: h.owner.account,
      uacAdmin: sim.rng.chance(0.3),
      arrive: day + 7 * HOUR + sim.rng.int(0, 5400) * 1e6,
      leave: day + 16 * HOUR + sim.rng.int(0, 7200) * 1e6,
      actionEveryMinutes: 2.5,
    });
    // Roughly one workstation in 400 per day is broken into: enough for the analytics to find.
    if (sim.rng.chance(0.0025)) {
      const n = attackNo();
      playRdpLocalBackdoor(sim, day + 19 * HOUR + sim.rng.int(0, 3 * 3600) * 1e6, {
        user: h.owner.account,
        clientIp: `10.99.${n % 250}.${7 + (n % 200)}`,
        clientName: `DESKTOP-${sim.rng.hex(7).toUpperCase()}`,
        terminalSession: 2,
        backdoor: { name: `support_${sim.rng.hex(4)}`, rid: 1002 + n, password: 'Winter2026!' },
        machineSid: h.machineSid,
        artifactFile: 'users.txt',
        followUp: {
          ip: `10.99.${n % 250}.${210 + (n % 40)}`,
          workstation: `WIN-${sim.rng.hex(11).toUpperCase()}`,
          afterCreationMinutes: 10,
        },
      });
    }
  }
  simulateBackground(sim, day, day + MICROS_PER_DAY, {
    processEveryMinutes: 10,
    serviceLogonEveryMinutes: 25,
  });
}

function simulateServerDay(h: BenchHost, day: number, users: DomainUser[]): void {
  const sim = h.sim;
  simulateBackground(sim, day, day + MICROS_PER_DAY, {
    processEveryMinutes: 6,
    serviceLogonEveryMinutes: 20,
  });
  const busy = !isWeekend(day);
  for (
    let t = day + sim.rng.exponential(3 * 60e6);
    t < day + MICROS_PER_DAY;
    t += sim.rng.exponential((busy ? 0.6 : 8) * 60e6)
  ) {
    shareAccess(sim, Math.floor(t), sim.rng.pick(users));
  }
}

function simulateDcDay(h: BenchHost, day: number, users: DomainUser[]): void {
  const sim = h.sim;
  if (!isWeekend(day)) {
    for (const u of users)
      if (sim.rng.chance(0.5))
        morningAuthentication(sim, day + 7 * HOUR + sim.rng.int(0, 9000) * 1e6, u, BENCH_DOMAIN_REF);
    for (let i = 0; i < 40; i++)
      mistypedPassword(
        sim,
        day + 8 * HOUR + sim.rng.int(0, 32_000) * 1e6,
        sim.rng.pick(users),
        BENCH_DOMAIN_REF,
      );
    for (let i = 0; i < 300; i++)
      ntlmValidation(sim, day + 7 * HOUR + sim.rng.int(0, 36_000) * 1e6, sim.rng.pick(users));
  }
  if (sim.rng.chance(0.4)) {
    const unknown = Array.from(
      { length: sim.rng.int(16, 60) },
      (_, i) => `${sim.rng.pick(['adm', 'svc', 'test', 'user', 'backup', 'sql'])}${i}${sim.rng.hex(2)}`,
    );
    playKerberosProbe(sim, day + sim.rng.int(1, 22) * HOUR, {
      sourceIp: `10.99.${sim.rng.int(1, 250)}.${sim.rng.int(2, 250)}`,
      realm: BENCH_DOMAIN_REF.realm,
      unknownNames: unknown,
      realAccounts: users.slice(0, 5).map((u) => u.account),
      pace: 20,
    });
  }
  simulateBackground(sim, day, day + MICROS_PER_DAY, {
    processEveryMinutes: 60,
    serviceLogonEveryMinutes: 10,
  });
}

/** Streams one group's events into one file until `quota` events are written. */
export function writeBenchWindowsFile(
  dir: string,
  file: BenchWindowsFile,
  start: number,
  users: DomainUser[],
  /** Sees every event written, in order: the bench writes the same events as .evtx through it. */
  onEvent?: (ev: WinEvent) => void,
): BenchFileResult {
  const { encoding, bom } = flavourEncoding(file.flavour);
  const sink = openFileSink(join(dir, file.name), encoding, bom);
  const writer = new WinEventExportWriter(sink, file.flavour);
  let attacks = 0;
  const attackNo = () => attacks++;
  for (let day = start; writer.events < file.quota; day += MICROS_PER_DAY) {
    if (day > start + 3650 * MICROS_PER_DAY)
      throw new Error(`${file.name}: the group cannot fill ${file.quota} events`);
    const events: WinEvent[] = [];
    for (const h of file.group.hosts) {
      if (file.group.role === 'workstation') simulateWorkstationDay(h, day, attackNo);
      else if (file.group.role === 'server') simulateServerDay(h, day, users);
      else simulateDcDay(h, day, users);
      for (const list of h.sim.drain().values()) for (const ev of list) events.push(ev);
      h.sim.forgetBefore(day - MICROS_PER_DAY);
    }
    events.sort((a, b) => a.time - b.time);
    for (const ev of events) {
      if (writer.events >= file.quota) break;
      writer.write(ev);
      onEvent?.(ev);
    }
  }
  const events = writer.finish();
  sink.close();
  return { name: file.name, events, bytes: sink.bytesWritten };
}
