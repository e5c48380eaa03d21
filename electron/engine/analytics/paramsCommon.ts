// Parameters several analytics read: each analytic's module names the ones it uses (`commonParams`), and
// Settings lists them as common. An analytic's own parameters live in its folder.
import type { ParamSpecInput } from './paramTypes.js';

export const COMMON_PARAMS: readonly ParamSpecInput[] = [
  {
    name: 'process_parent_max_age_s',
    type: 'number',
    default: 7 * 24 * 3600,
    unit: 'seconds',
    description:
      'A 4688 parent is the latest start of that pid on the same host at or before the child, and no older than this (Windows reuses pids).',
  },
  {
    name: 'lineage_max_depth',
    type: 'number',
    default: 16,
    unit: 'levels',
    // each level is one more join of the recursive walk
    max: 64,
    description: 'How many parents a process chain is followed up (and children down) before it stops.',
  },
  {
    name: 'unusual_launchers',
    type: 'string[]',
    default: [
      'winword.exe',
      'excel.exe',
      'powerpnt.exe',
      'outlook.exe',
      'msaccess.exe',
      'mspub.exe',
      'onenote.exe',
      'visio.exe',
      'chrome.exe',
      'msedge.exe',
      'firefox.exe',
      'iexplore.exe',
      'opera.exe',
      'brave.exe',
      'w3wp.exe',
      'rundll32.exe',
      'mshta.exe',
      'wscript.exe',
    ],
    description:
      'Image names that should not launch account tools (Office apps, browsers, IIS worker, script hosts): one in the parent chain raises severity to High.',
  },
  {
    name: 'account_tools',
    type: 'string[]',
    default: ['net.exe', 'net1.exe', 'powershell.exe', 'pwsh.exe', 'wmic.exe', 'cmd.exe'],
    description:
      'Built-in account tools: suspicious right before a 4720, and preferred as the creating process when no command line names the account.',
  },
  {
    name: 'privileged_groups',
    type: 'string[]',
    default: [
      'Administrators',
      'Domain Admins',
      'Enterprise Admins',
      'Schema Admins',
      'Account Operators',
      'Backup Operators',
      'Remote Desktop Users',
      'Remote Management Users',
    ],
    description: 'Group names (any case) whose new members are flagged; joining one raises severity to High.',
  },
];
