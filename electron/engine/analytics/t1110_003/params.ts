// T1110_003 (password spraying seen from the source host) parameters. The thresholds are about one pass
// of a spray: a tool tries every name on its list with one password, seconds apart, and waits out the
// lockout observation window before the next password. Ten accounts in ten minutes from one logon session
// and one calling process is far above what a person does with runas or a mapped drive (their admin
// account, a service account or two), and one pass of any spray list reaches it within seconds.
import type { ParamSpecInput } from '../paramTypes.js';

export const PARAMS: readonly ParamSpecInput[] = [
  {
    name: 't1110_003_window_minutes',
    type: 'number',
    default: 10,
    unit: 'minutes',
    description:
      'Length of the sliding window of log time in which the distinct accounts one source used explicit credentials for are counted.',
  },
  {
    name: 't1110_003_min_accounts',
    type: 'number',
    default: 10,
    unit: 'accounts',
    description:
      'A window fires at this many distinct accounts tried from one source (host, logon session of the subject, calling process).',
  },
  {
    name: 't1110_003_high_accounts',
    type: 'number',
    default: 30,
    unit: 'accounts',
    description:
      'An episode that tried this many distinct accounts is High: no administrator works through that many accounts by hand.',
  },
  {
    name: 't1110_003_success_minutes',
    type: 'number',
    default: 60,
    unit: 'minutes',
    description:
      'A logon (4624) of a sprayed account whose workstation is the source host, from the first attempt to this long after the last, makes the finding High.',
  },
  {
    name: 't1110_003_excluded_users',
    type: 'string[]',
    default: ['-', 'N/A', 'ANONYMOUS LOGON'],
    description: 'Account names never counted (compared case-insensitively); empty names are always skipped.',
  },
  {
    name: 't1110_003_machine_accounts',
    type: 'boolean',
    default: false,
    description:
      'Count machine accounts (names ending in $) among the accounts tried; off by default, since computers authenticate as themselves to one another all day.',
  },
  {
    name: 't1110_003_machine_callers',
    type: 'string[]',
    default: [
      'services.exe',
      'svchost.exe',
      'taskhost.exe',
      'taskhostw.exe',
      'taskeng.exe',
      'winlogon.exe',
      'lsass.exe',
    ],
    description:
      'Calling processes (image names) whose 4648 are ignored when the subject is the machine itself (SYSTEM, NETWORK SERVICE, LOCAL SERVICE or HOST$): Windows starting services under their accounts, running scheduled tasks and logging users on at the console or over RDP. The same processes in a user logon session still count (runas goes through svchost.exe).',
  },
  {
    name: 't1110_003_caller_max_age_s',
    type: 'number',
    default: 86400,
    unit: 'seconds',
    description:
      'The calling process a 4648 names by pid is the latest start of that pid on the same host, in the logon session of the subject and of the image the event names, no older than this; otherwise the finding says its start is not in the logs.',
  },
];
