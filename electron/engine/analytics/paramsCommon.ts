// Parameters shared by several analytics, and those of the two account-creation analytics (AN1604, AN1235).
import type { ParamSpecInput } from './params.js';

export const COMMON_PARAMS: readonly ParamSpecInput[] = [
  {
    name: 'process_parent_max_age_s',
    type: 'number',
    default: 7 * 24 * 3600,
    unit: 'seconds',
    analytics: ['AN1612', 'AN1604', 'AN1235'],
    description:
      'A 4688 parent is the latest start of that pid on the same host at or before the child, and no older than this (Windows reuses pids).',
  },
  {
    name: 'lineage_max_depth',
    type: 'number',
    default: 16,
    unit: 'levels',
    analytics: ['AN1612', 'AN1604', 'AN1235'],
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
    analytics: ['AN1612', 'AN1604'],
    description:
      'Image names that should not launch account tools (Office apps, browsers, IIS worker, script hosts): one in the parent chain raises severity to High.',
  },
  {
    name: 'account_tools',
    type: 'string[]',
    default: ['net.exe', 'net1.exe', 'powershell.exe', 'pwsh.exe', 'wmic.exe', 'cmd.exe'],
    analytics: ['AN1604', 'AN1235'],
    description:
      'Built-in account tools: suspicious before a 4720 (AN1235), and preferred as the creating process when no command line names the account (AN1604).',
  },
];

export const ACCOUNT_PARAMS: readonly ParamSpecInput[] = [
  {
    name: 'an1604_creation_window_s',
    type: 'number',
    default: 300,
    unit: 'seconds',
    analytics: ['AN1604'],
    description: 'How long before a 4720 the creating process may have started.',
  },
  {
    name: 'an1604_remote_window_s',
    type: 'number',
    default: 300,
    unit: 'seconds',
    analytics: ['AN1604'],
    description:
      'For a creation over a network logon: how long before the 4720 the admin tool may have started on the source workstation (widen it for consoles kept open).',
  },
  {
    name: 'an1604_followup_window_s',
    type: 'number',
    default: 24 * 3600,
    unit: 'seconds',
    analytics: ['AN1604'],
    description:
      'How long after the creation follow-up events (enable, password, group, logon, delete) are collected.',
  },
  {
    name: 'an1604_remote_admin_patterns',
    type: 'string[]',
    default: [
      '\\bmmc(\\.exe)?\\b.*\\bdsa\\.msc\\b',
      '\\bnew-aduser\\b',
      '\\bnet1?(\\.exe)?"?\\s+users?\\b.*\\s/add\\b.*\\s/domain\\b',
      '\\bnet1?(\\.exe)?"?\\s+users?\\b.*\\s/domain\\b.*\\s/add\\b',
      '\\bwmic(\\.exe)?\\b.*\\s/node:',
      '\\bdsadd(\\.exe)?"?\\s+user\\b',
    ],
    analytics: ['AN1604'],
    description:
      'Regular expressions (case-insensitive) for admin tools on the source workstation of a remote creation.',
  },
  {
    name: 'an1604_ignored_processes',
    type: 'string[]',
    default: ['conhost.exe'],
    analytics: ['AN1604'],
    description:
      'Never taken as the creating process: a console host starts beside every console tool, in the same session.',
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
    analytics: ['AN1604'],
    description: 'Group names (any case) whose new members are flagged; joining one raises severity to High.',
  },
  {
    name: 'an1235_sequence_window_s',
    type: 'number',
    default: 120,
    unit: 'seconds',
    analytics: ['AN1235'],
    description: 'How soon after the suspicious process the 4720 must follow.',
  },
  {
    name: 'an1235_remote_wmi_parents',
    type: 'string[]',
    default: ['wmiprvse.exe'],
    analytics: ['AN1235'],
    description: 'A process started by one of these (remote WMI) counts as suspicious.',
  },
  {
    name: 'an1235_trusted_folders',
    type: 'string[]',
    default: ['\\windows\\', '\\program files\\', '\\program files (x86)\\'],
    analytics: ['AN1235'],
    description:
      'Folders (without drive letter) whose executables are not suspicious by location; anything outside them is.',
  },
  {
    name: 'an1235_drop_folders',
    type: 'string[]',
    default: ['\\users\\', '\\temp\\', '\\programdata\\'],
    analytics: ['AN1235'],
    description:
      'Path parts where dropped tools live: suspicious even inside a trusted folder (\\Windows\\Temp\\).',
  },
  {
    name: 'an1235_include_domain_accounts',
    type: 'boolean',
    default: false,
    analytics: ['AN1235'],
    description:
      'Also pair suspicious processes with domain-account creations (by default only local accounts).',
  },
];
