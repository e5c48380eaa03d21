// en-US messages of logon, logoff, process creation and log clear events, as Event Viewer renders them.
import { sid, subject } from './messageParts.js';
import type { MessageTemplate } from './messageParts.js';

export const LOGON_MESSAGES: Record<number, MessageTemplate> = {
  4624: {
    title: 'An account was successfully logged on.',
    sections: [
      subject,
      {
        heading: 'Logon Information',
        lines: [
          ['Logon Type', 'LogonType'],
          ['Restricted Admin Mode', 'RestrictedAdminMode'],
          ['Virtual Account', 'VirtualAccount'],
          ['Elevated Token', 'ElevatedToken'],
        ],
      },
      { heading: 'Impersonation Level', lines: [] },
      {
        heading: 'New Logon',
        lines: [
          ['Security ID', sid('Target')],
          ['Account Name', 'TargetUserName'],
          ['Account Domain', 'TargetDomainName'],
          ['Logon ID', 'TargetLogonId'],
          ['Linked Logon ID', 'TargetLinkedLogonId'],
          ['Logon GUID', 'LogonGuid'],
        ],
      },
      {
        heading: 'Process Information',
        lines: [
          ['Process ID', 'ProcessId'],
          ['Process Name', 'ProcessName'],
        ],
      },
      {
        heading: 'Network Information',
        lines: [
          ['Workstation Name', 'WorkstationName'],
          ['Source Network Address', 'IpAddress'],
          ['Source Port', 'IpPort'],
        ],
      },
      {
        heading: 'Detailed Authentication Information',
        lines: [
          ['Logon Process', 'LogonProcessName'],
          ['Authentication Package', 'AuthenticationPackageName'],
          ['Package Name (NTLM only)', 'LmPackageName'],
          ['Key Length', 'KeyLength'],
        ],
      },
    ],
    footer:
      'This event is generated when a logon session is created. It is generated on the computer that was accessed.',
  },
  4625: {
    title: 'An account failed to log on.',
    sections: [
      subject,
      { lines: [['Logon Type', 'LogonType']] },
      {
        heading: 'Account For Which Logon Failed',
        lines: [
          ['Security ID', sid('Target')],
          ['Account Name', 'TargetUserName'],
          ['Account Domain', 'TargetDomainName'],
        ],
      },
      {
        heading: 'Failure Information',
        lines: [
          ['Failure Reason', 'FailureReason'],
          ['Status', 'Status'],
          ['Sub Status', 'SubStatus'],
        ],
      },
      {
        heading: 'Process Information',
        lines: [
          ['Caller Process ID', 'ProcessId'],
          ['Caller Process Name', 'ProcessName'],
        ],
      },
      {
        heading: 'Network Information',
        lines: [
          ['Workstation Name', 'WorkstationName'],
          ['Source Network Address', 'IpAddress'],
          ['Source Port', 'IpPort'],
        ],
      },
    ],
  },
  4634: {
    title: 'An account was logged off.',
    sections: [
      {
        heading: 'Subject',
        lines: [
          ['Security ID', sid('Target')],
          ['Account Name', 'TargetUserName'],
          ['Account Domain', 'TargetDomainName'],
          ['Logon ID', 'TargetLogonId'],
        ],
      },
      { lines: [['Logon Type', 'LogonType']] },
    ],
    footer:
      'This event is generated when a logon session is destroyed. It may be positively correlated with a logon event using the Logon ID value.',
  },
  4647: {
    title: 'User initiated logoff:',
    sections: [
      {
        heading: 'Subject',
        lines: [
          ['Security ID', sid('Target')],
          ['Account Name', 'TargetUserName'],
          ['Account Domain', 'TargetDomainName'],
          ['Logon ID', 'TargetLogonId'],
        ],
      },
    ],
  },
  4688: {
    title: 'A new process has been created.',
    sections: [
      { heading: 'Creator Subject', lines: subject.lines },
      {
        heading: 'Target Subject',
        lines: [
          ['Security ID', sid('Target')],
          ['Account Name', 'TargetUserName'],
          ['Account Domain', 'TargetDomainName'],
          ['Logon ID', 'TargetLogonId'],
        ],
      },
      {
        heading: 'Process Information',
        lines: [
          ['New Process ID', 'NewProcessId'],
          ['New Process Name', 'NewProcessName'],
          ['Token Elevation Type', 'TokenElevationType'],
          ['Mandatory Label', 'MandatoryLabel'],
          ['Creator Process ID', 'ProcessId'],
          ['Creator Process Name', 'ParentProcessName'],
          ['Process Command Line', 'CommandLine'],
        ],
      },
    ],
  },
  1102: { title: 'The audit log was cleared.', sections: [subject] },
};
