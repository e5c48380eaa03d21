// The parameters only account creation with lineage reads. Defaults follow ../../shared/detections.md.
import type { ParamSpecInput } from '../paramTypes.js';

export const PARAMS: readonly ParamSpecInput[] = [
  {
    name: 'an1604_creation_window_s',
    type: 'number',
    default: 300,
    unit: 'seconds',
    description: 'How long before a 4720 the creating process may have started.',
  },
  {
    name: 'an1604_remote_window_s',
    type: 'number',
    default: 300,
    unit: 'seconds',
    description:
      'For a creation over a network logon: how long before the 4720 the admin tool may have started on the source workstation (widen it for consoles kept open).',
  },
  {
    name: 'an1604_followup_window_s',
    type: 'number',
    default: 24 * 3600,
    unit: 'seconds',
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
    description:
      'Regular expressions (case-insensitive) for admin tools on the source workstation of a remote creation.',
  },
  {
    name: 'an1604_ignored_processes',
    type: 'string[]',
    default: ['conhost.exe'],
    description:
      'Never taken as the creating process: a console host starts beside every console tool, in the same session.',
  },
  {
    name: 'an1604_setup_window_s',
    type: 'number',
    default: 900,
    unit: 'seconds',
    description:
      'A local account SYSTEM creates this soon after the first event the case holds from its host, and adds to Administrators, was created during Windows setup: the explanation says so, and the allowlist property created-during-setup lowers it to Low.',
  },
];
