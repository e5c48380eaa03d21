// The directory changes of an ordinary week in Entra ID: Entra Connect syncing users and groups, and
// the occasional self-service password reset and registration by staff from their own addresses.
import { CORE_DIRECTORY, SSPR_ACTIVITIES, SSPR_REASONS } from '../entra/auditRecord.js';
import type { AuditRecord } from '../entra/auditRecord.js';
import { ssprAudit } from '../entra/reconPlays.js';
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

const SYNC_APP = {
  appId: 'cb1056e2-e479-49de-ae31-7812af012ed8',
  displayName: 'Microsoft Azure AD Connect',
  servicePrincipalId: '6a3c9f12-0d4b-4e57-8a2f-91c5e7b30d44',
  servicePrincipalName: null,
};

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
    targetResources: [
      {
        id: p.entraId,
        displayName: null,
        type: 'User',
        userPrincipalName: p.upn,
        modifiedProperties: [
          {
            displayName: 'LastDirSyncTime',
            oldValue: null,
            newValue: `["${new Date(Math.floor(t / 1000)).toISOString().slice(0, 19)}Z"]`,
          },
        ],
      },
    ],
    additionalDetails: [{ key: 'UserType', value: 'Member' }],
  };
}

export function entraAuditNoise(rng: SeededRandom): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let d = 0; d < 7; d++) {
    const changes = d >= 5 ? 4 : 22;
    for (let i = 0; i < changes; i++)
      out.push(
        directoryChange(
          rng,
          at(rng, d, 0, 1439),
          rng.pick(ACTIVE_STAFF),
          rng.chance(0.85) ? 'Update user' : 'Add member to group',
        ),
      );
  }
  // A few people reset their own password through SSPR, from their own address.
  for (let i = 0; i < 6; i++) {
    const p = rng.pick(ACTIVE_STAFF);
    const t = at(rng, rng.int(0, 4), 7, 600);
    const target = { upn: p.upn, displayName: p.displayName, userId: p.entraId };
    out.push(
      ssprAudit(
        rng,
        t,
        p.homeIp,
        target,
        SSPR_ACTIVITIES.flowProgress,
        'success',
        SSPR_REASONS.presentedOptions,
      ),
    );
    out.push(
      ssprAudit(
        rng,
        t + 41_000_000,
        p.homeIp,
        target,
        SSPR_ACTIVITIES.flowProgress,
        'success',
        SSPR_REASONS.resetSucceeded,
      ),
    );
    out.push(
      ssprAudit(
        rng,
        t + 42_000_000,
        p.homeIp,
        target,
        SSPR_ACTIVITIES.resetSelfService,
        'success',
        SSPR_REASONS.completed,
      ),
    );
  }
  for (let i = 0; i < 3; i++) {
    const p = rng.pick(ACTIVE_STAFF);
    out.push(
      ssprAudit(
        rng,
        at(rng, rng.int(0, 4), 8, 480),
        ADDRESSES.officeEgress,
        { upn: p.upn, displayName: p.displayName, userId: p.entraId },
        SSPR_ACTIVITIES.registered,
        'success',
        'User registered all required security info',
      ),
    );
  }
  return out;
}
