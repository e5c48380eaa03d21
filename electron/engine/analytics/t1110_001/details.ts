// The `details` of a password-guessing finding, as the final SELECT of analytic.sql builds them.
export type GuessSource = 'windows-ip' | 'windows-workstation' | 'windows-local' | 'entra-signin';

export interface GuessDetails {
  source?: GuessSource;
  sourceIp?: string | null;
  /** The workstation 4776 names, or the workstation name of a 4625 without a source IP. */
  sourceWorkstation?: string | null;
  /** The process that called LogonUser, for a 4625 without a source IP. */
  callingProcess?: string | null;
  /** The Entra ID application signed in to. */
  app?: string | null;
  logonTypes?: number[];
  /** The guessed account as the first failure names it. */
  account?: string;
  totalFailures?: number;
  /** The most failures in one window. */
  peakFailures?: number;
  windowMinutes?: number;
  /** Answers saying the password was right but the account may not log on, and when the first came. */
  passwordRightCount?: number;
  passwordRightTime?: string | null;
  errorCodes?: string[];
  codeCounts?: Record<string, number>;
  succeeded?: boolean;
  successTime?: string | null;
  successEventId?: number | null;
  successLogonType?: number | null;
  durationSeconds?: number;
}
