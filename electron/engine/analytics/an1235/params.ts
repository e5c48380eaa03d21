// The parameters only "suspicious process, then account creation" reads. Defaults follow detections.md.
import type { ParamSpecInput } from '../paramTypes.js';

export const PARAMS: readonly ParamSpecInput[] = [
  {
    name: 'an1235_sequence_window_s',
    type: 'number',
    default: 120,
    unit: 'seconds',
    description: 'How soon after the suspicious process the 4720 must follow.',
  },
  {
    name: 'an1235_remote_wmi_parents',
    type: 'string[]',
    default: ['wmiprvse.exe'],
    description: 'A process started by one of these (remote WMI) counts as suspicious.',
  },
  {
    name: 'an1235_trusted_folders',
    type: 'string[]',
    default: ['\\windows\\', '\\program files\\', '\\program files (x86)\\'],
    description:
      'Folders (without drive letter) whose executables are not suspicious by location; anything outside them is.',
  },
  {
    name: 'an1235_drop_folders',
    type: 'string[]',
    default: ['\\users\\', '\\temp\\', '\\programdata\\'],
    description:
      'Path parts where dropped tools live: suspicious even inside a trusted folder (\\Windows\\Temp\\).',
  },
  {
    name: 'an1235_include_domain_accounts',
    type: 'boolean',
    default: false,
    description:
      'Also pair suspicious processes with domain-account creations (by default only local accounts).',
  },
];
