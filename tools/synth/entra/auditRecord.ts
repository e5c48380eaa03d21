// One Entra ID directory audit in the Graph directoryAudit resource's terms, and its export shapes:
// Graph (camelCase), Log Analytics AuditLogs (PascalCase, operationType → AADOperationType, activity
// repeated in OperationName) and diagnostic settings (envelope + Graph object under properties).
import { isoOffsetTrimmed, isoZ } from '../timeFormat.js';

export interface AuditUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string;
  ipAddress: string | null;
}

export interface AuditApp {
  appId: string | null;
  displayName: string;
  servicePrincipalId: string;
  servicePrincipalName: string | null;
}

export interface AuditTarget {
  id: string;
  displayName: string | null;
  type: 'User' | 'Group' | 'Device' | 'Other';
  userPrincipalName: string | null;
  groupType?: string | null;
  modifiedProperties: Array<{ displayName: string; oldValue: string | null; newValue: string | null }>;
}

export interface AuditRecord {
  id: string;
  /** Microseconds since the epoch, UTC. */
  activityDateTime: number;
  activityDisplayName: string;
  category: string;
  correlationId: string;
  loggedByService: string;
  operationType: 'Add' | 'Update' | 'Delete' | 'Assign' | 'Unassign';
  result: 'success' | 'failure' | 'timeout';
  resultReason: string;
  initiatedBy: { user: AuditUser | null; app: AuditApp | null };
  targetResources: AuditTarget[];
  additionalDetails: Array<{ key: string; value: string }>;
}

export const SSPR_SERVICE = 'Self-service Password Management';
export const CORE_DIRECTORY = 'Core Directory';

/** SSPR activity names and reasons exactly as entra-formats.md §6 lists them. */
export const SSPR_ACTIVITIES = {
  flowProgress: 'Self-service password reset flow activity progress',
  blocked: 'Blocked from self-service password reset',
  resetSelfService: 'Reset password (self-service)',
  unlock: 'Unlock user account (self-service)',
  registered: 'User registered for self-service password reset',
} as const;

export const SSPR_REASONS = {
  presentedOptions: 'User was presented with verification options',
  resetSucceeded: 'User successfully reset password',
  insufficientMethods:
    "User's account has insufficient authentication methods defined. Add authentication info to resolve this ",
  notEnabled: 'Password reset is not enabled for this user. Contact your admin to enable it.',
  completed: 'Successfully completed reset.',
} as const;

function targetsWithoutEmptyGroupType(targets: AuditTarget[]): AuditTarget[] {
  return targets.map((t) => ({ ...t, groupType: t.groupType ?? null }));
}

export function graphAudit(r: AuditRecord): Record<string, unknown> {
  return {
    id: r.id,
    category: r.category,
    correlationId: r.correlationId,
    result: r.result,
    resultReason: r.resultReason,
    activityDisplayName: r.activityDisplayName,
    activityDateTime: isoZ(r.activityDateTime, 7),
    loggedByService: r.loggedByService,
    operationType: r.operationType,
    initiatedBy: r.initiatedBy,
    targetResources: targetsWithoutEmptyGroupType(r.targetResources),
    additionalDetails: r.additionalDetails,
  };
}

/** A Log Analytics AuditLogs row; InitiatedBy/TargetResources/AdditionalDetails stay objects here. */
export function logAnalyticsAudit(r: AuditRecord, tenantId: string): Record<string, unknown> {
  return {
    TenantId: tenantId,
    SourceSystem: 'Azure AD',
    TimeGenerated: isoZ(r.activityDateTime + 2_100_000, 7),
    ResourceId: `/tenants/${tenantId}/providers/Microsoft.aadiam`,
    OperationName: r.activityDisplayName,
    OperationVersion: '1.0',
    Category: r.category,
    ResultType: r.result === 'success' ? 'Success' : 'Failure',
    ResultSignature: 'None',
    ResultDescription: r.resultReason,
    DurationMs: 0,
    CorrelationId: r.correlationId,
    Resource: 'Microsoft.aadiam',
    ResourceGroup: 'Microsoft.aadiam',
    ResourceProvider: '',
    Identity: '',
    Level: 4,
    Location: '',
    AdditionalDetails: r.additionalDetails,
    Id: r.id,
    InitiatedBy: r.initiatedBy,
    LoggedByService: r.loggedByService,
    Result: r.result,
    ResultReason: r.resultReason,
    TargetResources: targetsWithoutEmptyGroupType(r.targetResources),
    AADTenantId: tenantId,
    ActivityDisplayName: r.activityDisplayName,
    ActivityDateTime: isoZ(r.activityDateTime, 7),
    AADOperationType: r.operationType,
    Type: 'AuditLogs',
  };
}

/** Diagnostic-settings audit record: no top-level resultType or location, as real ones often lack. */
export function diagnosticAudit(r: AuditRecord, tenantId: string): Record<string, unknown> {
  return {
    time: isoZ(r.activityDateTime + 1_500_000, 7),
    resourceId: `/tenants/${tenantId}/providers/Microsoft.aadiam`,
    operationName: r.activityDisplayName,
    operationVersion: '1.0',
    category: 'AuditLogs',
    tenantId,
    resultSignature: 'None',
    durationMs: 0,
    callerIpAddress: r.initiatedBy.user?.ipAddress ?? '<null>',
    correlationId: r.correlationId,
    Level: 4,
    properties: {
      ...graphAudit(r),
      activityDateTime: isoOffsetTrimmed(r.activityDateTime),
      tenantGeo: 'EU',
    },
  };
}
