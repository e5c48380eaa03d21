// When each story of the sample case happens (UTC). Kept in one place so the stories, the expected
// findings and the README tell the same times.
import { utcMicros } from '../timeFormat.js';

export const TIMELINE = {
  /** Mon 9 Mar: the approved new-hire script creates three local accounts on SRV-PROV01. */
  provisioning: utcMicros(2026, 3, 9, 6, 30, 12),
  /** Mon 9 and Thu 12 Mar: the approved local-admin inventory runs on FS01. */
  inventoryRuns: [utcMicros(2026, 3, 9, 5, 45, 3), utcMicros(2026, 3, 12, 5, 45, 7)],
  /** Tue 10 Mar: admin.smith browses Local Users and Groups on ADM01. */
  benignMmcBrowse: utcMicros(2026, 3, 10, 10, 12, 40),
  /** Tue 10 Mar: a copier's scan-to-folder job cycles through 12 names on FS01 (below threshold). */
  copierBurst: utcMicros(2026, 3, 10, 10, 5, 0),
  /** Tue 10 Mar, night: username enumeration against Entra ID from one external address. */
  entraEnumeration: utcMicros(2026, 3, 10, 2, 5, 11),
  /** Tue 10 Mar: the same address probes self-service password reset. */
  ssprProbe: utcMicros(2026, 3, 10, 3, 10, 40),
  /** Wed 11 Mar: a probed account (jdoe) signs in successfully from the attacker's address. */
  attackerSignin: utcMicros(2026, 3, 11, 7, 58, 20),
  /** Wed 11 Mar: Kerberos username probing of DC01 from the attacker's VPN address. */
  kerberosProbe: utcMicros(2026, 3, 11, 13, 10, 5),
  /** Wed 11 Mar: RDP into WS01 as jdoe, domain user listing, local backdoor account. */
  rdpBackdoor: utcMicros(2026, 3, 11, 13, 41, 50),
  /** Thu 12 Mar: admin.smith creates svc-report from ADM01 and later adds it to Domain Admins. */
  domainAccount: utcMicros(2026, 3, 12, 9, 20, 15),
  /** Thu 12 Mar: WS01 logs nothing for a little over three hours. */
  ws01Gap: [utcMicros(2026, 3, 12, 10, 15, 0), utcMicros(2026, 3, 12, 13, 20, 0)] as const,
  /** Thu 12 Mar, evening: 12 names from one address, below the enumeration threshold. */
  subThresholdEntra: utcMicros(2026, 3, 12, 21, 10, 0),
  /** Fri 13 Mar: the helpdesk's bulk SSPR status check. */
  helpdeskSspr: utcMicros(2026, 3, 13, 8, 15, 30),
  /** Fri 13 Mar: the authorised penetration test enumerates usernames. */
  pentest: utcMicros(2026, 3, 13, 14, 0, 0),
  /** Fri 13 Mar, evening: jdoe's RDP session on WS02, the log clears and helpdesk_tmp. */
  ws02Rdp: utcMicros(2026, 3, 13, 19, 40, 0),
  ws02SecurityCleared: utcMicros(2026, 3, 13, 19, 44, 10),
} as const;
