// A week of ordinary Entra ID activity for the company's staff: interactive sign-ins from the office or
// from home (with the MFA prompt a new location brings), token refreshes in the background, and the
// directory changes Entra Connect and the occasional self-service password reset write.
import { CORE_DIRECTORY, SSPR_ACTIVITIES, SSPR_REASONS } from '../entra/auditRecord.js';
import type { AuditRecord } from '../entra/auditRecord.js';
import { ssprAudit } from '../entra/reconPlays.js';
import { LOCATIONS, makeSignin, managedDevice, unknownDevice } from '../entra/signinFactory.js';
import type { SigninRecord } from '../entra/signinRecord.js';
import type { SeededRandom } from '../random.js';
import { MICROS_PER_DAY, MICROS_PER_HOUR } from '../timeFormat.js';
import { ACTIVE_STAFF, ADDRESSES, WEEK_START } from './company.js';
import type { Person } from './company.js';

function at(rng: SeededRandom, dayIndex: number, hour: number, spreadMinutes: number): number {
  return WEEK_START + dayIndex * MICROS_PER_DAY + hour * MICROS_PER_HOUR + rng.int(0, spreadMinutes * 60_000) * 1000;
}

function userFacts(p: Person) {
  return { upn: p.upn, displayName: p.displayName, userId: p.entraId };
}

function personDay(rng: SeededRandom, p: Person, d: number, out: SigninRecord[]): void {
  const weekend = d >= 5;
  if (weekend ? !rng.chance(0.06) : rng.chance(0.1)) return;
  const office = !weekend && rng.chance(0.7);
  const ip = office ? ADDRESSES.officeEgress : p.homeIp;
  const location = office ? LOCATIONS.amsterdam : rng.pick([LOCATIONS.utrecht, LOCATIONS.rotterdam, LOCATIONS.amsterdam]);
  const device = managedDevice(`${p.entraId.slice(0, 8)}-7d1e-4b6a-9c3f-${p.entraId.slice(-12)}`, p.lanHost);
  const base = { ...userFacts(p), ip, device, location };
  let t = at(rng, d, weekend ? 10 : 7, weekend ? 480 : 120);
  if (rng.chance(0.012)) {
    out.push(makeSignin(rng, { ...base, time: t, app: 'officeHome', resource: 'exchange', errorCode: 50126, interactive: true }));
    t += rng.int(20, 90) * 1_000_000;
  }
  out.push(makeSignin(rng, { ...base, time: t, app: 'windowsSignIn', resource: 'aadGraph', errorCode: 0, interactive: true }));
  if (rng.chance(0.8)) {
    t += rng.int(5, 240) * 60_000_000;
    if (!office && rng.chance(0.5)) {
      out.push(makeSignin(rng, { ...base, time: t, app: 'officeHome', resource: 'exchange', errorCode: 50076, interactive: true }));
      t += rng.int(15, 60) * 1_000_000;
    } else if (rng.chance(0.15)) {
      out.push(makeSignin(rng, { ...base, time: t, app: 'officeHome', resource: 'exchange', errorCode: 50140, interactive: true }));
      t += rng.int(3, 20) * 1_000_000;
    }
    out.push(makeSignin(rng, { ...base, time: t, app: 'officeHome', resource: 'exchange', errorCode: 0, interactive: true, mfa: !office }));
  }
  if (rng.chance(0.6)) out.push(makeSignin(rng, { ...base, time: t + rng.int(20, 300) * 60_000_000, app: 'teams', resource: 'teamsService', errorCode: 0, interactive: true, mfa: !office }));
  if (rng.chance(0.5)) out.push(makeSignin(rng, { ...base, time: t + rng.int(30, 420) * 60_000_000, app: 'officeHome', resource: 'sharePoint', errorCode: 0, interactive: true, mfa: !office }));
  const refreshes = rng.int(2, 4);
  for (let i = 0; i < refreshes; i++) {
    const app = rng.pick(['teams', 'office', 'oneDrive'] as const);
    const resource = app === 'teams' ? 'teamsService' : app === 'office' ? 'exchange' : 'sharePoint';
    const code = rng.chance(0.03) ? 70044 : 0;
    out.push(makeSignin(rng, { ...base, time: t + rng.int(10, 480) * 60_000_000, app, resource, errorCode: code, interactive: false }));
  }
}

