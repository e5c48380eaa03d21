// The `details` of an account-enumeration finding, as the final SELECT of analytic.sql builds them.
export interface EnumerationDetails {
  /**
   * Which kinds of signal made it: process-start, script-block, user-lookup, group-lookup, sam-object (4661),
   * ds-object (4662).
   */
  signalKinds?: string[];
  signalCount?: number;
  /** Command lines of the enumerating process starts. */
  commands?: string[];
  /** Caller processes named by 4798/4799 and 4661. */
  tools?: string[];
  /** Files the account list was written to (Sysmon 11, or a redirect on the command line). */
  artifacts?: Array<{ kind?: string; path: string; time?: string }>;
  processChains?: string[];
  /** It asked the domain (/domain, AD cmdlets, LDAP tools, SAM objects on a DC). */
  domainWide?: boolean;
  /** A process start was logged; false when only security-API events show it. */
  hasProcess?: boolean;
  unusualLauncher?: string | null;
  logonIds?: string[];
  sourceWorkstation?: string | null;
  logonType?: number | null;
  /**
   * Processes the events name (4798/4799's caller, a 4104's pid) whose start is not in the logs: no start
   * of that pid on the host, in the event's logon session, of that image, within the caller window.
   */
  unresolvedCallers?: Array<{ image: string | null; pid: number | null }>;
  /** Distinct directory objects its 4662 events touched, and their classes (user, group, domainDNS …). */
  directoryObjects?: number;
  directoryClasses?: string[];
  /** SIDs that stood where a name should, each with the name the rest of the case gives it (null: none). */
  sidNames?: Array<{ sid: string; name: string | null }>;
}
