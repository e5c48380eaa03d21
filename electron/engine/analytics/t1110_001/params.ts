// T1110_001 (password guessing) parameters. Windows codes are hex strings compared by value; Entra ID
// codes are numbers. The "password right" codes are answers that only come back when the name and the
// password were both valid and something else refused the logon.
import type { ParamSpecInput } from '../paramTypes.js';

/** NTSTATUS answers of 4625 and 4776 that say the password was right but the account may not log on. */
const PASSWORD_RIGHT_NTSTATUS = [
  '0xC000006E', // account restriction (Status; the SubStatus names which)
  '0xC000006F', // outside the allowed logon hours
  '0xC0000070', // not allowed from this workstation
  '0xC0000071', // password expired
  '0xC0000072', // account disabled
  '0xC0000193', // account expired
  '0xC0000224', // must change password at next logon
];

export const PARAMS: readonly ParamSpecInput[] = [
  {
    name: 't1110_001_window_minutes',
    type: 'number',
    default: 10,
    unit: 'minutes',
    description:
      'Length of the sliding window of log time in which failures against one account are counted.',
  },
  {
    name: 't1110_001_min_failures',
    type: 'number',
    default: 20,
    unit: 'events',
    description: 'A window fires at this many failures against one account from one source.',
  },
  {
    name: 't1110_001_success_minutes',
    type: 'number',
    default: 60,
    unit: 'minutes',
    description:
      'A success for the account from the same source, from the first failure to this long after the last, makes the finding High.',
  },
  {
    name: 't1110_001_win_4625_codes',
    type: 'string[]',
    default: ['0xC000006A', '0xC000006D', '0xC0000234'],
    description:
      '4625 codes that count (SubStatus when set, else Status): wrong password, bad logon, account locked out.',
  },
  {
    name: 't1110_001_win_4771_codes',
    type: 'string[]',
    default: ['0x18'],
    description: '4771 failure codes that count: Kerberos pre-authentication failed (wrong password).',
  },
  {
    name: 't1110_001_win_4776_codes',
    type: 'string[]',
    default: ['0xC000006A', '0xC0000234'],
    description: '4776 (NTLM validation) error codes that count, grouped by the workstation it names.',
  },
  {
    name: 't1110_001_win_password_right_codes',
    type: 'string[]',
    default: PASSWORD_RIGHT_NTSTATUS,
    description:
      '4625 and 4776 answers that mean the name and password were valid but an account restriction refused the logon (disabled, expired, hours, workstation, must change): they count as attempts and make the finding High.',
  },
  {
    name: 't1110_001_signin_codes',
    type: 'number[]',
    default: [50126, 50053],
    description: 'Entra ID sign-in error codes that count: 50126 invalid username or password, 50053 locked.',
  },
  {
    name: 't1110_001_signin_password_right_codes',
    type: 'number[]',
    default: [50055, 50074, 50076, 50079, 53003, 500121],
    description:
      'Entra ID codes that come only after a right password (expired password, MFA required or failed, blocked by Conditional Access): they count as attempts and make the finding High.',
  },
  {
    name: 't1110_001_excluded_sources',
    type: 'string[]',
    default: ['-', '127.0.0.1', '0.0.0.0', '::1'],
    description:
      'Addresses never taken as a source IP; a 4625 from one of them is grouped by host, workstation and process instead.',
  },
  {
    name: 't1110_001_excluded_users',
    type: 'string[]',
    default: ['-', 'N/A', 'ANONYMOUS LOGON'],
    description: 'Usernames never counted (compared case-insensitively); empty names are always skipped.',
  },
  {
    name: 't1110_001_machine_accounts',
    type: 'boolean',
    default: false,
    description:
      'Count failures of machine accounts (names ending in $) too; off by default, since a computer with a stale password fails the same way all day.',
  },
];
