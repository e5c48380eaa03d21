// The same sign-in in each export shape of entra-formats.md: Graph (camelCase objects, "Z" times with
// no fraction), Log Analytics SigninLogs (PascalCase, ResultType a string, dynamic columns held as JSON
// text as one real export does), and diagnostic settings (envelope + Graph object under properties).
import { isoOffsetTrimmed, isoZ } from '../timeFormat.js';
import type { SigninRecord } from './signinRecord.js';

/** Graph v1.0 /auditLogs/signIns item. Key order follows the Graph documentation's example. */
export function graphSignin(r: SigninRecord): Record<string, unknown> {
  return {
    id: r.id,
    createdDateTime: isoZ(r.createdDateTime, 0),
    userDisplayName: r.userDisplayName,
    userPrincipalName: r.userPrincipalName,
    userId: r.userId,
    appId: r.appId,
    appDisplayName: r.appDisplayName,
    ipAddress: r.ipAddress,
    clientAppUsed: r.clientAppUsed,
    correlationId: r.correlationId,
    conditionalAccessStatus: r.conditionalAccessStatus,
    isInteractive: r.isInteractive,
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes: [],
    riskEventTypes_v2: [],
    resourceDisplayName: r.resourceDisplayName,
    resourceId: r.resourceId,
    status: r.status,
    deviceDetail: r.deviceDetail,
    location: r.location,
    appliedConditionalAccessPolicies: [],
  };
}

/** A Log Analytics SigninLogs row as exported to JSON: dynamic columns arrive as JSON strings. */
export function logAnalyticsSignin(r: SigninRecord, tenantId: string): Record<string, unknown> {
  const created = r.createdDateTime;
  return {
    TenantId: tenantId,
    SourceSystem: 'Azure AD',
    TimeGenerated: isoZ(created + 1_000_000 + (created % 700_000), 7),
    ResourceId: `/tenants/${tenantId}/providers/Microsoft.aadiam`,
    OperationName: 'Sign-in activity',
    OperationVersion: '1.0',
    Category: r.isInteractive ? 'SignInLogs' : 'NonInteractiveUserSignInLogs',
    ResultType: String(r.status.errorCode),
    ResultSignature: 'None',
    ResultDescription: r.status.failureReason ?? '',
    DurationMs: 0,
    CorrelationId: r.correlationId,
    Resource: 'Microsoft.aadiam',
    ResourceGroup: 'Microsoft.aadiam',
    ResourceProvider: '',
    Identity: r.userDisplayName ?? '',
    Level: '4',
    Location: r.location.countryOrRegion,
    AppDisplayName: r.appDisplayName,
    AppId: r.appId,
    AuthenticationRequirement: r.authenticationRequirement,
    ClientAppUsed: r.clientAppUsed,
    ConditionalAccessPolicies: '[]',
    ConditionalAccessStatus: r.conditionalAccessStatus,
    CreatedDateTime: isoOffsetTrimmed(created),
    DeviceDetail: JSON.stringify(r.deviceDetail),
    IsInteractive: r.isInteractive,
    Id: r.id,
    IPAddress: r.ipAddress,
    IsRisky: false,
    LocationDetails: JSON.stringify(r.location),
    MfaDetail: '{}',
    ResourceDisplayName: r.resourceDisplayName,
    ResourceIdentity: r.resourceId,
    RiskDetail: 'none',
    RiskLevelAggregated: 'none',
    RiskLevelDuringSignIn: 'none',
    RiskState: 'none',
    Status: JSON.stringify(r.status),
    UserAgent: r.userAgent,
    UserDisplayName: r.userDisplayName ?? '',
    UserId: r.userId,
    UserPrincipalName: r.userPrincipalName,
    UserType: 'Member',
    Type: 'SigninLogs',
  };
}

/** One diagnostic-settings record (storage blob line or Event Hub "records" item). */
export function diagnosticSignin(r: SigninRecord, tenantId: string): Record<string, unknown> {
  const category = r.isInteractive ? 'SignInLogs' : 'NonInteractiveUserSignInLogs';
  return {
    time: isoZ(r.createdDateTime + 1_200_000, 7),
    resourceId: `/tenants/${tenantId}/providers/Microsoft.aadiam`,
    operationName: 'Sign-in activity',
    operationVersion: '1.0',
    category,
    tenantId,
    resultType: String(r.status.errorCode),
    resultSignature: r.status.errorCode === 0 ? 'SUCCESS' : 'None',
    resultDescription: r.status.failureReason ?? '',
    durationMs: 0,
    callerIpAddress: r.ipAddress,
    correlationId: r.correlationId,
    identity: r.userDisplayName ?? '',
    Level: 4,
    location: r.location.countryOrRegion,
    properties: {
      ...graphSignin(r),
      createdDateTime: isoOffsetTrimmed(r.createdDateTime),
      userAgent: r.userAgent,
      userType: 'Member',
      signInEventTypes: [r.isInteractive ? 'interactiveUser' : 'nonInteractiveUser'],
      authenticationRequirement: r.authenticationRequirement,
    },
  };
}
