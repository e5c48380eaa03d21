// The `details` of an account-creation finding, as the final SELECT of analytic.sql builds them.
import type { CreatedAccountDetails, FollowUp } from '../common/creationDetails.js';

export interface CreationDetails {
  account?: CreatedAccountDetails;
  creator?: { user: string | null; sid: string | null; logonId: string | null };
  userAccountControl?: { value: unknown; flags: unknown; names?: string[] };
  /** The process that created it, and how it was linked: cmdline+logon, logon or time-only. */
  link?: {
    method: string;
    image: string | null;
    commandLine: string | null;
    pid?: number | null;
    time?: string;
  } | null;
  /** The creator's logon session. */
  session?: {
    logonType: number | null;
    ip: string | null;
    workstation: string | null;
    authPackage?: string | null;
    start?: string;
  } | null;
  /** A creation over a network logon: the admin tool on the workstation it came from. */
  remote?: { host: string; image: string | null; commandLine: string | null; time?: string } | null;
  followUps?: FollowUp[];
  privilegedGroups?: string[] | null;
  loggedOnFromElsewhere?: boolean | null;
  unusualLauncher?: string | null;
  time?: string;
  host?: string;
  /**
   * Set when SYSTEM created this local account within an1604_setup_window_s of the first event the case
   * holds from the host and it joined Administrators: Windows setup creating the first user (the allowlist
   * property `created-during-setup` lowers it).
   */
  createdDuringSetup?: { secondsAfterFirstEvent: number } | null;
}
