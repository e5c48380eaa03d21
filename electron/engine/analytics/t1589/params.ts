// T1589 (username enumeration) parameters: Entra sign-ins and SSPR audits (seed 002), Windows
// authentication failures (seed 004). Windows codes are hex strings compared by value.
import type { ParamSpecInput, ParamValue } from '../paramTypes.js';

export const PARAMS: readonly ParamSpecInput[] = [
  {
    name: 't1589_window_minutes',
    type: 'number',
    default: 60,
    unit: 'minutes',
    description: 'Length of the sliding window of log time in which distinct usernames are counted.',
  },
  {
    name: 't1589_min_distinct_users',
    type: 'number',
    default: 15,
    unit: 'accounts',
    description: 'A window from one source fires at this many distinct usernames (sign-ins and Windows).',
  },
  {
    name: 't1589_critical_distinct_users',
    type: 'number',
    default: 100,
    unit: 'accounts',
    description: 'Critical at this many distinct usernames.',
  },
  {
    name: 't1589_high_distinct_users',
    type: 'number',
    default: 50,
    unit: 'accounts',
    description: 'High at this many distinct usernames …',
  },
  {
    name: 't1589_high_not_found',
    type: 'number',
    default: 30,
    unit: 'events',
    description: '… or at this many "no such user" failures.',
  },
  {
    name: 't1589_user_list_shown',
    type: 'number',
    default: 25,
    unit: 'accounts',
    description: 'How many usernames the explanation shows (all are kept in the finding).',
  },
  {
    name: 't1589_bursts',
    type: 'boolean',
    default: true,
    description:
      'Report short bursts below the window threshold as Low findings (the seeds have no such tier; the seed profile turns it off).',
  },
  {
    name: 't1589_burst_minutes',
    type: 'number',
    default: 5,
    unit: 'minutes',
    description: 'Length of the sliding burst window.',
  },
  {
    name: 't1589_burst_min_distinct_users',
    type: 'number',
    default: 5,
    unit: 'accounts',
    description: 'A burst fires at this many distinct usernames from one source within the burst window …',
  },
  {
    name: 't1589_burst_min_not_found_users',
    type: 'number',
    default: 3,
    unit: 'accounts',
    description: '… or at this many when more than half of them said "no such user".',
  },
  {
    name: 't1589_signin_error_codes',
    type: 'number[]',
    default: [50034, 50053, 50055, 50057, 50072, 50076, 50126],
    description:
      'Entra sign-in error codes that count: 50034 no such user, 50053 locked, 50055 password expired, 50057 disabled, 50072/50076 MFA required, 50126 bad username or password.',
  },
  {
    name: 't1589_signin_not_found_codes',
    type: 'number[]',
    default: [50034],
    description: 'Sign-in codes counted as "user does not exist".',
  },
  {
    name: 't1589_signin_locked_disabled_codes',
    type: 'number[]',
    default: [50053, 50057],
    description: 'Sign-in codes counted as "locked or disabled".',
  },
  {
    name: 't1589_signin_group_by_app_and_reason',
    type: 'boolean',
    default: false,
    description: 'Group sign-ins by IP, application and result description (the seed KQL), not by IP alone.',
  },
  {
    name: 't1589_entra_case_sensitive_users',
    type: 'boolean',
    default: false,
    description:
      'Count Entra usernames (sign-ins and SSPR targets) as written, as the seed KQL\u2019s dcount does, rather than case-insensitively.',
  },
  {
    name: 't1589_sspr_service',
    type: 'string',
    default: 'Self-service Password Management',
    description: 'loggedByService of self-service password reset audits (compared case-insensitively).',
  },
  {
    name: 't1589_sspr_activities',
    type: 'string[]',
    default: [
      'Reset password (self-service)',
      'Self-service password reset flow activity',
      'Verify email address phone number',
      'Blocked from self-service password reset',
      'Unlock user account (self-service)',
    ],
    description: 'SSPR activities that count, matched as case-insensitive prefixes.',
  },
  {
    name: 't1589_sspr_min_distinct_targets',
    type: 'number',
    default: 10,
    unit: 'accounts',
    description: 'An SSPR window from one IP fires at this many distinct target users.',
  },
  {
    name: 't1589_sspr_high_distinct_targets',
    type: 'number',
    default: 25,
    unit: 'accounts',
    description: 'An SSPR finding is High at this many distinct target users.',
  },
  {
    name: 't1589_win_4625_codes',
    type: 'string[]',
    default: ['0xC0000064', '0xC0000072', '0xC000006D'],
    description: '4625 SubStatus or Status codes that count: no such user, disabled, bad logon.',
  },
  {
    name: 't1589_win_4771_codes',
    type: 'string[]',
    default: ['0x6', '0x18'],
    description: '4771 failure codes that count: client not found, pre-authentication failed.',
  },
  {
    name: 't1589_win_4768_codes',
    type: 'string[]',
    default: ['0x6', '0x12'],
    description: 'Failed 4768 (TGT request) status codes that count: client not found, disabled or locked.',
  },
  {
    name: 't1589_win_4776_codes',
    type: 'string[]',
    default: ['0xC0000064', '0xC000006A'],
    description:
      '4776 (NTLM validation) error codes that count, grouped by source workstation: no such user, and a wrong password (across many users, a spray).',
  },
  {
    name: 't1589_win_group_without_ip',
    type: 'boolean',
    default: true,
    description:
      'Group a 4625 with no remote address (logon types 2, 7, 8, an application calling LogonUser) by host, workstation name and calling process, rather than dropping it.',
  },
  {
    name: 't1589_win_not_found_codes',
    type: 'string[]',
    default: ['0xC0000064', '0x6'],
    description: 'Windows codes counted as "user does not exist".',
  },
  {
    name: 't1589_win_locked_disabled_codes',
    type: 'string[]',
    default: ['0xC0000072', '0x12'],
    description: 'Windows codes counted as "locked or disabled".',
  },
  {
    name: 't1589_excluded_sources',
    type: 'string[]',
    default: ['-', '127.0.0.1', '0.0.0.0', '::1'],
    description: 'Source IPs (and workstation names) never grouped on; empty values are always skipped.',
  },
  {
    name: 't1589_excluded_users',
    type: 'string[]',
    default: ['-', 'N/A', 'ANONYMOUS LOGON'],
    description: 'Usernames never counted (compared case-insensitively); empty names are always skipped.',
  },
];

/**
 * The `seed` profile: seed 002's KQL exactly (no 50126, grouped by IP, app and result description,
 * usernames compared as written) and seed 004's AQL (4625 and 4771 only, by source IP), and no burst tier.
 */
export const SEED_PROFILE: Readonly<Record<string, ParamValue>> = {
  t1589_signin_error_codes: [50034, 50053, 50055, 50057, 50072, 50076],
  t1589_signin_group_by_app_and_reason: true,
  t1589_entra_case_sensitive_users: true,
  t1589_sspr_activities: [
    'Reset password (self-service)',
    'Self-service password reset flow activity',
    'Verify email address phone number',
  ],
  t1589_win_4768_codes: [],
  t1589_win_4776_codes: [],
  t1589_win_group_without_ip: false,
  t1589_bursts: false,
};
