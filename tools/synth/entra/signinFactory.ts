// Builds complete sign-in records from the few facts a story cares about (who, when, from where, which
// app, which result), filling device, location and ids consistently from a seeded random source.
import type { SeededRandom } from '../random.js';
import { APPS, RESOURCES, statusFor } from './signinRecord.js';
import type { AppKey, DeviceDetail, ResourceKey, SigninLocation, SigninRecord } from './signinRecord.js';

export interface SigninFacts {
  time: number;
  upn: string;
  /** Null for names that do not exist in the tenant. */
  displayName: string | null;
  /** Empty for names that do not exist in the tenant. */
  userId: string;
  ip: string;
  app: AppKey;
  resource: ResourceKey;
  errorCode: number;
  interactive: boolean;
  device: DeviceDetail;
  location: SigninLocation;
  clientAppUsed?: string;
  userAgent?: string;
  correlationId?: string;
  mfa?: boolean;
}

export const BROWSER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36';
export const OFFICE_AGENT = 'Mozilla/4.0 (compatible; MSAL 1.0) PKeyAuth/1.0';
export const SCRIPT_AGENT = 'python-requests/2.31.0';

export function makeSignin(rng: SeededRandom, f: SigninFacts): SigninRecord {
  const app = APPS[f.app];
  const resource = RESOURCES[f.resource];
  return {
    id: rng.guid(),
    createdDateTime: f.time,
    userDisplayName: f.displayName,
    userPrincipalName: f.upn,
    userId: f.userId,
    appId: app.appId,
    appDisplayName: app.appDisplayName,
    ipAddress: f.ip,
    clientAppUsed:
      f.clientAppUsed ??
      (f.app === 'officeHome' || f.app === 'azurePortal' ? 'Browser' : 'Mobile Apps and Desktop clients'),
    userAgent:
      f.userAgent ?? (f.app === 'officeHome' || f.app === 'azurePortal' ? BROWSER_AGENT : OFFICE_AGENT),
    correlationId: f.correlationId ?? rng.guid(),
    conditionalAccessStatus: f.errorCode === 0 ? 'success' : 'notApplied',
    isInteractive: f.interactive,
    resourceDisplayName: resource.resourceDisplayName,
    resourceId: resource.resourceId,
    authenticationRequirement: f.mfa ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
    status: statusFor(f.errorCode),
    deviceDetail: f.device,
    location: f.location,
  };
}

export function managedDevice(
  deviceId: string,
  displayName: string,
  browser = 'Chrome 122.0.0',
): DeviceDetail {
  return {
    deviceId,
    displayName,
    operatingSystem: 'Windows10',
    browser,
    isCompliant: true,
    isManaged: true,
    trustType: 'Hybrid Azure AD joined',
  };
}

export function unknownDevice(operatingSystem: string, browser: string): DeviceDetail {
  return {
    deviceId: '',
    displayName: '',
    operatingSystem,
    browser,
    isCompliant: false,
    isManaged: false,
    trustType: '',
  };
}

export const LOCATIONS = {
  amsterdam: {
    city: 'Amsterdam',
    state: 'Noord-Holland',
    countryOrRegion: 'NL',
    geoCoordinates: { altitude: null, latitude: 52.37403, longitude: 4.88969 },
  },
  utrecht: {
    city: 'Utrecht',
    state: 'Utrecht',
    countryOrRegion: 'NL',
    geoCoordinates: { altitude: null, latitude: 52.09083, longitude: 5.12222 },
  },
  rotterdam: {
    city: 'Rotterdam',
    state: 'Zuid-Holland',
    countryOrRegion: 'NL',
    geoCoordinates: { altitude: null, latitude: 51.9225, longitude: 4.47917 },
  },
  frankfurt: {
    city: 'Frankfurt am Main',
    state: 'Hessen',
    countryOrRegion: 'DE',
    geoCoordinates: { altitude: null, latitude: 50.11552, longitude: 8.68417 },
  },
  bucharest: {
    city: 'Bucharest',
    state: 'Bucuresti',
    countryOrRegion: 'RO',
    geoCoordinates: { altitude: null, latitude: 44.43225, longitude: 26.10626 },
  },
  unknown: { city: '', state: '', countryOrRegion: '', geoCoordinates: {} },
} as const satisfies Record<string, SigninLocation>;
