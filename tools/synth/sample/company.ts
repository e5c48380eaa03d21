// The fictional company of the sample case: CORP (corp.local) on premises, contoso.example in Entra ID,
// its staff, service accounts, hosts and the network they sit on. Everything is derived from the seed.
import { SeededRandom } from '../random.js';
import { utcMicros } from '../timeFormat.js';
import type { Account } from '../windows/winEvent.js';
import { FIRST_NAMES, LAST_NAMES } from './names.js';

export const DOMAIN = {
  netbios: 'CORP',
  dns: 'corp.local',
  realm: 'CORP.LOCAL',
  dn: 'DC=corp,DC=local',
  sid: 'S-1-5-21-3105947286-2748392105-1962301045',
} as const;

export const TENANT = {
  domain: 'contoso.example',
  id: '5f0c2b7e-8d1a-4c3e-9b6f-2a7d4e1c9b30',
} as const;

/** The case covers Monday 9 to Sunday 15 March 2026, UTC. */
export const WEEK_START = utcMicros(2026, 3, 9);
export const WEEK_END = utcMicros(2026, 3, 16);

export interface Person {
  sam: string;
  displayName: string;
  upn: string;
  entraId: string;
  account: Account;
  /** The address of the person's own (uncollected) workstation or laptop on the LAN. */
  lanIp: string;
  lanHost: string;
  /** The public address of the person's home connection (documentation ranges only). */
  homeIp: string;
  /** Former staff whose Entra account is disabled: sign-ins fail with 50057. */
  disabled?: boolean;
}

export function domainAccount(sam: string, rid: number): Account {
  return { sid: `${DOMAIN.sid}-${rid}`, name: sam, domain: DOMAIN.netbios };
}

function person(sam: string, displayName: string, rid: number, rng: SeededRandom, index: number): Person {
  return {
    sam,
    displayName,
    upn: `${sam}@${TENANT.domain}`,
    entraId: rng.guid(),
    account: domainAccount(sam, rid),
    lanIp: `10.0.1.${30 + (index % 200)}`,
    lanHost: `LT-${String(1040 + index).padStart(4, '0')}`,
    // Home addresses are spread over 198.51.100.100-199 and 203.0.113.160-249: never the story addresses.
    homeIp:
      index % 2 === 0 ? `198.51.100.${100 + ((index * 7) % 100)}` : `203.0.113.${160 + ((index * 11) % 90)}`,
  };
}

function buildStaff(): Person[] {
  const rng = new SeededRandom('corp-staff');
  const staff: Person[] = [];
  const used = new Set<string>();
  const named: Array<[string, string]> = [
    ['jdoe', 'John Doe'],
    ['asmith', 'Alice Smith'],
    ['mdevries', 'Marieke de Vries'],
  ];
  let rid = 1104;
  for (const [sam, name] of named) {
    used.add(sam);
    staff.push(person(sam, name, rid++, rng, staff.length));
  }
  while (staff.length < 140) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let sam = `${first[0]}${last}`.toLowerCase();
    for (let n = 2; used.has(sam); n++) sam = `${first[0]}${last}${n}`.toLowerCase();
    used.add(sam);
    staff.push(person(sam, `${first} ${last}`, rid++, rng, staff.length));
  }
  // Four leavers keep disabled accounts; the attacker's list happens to contain some of them.
  for (const p of staff.slice(130, 134)) p.disabled = true;
  return staff;
}

export const STAFF: readonly Person[] = buildStaff();

export function staff(sam: string): Person {
  const p = STAFF.find((s) => s.sam === sam);
  if (!p) throw new Error(`no such person ${sam}`);
  return p;
}

/** People who work on a given day (everyone still employed). */
export const ACTIVE_STAFF: readonly Person[] = STAFF.filter((p) => !p.disabled);

export const ACCOUNTS = {
  adminSmith: domainAccount('admin.smith', 1300),
  svcProvision: domainAccount('svc_provision', 1310),
  svcInventory: domainAccount('svc_inventory', 1311),
  svcBackup: domainAccount('svc_backup', 1312),
  svcReport: domainAccount('svc-report', 1401),
  krbtgt: domainAccount('krbtgt', 502),
} as const;

export interface HostPlan {
  name: string;
  ip: string;
  /** The local SAM's SID prefix (local accounts and groups). */
  machineSid: string;
  processAuditing: boolean;
  sysmon: boolean;
}

export const HOSTS = {
  DC01: { name: 'DC01', ip: '10.0.0.10', machineSid: DOMAIN.sid, processAuditing: false, sysmon: false },
  FS01: {
    name: 'FS01',
    ip: '10.0.3.20',
    machineSid: 'S-1-5-21-1204778390-3381957152-842650313',
    processAuditing: true,
    sysmon: false,
  },
  PROV: {
    name: 'SRV-PROV01',
    ip: '10.0.3.30',
    machineSid: 'S-1-5-21-2893310164-1522047981-3920184427',
    processAuditing: true,
    sysmon: false,
  },
  ADM01: {
    name: 'ADM01',
    ip: '10.0.2.15',
    machineSid: 'S-1-5-21-4012577362-2216850912-1407738845',
    processAuditing: true,
    sysmon: true,
  },
  WS01: {
    name: 'WS01',
    ip: '10.0.1.21',
    machineSid: 'S-1-5-21-1733592050-2908431877-3165520416',
    processAuditing: true,
    sysmon: true,
  },
  WS02: {
    name: 'WS02',
    ip: '10.0.1.22',
    machineSid: 'S-1-5-21-3320514771-1056329484-2707751903',
    processAuditing: false,
    sysmon: false,
  },
} as const satisfies Record<string, HostPlan>;

/** Addresses the stories use, kept apart from the ranges noise draws from. */
export const ADDRESSES = {
  officeEgress: '192.0.2.10',
  helpdeskTool: '192.0.2.45',
  attacker: '203.0.113.77',
  pentest: '198.51.100.23',
  subThresholdEntra: '203.0.113.150',
  attackerVpn: '10.0.4.7',
  backdoorSource: '10.0.4.9',
  copier: '10.0.5.33',
} as const;

export const BUILTIN = {
  administrators: { sid: 'S-1-5-32-544', name: 'Administrators', domain: 'Builtin' },
  users: { sid: 'S-1-5-32-545', name: 'Users', domain: 'Builtin' },
} as const;
