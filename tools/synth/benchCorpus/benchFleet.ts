// The larger, generated organisation the benchmark corpus simulates: many workstations with one owner
// each, member servers, and domain controllers, grouped the way a Windows Event Collector would
// forward them into separate exports.
import { SeededRandom } from '../random.js';
import { MICROS_PER_DAY } from '../timeFormat.js';
import { HostSim } from '../windows/hostSim.js';
import type { DomainRef, DomainUser } from '../windows/directoryActivity.js';
import type { Account } from '../windows/winEvent.js';
import { FIRST_NAMES, LAST_NAMES } from '../sample/names.js';

export const BENCH_DOMAIN = {
  netbios: 'CORP',
  dns: 'corp.local',
  realm: 'CORP.LOCAL',
  sid: 'S-1-5-21-2840155073-1190847726-3375520981',
};

export const BENCH_DOMAIN_REF: DomainRef = {
  realm: BENCH_DOMAIN.realm,
  krbtgtSid: `${BENCH_DOMAIN.sid}-502`,
  services: [
    { spn: 'cifs/FS01.corp.local', sid: `${BENCH_DOMAIN.sid}-1602` },
    { spn: 'ldap/DC01.corp.local', sid: `${BENCH_DOMAIN.sid}-1000` },
    { spn: 'HTTP/intranet.corp.local', sid: `${BENCH_DOMAIN.sid}-1520` },
  ],
};

export interface BenchHost {
  sim: HostSim;
  /** The person who uses a workstation; servers and DCs have none. */
  owner?: DomainUser;
  /** Local SAM SID prefix, for accounts created on it. */
  machineSid: string;
}

export type HostRole = 'workstation' | 'server' | 'dc';

export interface BenchGroup {
  role: HostRole;
  hosts: BenchHost[];
}

export function benchUsers(count: number, seed: string): DomainUser[] {
  const rng = new SeededRandom(`${seed}/users`);
  const used = new Set<string>();
  const users: DomainUser[] = [];
  for (let i = 0; users.length < count; i++) {
    let sam = `${rng.pick(FIRST_NAMES)[0]}${rng.pick(LAST_NAMES)}`.toLowerCase();
    if (used.has(sam)) sam = `${sam}${i}`;
    used.add(sam);
    const account: Account = {
      sid: `${BENCH_DOMAIN.sid}-${2000 + users.length}`,
      name: sam,
      domain: BENCH_DOMAIN.netbios,
    };
    users.push({
      account,
      lanIp: `10.${20 + Math.floor(users.length / 250)}.${Math.floor(users.length / 250) % 250}.${10 + (users.length % 240)}`,
      lanHost: `WS${String(users.length + 1).padStart(4, '0')}`,
    });
  }
  return users;
}

function machineSid(rng: SeededRandom): string {
  return `S-1-5-21-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}`;
}

export function makeBenchHost(
  seed: string,
  name: string,
  ip: string,
  role: HostRole,
  start: number,
  owner?: DomainUser,
): BenchHost {
  const rng = new SeededRandom(`${seed}/host/${name}`);
  const sim = new HostSim(
    {
      name,
      dnsDomain: BENCH_DOMAIN.dns,
      netbiosDomain: BENCH_DOMAIN.netbios,
      ip,
      processAuditing: role !== 'dc',
      sysmon: role !== 'dc',
      bootTime: start - rng.int(1, 20) * MICROS_PER_DAY,
      firstRecordIds: {
        Security: rng.int(10_000, 900_000),
        'Microsoft-Windows-Sysmon/Operational': rng.int(10_000, 900_000),
      },
    },
    rng,
  );
  return { sim, owner, machineSid: machineSid(rng) };
}
