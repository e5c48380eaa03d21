// The telemetry the coverage analysis counts (electron/engine/coverage/coverage.sql), in the order the
// Coverage screen and the HTML report show it, with the words both use. The SQL decides what each key
// counts; this list only names them, so the two must agree (test/unit/coverage checks they do).
import type { HostCoverage } from './report.js';

export type TelemetryGroup = 'process' | 'accounts' | 'logons' | 'entra' | 'integrity';

export interface TelemetrySpec {
  key: string;
  /** Short column heading. */
  label: string;
  /** What it is, in a sentence fragment: the heading's tooltip and the legend. */
  title: string;
  group: TelemetryGroup;
  /**
   * Continuous telemetry (process starts, logons, sign-ins) flows all day on a healthy host, so a trickle of
   * it means collection was off for most of the span. Event-driven telemetry (an account created, a log
   * cleared) is rare by nature: one event is as good as a thousand.
   */
  continuous: boolean;
}

export const TELEMETRY: readonly TelemetrySpec[] = [
  { key: '4688', label: '4688', title: 'Security 4688 process creation', group: 'process', continuous: true },
  {
    key: '4688_cmdline',
    label: '4688 with cmd',
    title: '4688 with a populated command line',
    group: 'process',
    continuous: true,
  },
  {
    key: '4688_no_cmdline',
    label: '4688 no cmd',
    title: '4688 without a command line (command-line auditing off)',
    group: 'process',
    continuous: false,
  },
  {
    key: 'sysmon_1',
    label: 'Sysmon 1',
    title: 'Sysmon process creation',
    group: 'process',
    continuous: true,
  },
  {
    key: 'sysmon_11',
    label: 'Sysmon 11',
    title: 'Sysmon file creation',
    group: 'process',
    continuous: false,
  },
  {
    key: '4104',
    label: '4104',
    title: 'PowerShell script block logging',
    group: 'process',
    continuous: false,
  },
  { key: '4720', label: '4720', title: 'user account created', group: 'accounts', continuous: false },
  {
    key: 'account_changes',
    label: '4722–4726 4738',
    title:
      'account enabled, password set or reset, disabled, deleted, changed or renamed (4722–4726, 4738, 4781)',
    group: 'accounts',
    continuous: false,
  },
  {
    key: 'group_changes',
    label: '4728 4732 4756 …',
    title: 'security group created, changed, member added or removed (4727–4737, 4754–4758)',
    group: 'accounts',
    continuous: false,
  },
  {
    key: '4798_4799',
    label: '4798 4799',
    title: 'local group membership of a user, or members of a local group, enumerated',
    group: 'accounts',
    continuous: false,
  },
  {
    key: '4661',
    label: '4661',
    title: 'handle to a SAM object requested',
    group: 'accounts',
    continuous: false,
  },
  {
    key: '4662',
    label: '4662',
    title: 'operation on a directory-service (LDAP) object',
    group: 'accounts',
    continuous: false,
  },
  { key: '4624', label: '4624', title: 'successful logon', group: 'logons', continuous: true },
  { key: '4634', label: '4634 4647', title: 'logoff', group: 'logons', continuous: true },
  { key: '4625', label: '4625', title: 'failed logon', group: 'logons', continuous: false },
  {
    key: '4648',
    label: '4648',
    title: 'logon with explicit credentials (runas, net use /user, a tool passing a password)',
    group: 'logons',
    continuous: false,
  },
  { key: '4768', label: '4768', title: 'Kerberos TGT requested', group: 'logons', continuous: false },
  {
    key: '4771',
    label: '4771',
    title: 'Kerberos pre-authentication failed',
    group: 'logons',
    continuous: false,
  },
  { key: '4776', label: '4776', title: 'NTLM credential validation', group: 'logons', continuous: false },
  {
    key: 'signin_interactive',
    label: 'Sign-ins',
    title: 'Entra ID interactive sign-ins',
    group: 'entra',
    continuous: true,
  },
  {
    key: 'signin_noninteractive',
    label: 'Non-interactive',
    title: 'Entra ID non-interactive sign-ins',
    group: 'entra',
    continuous: true,
  },
  { key: 'audit', label: 'Audits', title: 'Entra ID directory audits', group: 'entra', continuous: false },
  {
    key: 'log_cleared',
    label: 'Log cleared',
    title: 'a log was cleared (Security 1102, System 104)',
    group: 'integrity',
    continuous: false,
  },
];

export const TELEMETRY_KEYS: readonly string[] = TELEMETRY.map((t) => t.key);

export const TELEMETRY_GROUP_NAMES: Record<TelemetryGroup, string> = {
  process: 'Processes and scripts',
  accounts: 'Accounts and groups',
  logons: 'Logons and authentication',
  entra: 'Entra ID',
  integrity: 'Log integrity',
};

/** The pseudo-host under which Entra ID sign-ins and audits are covered. */
export const ENTRA_HOST = 'Entra ID';

export type TelemetryState = 'present' | 'thin' | 'absent';

/** Below this share of a host's active hours, continuous telemetry is thin. */
export const THIN_HOUR_SHARE = 0.25;
/** A host seen for fewer hours than this is too short a recording to call anything thin. */
export const THIN_MIN_ACTIVE_HOURS = 6;

/**
 * present / thin / absent for one cell of the host × telemetry matrix. Thin means: there, but not enough
 * to rely on — continuous telemetry seen in under a quarter of the host's active hours, or command lines
 * missing from most 4688 events. A key that can only ever be present (a log clear) is never thin.
 */
export function telemetryState(host: HostCoverage, key: string): TelemetryState {
  const count = host.telemetry[key] ?? 0;
  if (count === 0) return 'absent';
  if (key === '4688_cmdline' && count * 2 < (host.telemetry['4688'] ?? 0)) return 'thin';
  const spec = TELEMETRY.find((t) => t.key === key);
  const active = host.activeHours ?? 0;
  const hours = host.telemetryHours?.[key] ?? 0;
  if (spec?.continuous && active >= THIN_MIN_ACTIVE_HOURS && hours < active * THIN_HOUR_SHARE) return 'thin';
  return 'present';
}

/** Why a cell is thin, in words; empty for present and absent cells. */
export function thinReason(host: HostCoverage, key: string): string {
  if (telemetryState(host, key) !== 'thin') return '';
  if (key === '4688_cmdline') {
    return `only ${host.telemetry[key]} of ${host.telemetry['4688']} process creations carry a command line`;
  }
  return `seen in ${host.telemetryHours?.[key] ?? 0} of the host's ${host.activeHours ?? 0} active hours`;
}
