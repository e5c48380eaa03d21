// The `details` of a username-enumeration finding, as the final SELECT of analytic.sql builds them.
export type ProbeSource =
  'entra-signin' | 'entra-sspr' | 'windows-ip' | 'windows-workstation' | 'windows-local';

export interface ProbeDetails {
  source?: ProbeSource;
  /** `window`: the seeds' tiers over the long window; `burst`: the Low tier of short bursts. */
  tier?: 'window' | 'burst';
  /** The length of the window that fired. */
  windowMinutes?: number;
  sourceIp?: string | null;
  /** The workstation 4776 names, or the workstation name of a 4625 with no source address. */
  sourceWorkstation?: string | null;
  /** The process that called LogonUser, for a 4625 with no source address. */
  callingProcess?: string | null;
  app?: string | null;
  resultDescription?: string | null;
  score?: number;
  totalFailures?: number;
  distinctUsers?: number;
  notFoundCount?: number;
  lockedDisabledCount?: number;
  /** Every username tried, and the first few for the sentence. */
  users?: string[];
  usersShown?: string[];
  errorCodes?: string[];
  codeCounts?: Record<string, number>;
  apps?: string[];
  windowStart?: string;
  durationMinutes?: number;
  /** Distinct usernames per minute. */
  rate?: number;
}