export function entraSigninNoise(rng: SeededRandom): SigninRecord[] {
  const out: SigninRecord[] = [];
  for (let d = 0; d < 7; d++) for (const p of ACTIVE_STAFF) personDay(rng, p, d, out);
  // A handful of phones sign in over IPv6 from the carrier's (documentation) prefix.
  for (let i = 0; i < 40; i++) {
    const p = rng.pick(ACTIVE_STAFF);
    out.push(makeSignin(rng, { ...userFacts(p), time: at(rng, rng.int(0, 6), 6, 900), ip: `2001:db8:4a1:${rng.hex(4)}::${rng.hex(3)}`, app: 'authBroker', resource: 'graph', errorCode: 0, interactive: false, device: unknownDevice('Ios', 'Mobile Safari'), location: LOCATIONS.amsterdam }));
  }
  return out;
}

const SYNC_APP = { appId: 'cb1056e2-e479-49de-ae31-7812af012ed8', displayName: 'Microsoft Azure AD Connect', servicePrincipalId: '6a3c9f12-0d4b-4e57-8a2f-91c5e7b30d44', servicePrincipalName: null };

function directoryChange(rng: SeededRandom, t: number, p: Person, activity: string): AuditRecord {
  return {
    id: `Directory_${rng.hex(8).toUpperCase()}_${rng.hex(5).toUpperCase()}_${rng.int(10000000, 99999999)}`,
    activityDateTime: t,
    activityDisplayName: activity,
    category: activity.includes('group') ? 'GroupManagement' : 'UserManagement',
    correlationId: rng.guid(),
    loggedByService: CORE_DIRECTORY,
    operationType: activity.startsWith('Add') ? 'Assign' : 'Update',
    result: 'success',
    resultReason: '',
    initiatedBy: { user: null, app: SYNC_APP },
    targetResources: [{ id: p.entraId, displayName: null, type: 'User', userPrincipalName: p.upn, modifiedProperties: [{ displayName: 'LastDirSyncTime', oldValue: null, newValue: `["${new Date(Math.floor(t / 1000)).toISOString().slice(0, 19)}Z"]` }] }],
    additionalDetails: [{ key: 'UserType', value: 'Member' }],
  };
}

export function entraAuditNoise(rng: SeededRandom): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let d = 0; d < 7; d++) {
    const changes = d >= 5 ? 4 : 22;
    for (let i = 0; i < changes; i++) out.push(directoryChange(rng, at(rng, d, 0, 1439), rng.pick(ACTIVE_STAFF), rng.chance(0.85) ? 'Update user' : 'Add member to group'));
  }
  // A few people reset their own password through SSPR, from their own address.
  for (let i = 0; i < 6; i++) {
    const p = rng.pick(ACTIVE_STAFF);
    const t = at(rng, rng.int(0, 4), 7, 600);
    const target = { upn: p.upn, displayName: p.displayName, userId: p.entraId };
    out.push(ssprAudit(rng, t, p.homeIp, target, SSPR_ACTIVITIES.flowProgress, 'success', SSPR_REASONS.presentedOptions));
    out.push(ssprAudit(rng, t + 41_000_000, p.homeIp, target, SSPR_ACTIVITIES.flowProgress, 'success', SSPR_REASONS.resetSucceeded));
    out.push(ssprAudit(rng, t + 42_000_000, p.homeIp, target, SSPR_ACTIVITIES.resetSelfService, 'success', SSPR_REASONS.completed));
  }
  for (let i = 0; i < 3; i++) {
    const p = rng.pick(ACTIVE_STAFF);
    out.push(ssprAudit(rng, at(rng, rng.int(0, 4), 8, 480), ADDRESSES.officeEgress, { upn: p.upn, displayName: p.displayName, userId: p.entraId }, SSPR_ACTIVITIES.registered, 'success', 'User registered all required security info'));
  }
  return out;
}

