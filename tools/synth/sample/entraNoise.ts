// A week of ordinary Entra ID sign-ins for the company's staff: interactive sign-ins from the office or
// from home (with the MFA prompt a new location brings) and token refreshes in the background.
import { LOCATIONS, makeSignin, managedDevice, unknownDevice } from '../entra/signinFactory.js';
import type { SigninRecord } from '../entra/signinRecord.js';
import type { SeededRandom } from '../random.js';
import { MICROS_PER_DAY, MICROS_PER_HOUR } from '../timeFormat.js';
import { ACTIVE_STAFF, ADDRESSES, WEEK_START } from './company.js';
import type { Person } from './company.js';

function at(rng: SeededRandom, dayIndex: number, hour: number, spreadMinutes: number): number {
  return (
    WEEK_START +
    dayIndex * MICROS_PER_DAY +
    hour * MICROS_PER_HOUR +
    rng.int(0, spreadMinutes * 60_000) * 1000
  );
}

function userFacts(p: Person) {
  return { upn: p.upn, displayName: p.displayName, userId: p.entraId };
}

function personDay(rng: SeededRandom, p: Person, d: number, out: SigninRecord[]): void {
  const weekend = d >= 5;
  if (weekend ? !rng.chance(0.06) : rng.chance(0.1)) return;
  const office = !weekend && rng.chance(0.7);
  const ip = office ? ADDRESSES.officeEgress : p.homeIp;
  const location = office
    ? LOCATIONS.amsterdam
    : rng.pick([LOCATIONS.utrecht, LOCATIONS.rotterdam, LOCATIONS.amsterdam]);
  const device = managedDevice(`${p.entraId.slice(0, 8)}-7d1e-4b6a-9c3f-${p.entraId.slice(-12)}`, p.lanHost);
  const base = { ...userFacts(p), ip, device, location };
  let t = at(rng, d, weekend ? 10 : 7, weekend ? 480 : 120);
  if (rng.chance(0.012)) {
    out.push(
      makeSignin(rng, {
        ...base,
        time: t,
        app: 'officeHome',
        resource: 'exchange',
        errorCode: 50126,
        interactive: true,
      }),
    );
    t += rng.int(20, 90) * 1_000_000;
  }
  out.push(
    makeSignin(rng, {
      ...base,
      time: t,
      app: 'windowsSignIn',
      resource: 'aadGraph',
      errorCode: 0,
      interactive: true,
    }),
  );
  if (rng.chance(0.8)) {
    t += rng.int(5, 240) * 60_000_000;
    if (!office && rng.chance(0.5)) {
      out.push(
        makeSignin(rng, {
          ...base,
          time: t,
          app: 'officeHome',
          resource: 'exchange',
          errorCode: 50076,
          interactive: true,
        }),
      );
      t += rng.int(15, 60) * 1_000_000;
    } else if (rng.chance(0.15)) {
      out.push(
        makeSignin(rng, {
          ...base,
          time: t,
          app: 'officeHome',
          resource: 'exchange',
          errorCode: 50140,
          interactive: true,
        }),
      );
      t += rng.int(3, 20) * 1_000_000;
    }
    out.push(
      makeSignin(rng, {
        ...base,
        time: t,
        app: 'officeHome',
        resource: 'exchange',
        errorCode: 0,
        interactive: true,
        mfa: !office,
      }),
    );
  }
  if (rng.chance(0.6))
    out.push(
      makeSignin(rng, {
        ...base,
        time: t + rng.int(20, 300) * 60_000_000,
        app: 'teams',
        resource: 'teamsService',
        errorCode: 0,
        interactive: true,
        mfa: !office,
      }),
    );
  if (rng.chance(0.8))
    out.push(
      makeSignin(rng, {
        ...base,
        time: t + rng.int(30, 420) * 60_000_000,
        app: 'officeHome',
        resource: 'sharePoint',
        errorCode: 0,
        interactive: true,
        mfa: !office,
      }),
    );
  const refreshes = rng.int(2, 5);
  for (let i = 0; i < refreshes; i++) {
    const app = rng.pick(['teams', 'office', 'oneDrive'] as const);
    const resource = app === 'teams' ? 'teamsService' : app === 'office' ? 'exchange' : 'sharePoint';
    const code = rng.chance(0.03) ? 70044 : 0;
    out.push(
      makeSignin(rng, {
        ...base,
        time: t + rng.int(10, 480) * 60_000_000,
        app,
        resource,
        errorCode: code,
        interactive: false,
      }),
    );
  }
}

export function entraSigninNoise(rng: SeededRandom): SigninRecord[] {
  const out: SigninRecord[] = [];
  for (let d = 0; d < 7; d++) for (const p of ACTIVE_STAFF) personDay(rng, p, d, out);
  // A handful of phones sign in over IPv6 from the carrier's (documentation) prefix.
  for (let i = 0; i < 40; i++) {
    const p = rng.pick(ACTIVE_STAFF);
    out.push(
      makeSignin(rng, {
        ...userFacts(p),
        time: at(rng, rng.int(0, 6), 6, 900),
        ip: `2001:db8:4a1:${rng.hex(4)}::${rng.hex(3)}`,
        app: 'authBroker',
        resource: 'graph',
        errorCode: 0,
        interactive: false,
        device: unknownDevice('Ios', 'Mobile Safari'),
        location: LOCATIONS.amsterdam,
      }),
    );
  }
  return out;
}
