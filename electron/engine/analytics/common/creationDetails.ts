// What the two account-creation analytics both say of the account they saw created (their `details.account`),
// and the follow-up events one of them collects after it.
export interface CreatedAccountDetails {
  name: string | null;
  domain: string | null;
  sid: string | null;
  /** Created in the machine's own SAM rather than in a domain. */
  local: boolean;
}

/** Something that happened to a new account after its creation (enable, password, group, logon, delete). */
export interface FollowUp {
  kind: string;
  eventId: number;
  time: string;
  host: string;
  group: string | null;
  privileged: boolean;
  logonType: number | null;
  ip: string | null;
  workstation?: string | null;
  by?: string | null;
  deltaSeconds: number;
}
