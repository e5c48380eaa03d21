// The `details` of a username-enumeration finding, as the final SELECT of analytic.sql builds them.
export type ProbeSource = 'entra-signin' | 'entra-sspr' | 'windows-ip' | 'windows-workstation';

export interface ProbeDetails {
  source?: ProbeSource;
  sourceIp?: string | null;
  sourceWorkstation?: string | null;
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
