// Identity reconnaissance against Entra ID as the logs show it: a burst of sign-in failures from one
// address over many names (50034 for names that do not exist, 50126 for real ones, 50053/50057 for
// locked and disabled ones), and a self-service password reset probe over many accounts.
import type { SeededRandom } from '../random.js';
import { SSPR_ACTIVITIES, SSPR_REASONS, SSPR_SERVICE } from './auditRecord.js';
import type { AuditRecord } from './auditRecord.js';
import { makeSignin, SCRIPT_AGENT } from './signinFactory.js';
import type { SigninFacts } from './signinFactory.js';
import type { AppKey, ResourceKey, SigninLocation, SigninRecord } from './signinRecord.js';
import { unknownDevice } from './signinFactory.js';

export interface ProbedName {
  upn: string;
  displayName: string | null;
  userId: string;
  errorCode: number;
}

export interface EnumerationBurst {
  ip: string;
  start: number;
  /** Mean seconds between attempts. */
  pace: number;
  names: ProbedName[];
  app: AppKey;
  resource: ResourceKey;
  location: SigninLocation;
  /** Share of names tried a second time (tools retry on throttling). */
  retryShare: number;
}

export function playEnumerationBurst(rng: SeededRandom, b: EnumerationBurst): SigninRecord[] {
  const attempts = [...b.names];
  for (const name of b.names) if (rng.chance(b.retryShare)) attempts.push(name);
  const order = rng.shuffle(attempts);
  const device = unknownDevice('Linux', 'Python Requests 2.31');
  const out: SigninRecord[] = [];
  let t = b.start;
  for (const name of order) {
    const facts: SigninFacts = {
      time: t,
      upn: name.upn,
      displayName: name.displayName,
      userId: name.userId,
      ip: b.ip,
      app: b.app,
      resource: b.resource,
      errorCode: name.errorCode,
      interactive: true,
      device,
      location: b.location,
      clientAppUsed: 'Mobile Apps and Desktop clients',
      userAgent: SCRIPT_AGENT,
    };
    out.push(makeSignin(rng, facts));
    t += Math.round(rng.exponential(b.pace) * 1_000_000) + 300_000;
  }
  return out;
}

export interface SsprTarget {
  upn: string;
  displayName: string;
  userId: string;
}

export interface SsprProbe {
  ip: string;
  start: number;
  pace: number;
  targets: SsprTarget[];
  /** Targets tried more than five times, for which SSPR logs "Blocked from self-service password reset". */
  blockedTargets: SsprTarget[];
  reason: string;
}

function ssprAudit(
  rng: SeededRandom,
  t: number,
  ip: string,
  target: SsprTarget,
  activity: string,
  result: 'success' | 'failure',
  reason: string,
): AuditRecord {
  return {
    id: `SSPR_${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
    activityDateTime: t,
    activityDisplayName: activity,
    category: 'UserManagement',
    correlationId: rng.guid(),
    loggedByService: SSPR_SERVICE,
    operationType: 'Update',
    result,
    resultReason: reason,
    // SSPR logs the account being reset as the initiator, with the address the request came from.
    initiatedBy: {
      user: { id: target.userId, displayName: null, userPrincipalName: target.upn, ipAddress: ip },
      app: null,
    },
    targetResources: [
      {
        id: target.userId,
        displayName: null,
        type: 'User',
        userPrincipalName: target.upn,
        modifiedProperties: [],
      },
    ],
    additionalDetails: [{ key: 'OnPremisesAgent', value: 'Microsoft Entra Connect' }],
  };
}

export function playSsprProbe(rng: SeededRandom, p: SsprProbe): AuditRecord[] {
  const out: AuditRecord[] = [];
  let t = p.start;
  const step = () => (t += Math.round(rng.exponential(p.pace) * 1_000_000) + 500_000);
  for (const target of p.targets) {
    out.push(
      ssprAudit(rng, t, p.ip, target, SSPR_ACTIVITIES.flowProgress, 'success', SSPR_REASONS.presentedOptions),
    );
    step();
    out.push(ssprAudit(rng, t, p.ip, target, SSPR_ACTIVITIES.flowProgress, 'failure', p.reason));
    step();
  }
  for (const target of p.blockedTargets) {
    // Entra records the throttle itself as a success of the "Blocked…" activity.
    out.push(
      ssprAudit(
        rng,
        t,
        p.ip,
        target,
        SSPR_ACTIVITIES.blocked,
        'success',
        'User was blocked from self-service password reset after too many attempts.',
      ),
    );
    step();
  }
  return out;
}

export { ssprAudit };
