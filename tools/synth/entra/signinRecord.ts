// One Entra ID sign-in in the Graph v1.0 signIn resource's own terms; the export shapes (Graph,
// Log Analytics, diagnostic settings) are all renderings of this.

export interface SigninStatus {
  errorCode: number;
  failureReason: string | null;
  additionalDetails: string | null;
}

export interface DeviceDetail {
  deviceId: string;
  displayName: string;
  operatingSystem: string;
  browser: string;
  isCompliant: boolean;
  isManaged: boolean;
  trustType: string;
}

export interface SigninLocation {
  city: string;
  state: string;
  countryOrRegion: string;
  geoCoordinates: { altitude: number | null; latitude: number; longitude: number } | Record<string, never>;
}

export interface SigninRecord {
  id: string;
  /** Microseconds since the epoch, UTC. */
  createdDateTime: number;
  userDisplayName: string | null;
  userPrincipalName: string;
  userId: string;
  appId: string;
  appDisplayName: string;
  ipAddress: string;
  clientAppUsed: string;
  userAgent: string;
  correlationId: string;
  conditionalAccessStatus: 'success' | 'failure' | 'notApplied';
  isInteractive: boolean;
  resourceDisplayName: string;
  resourceId: string;
  authenticationRequirement: 'singleFactorAuthentication' | 'multiFactorAuthentication';
  status: SigninStatus;
  deviceDetail: DeviceDetail;
  location: SigninLocation;
}

/** failureReason texts as Entra writes them for the codes the sample uses (AADSTS error reference). */
export const FAILURE_REASONS: Record<number, string> = {
  50034:
    'The user account does not exist in the directory. To sign into this application, the account must be added to the directory.',
  50053:
    "The account is locked, you've tried to sign in too many times with an incorrect user ID or password.",
  50055: 'The password is expired.',
  50057: 'The user account is disabled. The account has been disabled by an administrator.',
  50074: 'Strong Authentication is required.',
  50076:
    'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
  50126: 'Error validating credentials due to invalid username or password.',
  50140: "This error occurred due to 'Keep me signed in' interrupt when the user was signing in.",
  70044: 'The session has expired or is invalid due to sign-in frequency checks by conditional access.',
};

export function statusFor(errorCode: number): SigninStatus {
  if (errorCode === 0) return { errorCode: 0, failureReason: null, additionalDetails: null };
  const details = errorCode === 50140 ? 'Keep me signed in interrupt' : null;
  return { errorCode, failureReason: FAILURE_REASONS[errorCode] ?? 'Other.', additionalDetails: details };
}

/** First-party applications with their public, well-known application ids. */
export const APPS = {
  teams: { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', appDisplayName: 'Microsoft Teams' },
  office: { appId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', appDisplayName: 'Microsoft Office' },
  officeHome: { appId: '4765445b-32c6-49b0-83e6-1d93765276ca', appDisplayName: 'OfficeHome' },
  azurePortal: { appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', appDisplayName: 'Azure Portal' },
  windowsSignIn: { appId: '38aa3b87-a06d-4817-b275-7a316988d93b', appDisplayName: 'Windows Sign In' },
  authBroker: {
    appId: '29d9ed98-a469-4536-ade2-f981bc1d605e',
    appDisplayName: 'Microsoft Authentication Broker',
  },
  aadPowerShell: {
    appId: '1b730954-1685-4b74-9bfd-dac224a7b894',
    appDisplayName: 'Azure Active Directory PowerShell',
  },
  oneDrive: { appId: 'ab9b8c07-8f02-4f72-87fa-80105867a763', appDisplayName: 'OneDrive SyncEngine' },
} as const;

export type AppKey = keyof typeof APPS;

export const RESOURCES = {
  exchange: {
    resourceId: '00000002-0000-0ff1-ce00-000000000000',
    resourceDisplayName: 'Office 365 Exchange Online',
  },
  graph: { resourceId: '00000003-0000-0000-c000-000000000000', resourceDisplayName: 'Microsoft Graph' },
  aadGraph: {
    resourceId: '00000002-0000-0000-c000-000000000000',
    resourceDisplayName: 'Windows Azure Active Directory',
  },
  sharePoint: {
    resourceId: '00000003-0000-0ff1-ce00-000000000000',
    resourceDisplayName: 'Office 365 SharePoint Online',
  },
  management: {
    resourceId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    resourceDisplayName: 'Windows Azure Service Management API',
  },
  teamsService: {
    resourceId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe',
    resourceDisplayName: 'Microsoft Teams Services',
  },
} as const;

export type ResourceKey = keyof typeof RESOURCES;
