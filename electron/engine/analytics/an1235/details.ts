// The `details` of a "suspicious process, then account created" finding, as analytic.sql builds them.
import type { CreatedAccountDetails } from '../common/creationDetails.js';

export interface SequenceDetails {
  account?: CreatedAccountDetails;
  process?: {
    image: string | null;
    imageName: string | null;
    commandLine: string | null;
    pid?: number | null;
    parentImageName?: string | null;
    user: string | null;
    logonId?: string | null;
    time?: string;
  };
  creationTime?: string;
  deltaSeconds?: number;
  /** strong: the command line names the account or both ran in one logon; weak: host and time only. */
  tie?: string;
  namesAccount?: boolean;
  sameLogon?: boolean;
  /** Why the process is suspicious: account-tool, remote-wmi, unusual-location, names-account. */
  why?: string[];
  otherSuspiciousProcesses?: number;
  host?: string;
}
