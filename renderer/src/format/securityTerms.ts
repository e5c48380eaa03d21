// Windows and Entra codes in words, so nobody has to remember what logon type 10 or error 50034 means.
import type { Severity } from '../../../shared/report';

const LOGON_TYPES: Record<number, string> = {
  0: 'system',
  2: 'interactive (console)',
  3: 'network',
  4: 'batch (scheduled task)',
  5: 'service',
  7: 'unlock',
  8: 'network, cleartext',
  9: 'new credentials (runas /netonly)',
  10: 'RDP',
  11: 'cached interactive',
  12: 'cached RDP',
  13: 'cached unlock',
};

export function logonTypeName(type: number | undefined | null): string {
  if (type == null) return 'unknown';
  const name = LOGON_TYPES[type];
  return name ? `${name} (type ${type})` : `type ${type}`;
}

const ENTRA_CODES: Record<string, string> = {
  '0': 'success',
  '50034': 'user does not exist',
  '50053': 'account locked',
  '50055': 'password expired',
  '50057': 'account disabled',
  '50072': 'MFA enrolment required',
  '50074': 'strong auth required',
  '50076': 'MFA required',
  '50126': 'invalid username or password',
  '50140': 'keep me signed in interrupt',
  '53003': 'blocked by conditional access',
};

export function entraCodeName(code: string | number): string {
  return ENTRA_CODES[String(code)] ?? 'other error';
}

const ENTRA_SHORT: Record<string, string> = {
  '0': 'success',
  '50034': 'no such user',
  '50053': 'locked',
  '50055': 'password expired',
  '50057': 'disabled',
  '50072': 'MFA enrolment',
  '50074': 'MFA required',
  '50076': 'MFA required',
  '50126': 'bad password',
  '53003': 'CA blocked',
};

/** Two words at most, for table cells. */
export function entraCodeShort(code: string | number): string {
  return ENTRA_SHORT[String(code)] ?? 'error';
}

/** Highest first: used for sorting and for the legend order. */
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '#ff6b9a',
  high: '#ff9f43',
  medium: '#f5d547',
  low: '#6cb6ff',
};
