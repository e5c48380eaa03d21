// The `details` of a password-spraying finding, as the final SELECT of analytic.sql builds them.

/** A server the 4648s named: its address (IpAddress) and name (TargetServerName), port, and how often. */
export interface SprayTarget {
  address: string | null;
  server: string | null;
  port: number | null;
  attempts: number;
}

export interface SprayDetails {
  /** Who used the credentials: the 4648's subject and its logon session. */
  subject?: { user: string | null; sid: string | null; logonId: string | null; machine: boolean };
  /**
   * The calling process as the 4648s name it: an empty ProcessName with pid 4 is the kernel's SMB client.
   * `linked` when its start was found in the subject's session (the lineage is its chain).
   */
  caller?: { image: string | null; pid: number | null; pids: number[]; linked: boolean };
  /** The subject's logon (its 4624 on the source host), when the case holds it. */
  session?: {
    logonType: number | null;
    ip: string | null;
    workstation: string | null;
    start: string;
  } | null;
  distinctAccounts?: number;
  /** 4648s in the episode. */
  attempts?: number;
  /** The most distinct accounts in one window. */
  peakAccounts?: number;
  windowMinutes?: number;
  /** How often the most-tried account was tried: one per password of the spray. */
  maxAttemptsPerAccount?: number;
  accountAttempts?: Array<{ account: string; attempts: number }>;
  targets?: SprayTarget[];
  /** A logon of a sprayed account from the source host followed, and the first such. */
  succeeded?: boolean;
  successCount?: number;
  successAccount?: string | null;
  successHost?: string | null;
  successTime?: string | null;
  successLogonType?: number | null;
  durationSeconds?: number;
}
