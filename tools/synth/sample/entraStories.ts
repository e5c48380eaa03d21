// The intrusion and its look-alikes in Entra ID: the night-time username enumeration and SSPR probe
// from 203.0.113.77, the probed account that later signs in from there, the authorised penetration
// test (allowlisted), the helpdesk's bulk SSPR check (allowlisted) and a burst below the threshold.
import { SSPR_REASONS } from '../entra/auditRecord.js';
import type { AuditRecord } from '../entra/auditRecord.js';
import { playEnumerationBurst, playSsprProbe } from '../entra/reconPlays.js';
import type { ProbedName } from '../entra/reconPlays.js';
import { BROWSER_AGENT, LOCATIONS, makeSignin, unknownDevice } from '../entra/signinFactory.js';
import type { SigninRecord } from '../entra/signinRecord.js';
import type { SeededRandom } from '../random.js';
import { ACTIVE_STAFF, ADDRESSES, STAFF, TENANT, staff } from './company.js';
import type { Person } from './company.js';
import { GUESSED_LOCAL_PARTS } from './names.js';
import { TIMELINE } from './timeline.js';

function probed(p: Person, errorCode: number): ProbedName {
  return { upn: p.upn, displayName: p.displayName, userId: p.entraId, errorCode };
}

function unknownName(localPart: string): ProbedName {
  return { upn: `${localPart}@${TENANT.domain}`, displayName: null, userId: '', errorCode: 50034 };
}

function guessedNames(count: number): ProbedName[] {
  const real = new Set(STAFF.map((p) => p.sam));
  const names = GUESSED_LOCAL_PARTS.filter((n) => !real.has(n)).slice(0, count);
  if (names.length < count) throw new Error(`only ${names.length} guessed names, ${count} wanted`);
  return names.map(unknownName);
}

export interface EntraStoryRecords {
  signins: SigninRecord[];
  audits: AuditRecord[];
}

export interface EntraStoryFacts {
  enumeration: { distinct: string[]; notFound: number; first: number; last: number };
  ssprTargets: string[];
  pentestDistinct: string[];
  helpdeskTargets: string[];
  subThresholdDistinct: string[];
}

export function entraStories(rng: SeededRandom): EntraStoryRecords & { facts: EntraStoryFacts } {
  // The attacker's list: 25 real names (wrong password), 3 locked, 3 disabled leavers, 99 that do not exist.
  const realProbed = [staff('jdoe'), ...ACTIVE_STAFF.slice(30, 54)];
  const locked = ACTIVE_STAFF.slice(60, 63);
  const leavers = STAFF.filter((p) => p.disabled).slice(0, 3);
  const names = [
    ...realProbed.map((p) => probed(p, 50126)),
    ...locked.map((p) => probed(p, 50053)),
    ...leavers.map((p) => probed(p, 50057)),
    ...guessedNames(99),
  ];
  const enumeration = playEnumerationBurst(rng.fork('enumeration'), {
    ip: ADDRESSES.attacker,
    start: TIMELINE.entraEnumeration,
    pace: 14,
    names,
    app: 'aadPowerShell',
    resource: 'aadGraph',
    location: LOCATIONS.bucharest,
    retryShare: 0.15,
  });

  const ssprTargets = [...realProbed, ...locked, staff('asmith'), ACTIVE_STAFF[70]!].map((p) => ({
    upn: p.upn,
    displayName: p.displayName,
    userId: p.entraId,
  }));
  const sspr = playSsprProbe(rng.fork('sspr'), {
    ip: ADDRESSES.attacker,
    start: TIMELINE.ssprProbe,
    pace: 28,
    targets: ssprTargets,
    blockedTargets: ssprTargets.slice(0, 3),
    reason: SSPR_REASONS.insufficientMethods,
  });

  // The password the attacker found works: jdoe signs in from the enumerating address the next morning.
  const jdoe = staff('jdoe');
  const device = unknownDevice('Windows10', 'Chrome 122.0.0');
  const success = [
    makeSignin(rng, {
      upn: jdoe.upn,
      displayName: jdoe.displayName,
      userId: jdoe.entraId,
      time: TIMELINE.attackerSignin,
      ip: ADDRESSES.attacker,
      app: 'officeHome',
      resource: 'exchange',
      errorCode: 0,
      interactive: true,
      device,
      location: LOCATIONS.bucharest,
      userAgent: BROWSER_AGENT,
    }),
    makeSignin(rng, {
      upn: jdoe.upn,
      displayName: jdoe.displayName,
      userId: jdoe.entraId,
      time: TIMELINE.attackerSignin + 74_000_000,
      ip: ADDRESSES.attacker,
      app: 'office',
      resource: 'exchange',
      errorCode: 0,
      interactive: false,
      device,
      location: LOCATIONS.bucharest,
    }),
  ];

  // The testers know names from public profiles but not the naming scheme: "first.last" does not exist.
  const dotted = [...new Set(ACTIVE_STAFF.map((p) => p.displayName.toLowerCase().replace(/ /g, '.')))].slice(
    0,
    22,
  );
  const pentestNames = [
    ...ACTIVE_STAFF.slice(80, 98).map((p) => probed(p, 50126)),
    ...dotted.map(unknownName),
  ];
  const pentest = playEnumerationBurst(rng.fork('pentest'), {
    ip: ADDRESSES.pentest,
    start: TIMELINE.pentest,
    pace: 40,
    names: pentestNames,
    app: 'office',
    resource: 'graph',
    location: LOCATIONS.amsterdam,
    retryShare: 0,
  });

  const subNames = [
    ...ACTIVE_STAFF.slice(100, 108).map((p) => probed(p, 50126)),
    ...['j.doe', 'john.doe', 'alice.smith', 'a.smith'].map(unknownName),
  ];
  const subThreshold = playEnumerationBurst(rng.fork('sub-threshold'), {
    ip: ADDRESSES.subThresholdEntra,
    start: TIMELINE.subThresholdEntra,
    pace: 110,
    names: subNames,
    app: 'office',
    resource: 'exchange',
    location: LOCATIONS.frankfurt,
    retryShare: 0,
  });

  const helpdeskTargets = ACTIVE_STAFF.slice(110, 128).map((p) => ({
    upn: p.upn,
    displayName: p.displayName,
    userId: p.entraId,
  }));
  const helpdesk = playSsprProbe(rng.fork('helpdesk'), {
    ip: ADDRESSES.helpdeskTool,
    start: TIMELINE.helpdeskSspr,
    pace: 12,
    targets: helpdeskTargets,
    blockedTargets: [],
    reason: SSPR_REASONS.insufficientMethods,
  }).filter((a) => a.result === 'failure');

  const distinct = (rs: SigninRecord[]) => [...new Set(rs.map((r) => r.userPrincipalName.toLowerCase()))];
  return {
    signins: [...enumeration, ...success, ...pentest, ...subThreshold],
    audits: [...sspr, ...helpdesk],
    facts: {
      enumeration: {
        distinct: distinct(enumeration),
        notFound: enumeration.filter((r) => r.status.errorCode === 50034).length,
        first: enumeration[0]!.createdDateTime,
        last: enumeration[enumeration.length - 1]!.createdDateTime,
      },
      ssprTargets: ssprTargets.map((t) => t.upn),
      pentestDistinct: distinct(pentest),
      helpdeskTargets: helpdeskTargets.map((t) => t.upn),
      subThresholdDistinct: distinct(subThreshold),
    },
  };
}
