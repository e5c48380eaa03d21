// en-US message layouts for the events the sample case saves through Event Viewer. Each line names the
// EventData field it shows, or computes the value (Security ID lines show the resolved account).
import type { DataValue } from './winEvent.js';
import { displaySid, messageValue } from './messageValues.js';

type Fields = Map<string, DataValue>;
type LineSource = string | ((f: Fields) => string);

export interface MessageTemplate {
  title: string;
  sections: Array<{ heading?: string; lines: Array<[label: string, source: LineSource]> }>;
  footer?: string;
}

function sid(prefix: 'Subject' | 'Target', sidField = `${prefix}UserSid`) {
  return (f: Fields) => {
    const value = f.get(sidField);
    return typeof value === 'string' ? displaySid(value, f.get(`${prefix}DomainName`), f.get(`${prefix}UserName`)) : '-';
  };
}

const subject = {
  heading: 'Subject',
  lines: [
    ['Security ID', sid('Subject')],
    ['Account Name', 'SubjectUserName'],
    ['Account Domain', 'SubjectDomainName'],
    ['Logon ID', 'SubjectLogonId'],
  ] as Array<[string, LineSource]>,
};

const targetAccount = (heading: string) => ({
  heading,
  lines: [
    ['Security ID', (f: Fields) => messageValue(f.get('TargetSid'))],
    ['Account Name', 'TargetUserName'],
    ['Account Domain', 'TargetDomainName'],
  ] as Array<[string, LineSource]>,
});

const groupAdd = (scope: string): MessageTemplate => ({
  title: `A member was added to a security-enabled ${scope} group.`,
  sections: [
    subject,
    { heading: 'Member', lines: [['Security ID', 'MemberSid'], ['Account Name', 'MemberName']] },
    { heading: 'Group', lines: [['Security ID', 'TargetSid'], ['Group Name', 'TargetUserName'], ['Group Domain', 'TargetDomainName']] },
    { heading: 'Additional Information', lines: [['Privileges', 'PrivilegeList']] },
  ],
});

export const MESSAGE_TEMPLATES: Record<number, MessageTemplate> = {
  4624: {
    title: 'An account was successfully logged on.',
    sections: [
      subject,
      { heading: 'Logon Information', lines: [['Logon Type', 'LogonType'], ['Restricted Admin Mode', 'RestrictedAdminMode'], ['Virtual Account', 'VirtualAccount'], ['Elevated Token', 'ElevatedToken']] },
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
      { heading: 'Process Information', lines: [['Process ID', 'ProcessId'], ['Process Name', 'ProcessName']] },
      { heading: 'Network Information', lines: [['Workstation Name', 'WorkstationName'], ['Source Network Address', 'IpAddress'], ['Source Port', 'IpPort']] },
      { heading: 'Detailed Authentication Information', lines: [['Logon Process', 'LogonProcessName'], ['Authentication Package', 'AuthenticationPackageName'], ['Package Name (NTLM only)', 'LmPackageName'], ['Key Length', 'KeyLength']] },
    ],
    footer: 'This event is generated when a logon session is created. It is generated on the computer that was accessed.',
  },
  4625: {
    title: 'An account failed to log on.',
    sections: [
      subject,
      { lines: [['Logon Type', 'LogonType']] },
      { heading: 'Account For Which Logon Failed', lines: [['Security ID', sid('Target')], ['Account Name', 'TargetUserName'], ['Account Domain', 'TargetDomainName']] },
      { heading: 'Failure Information', lines: [['Failure Reason', 'FailureReason'], ['Status', 'Status'], ['Sub Status', 'SubStatus']] },
      { heading: 'Process Information', lines: [['Caller Process ID', 'ProcessId'], ['Caller Process Name', 'ProcessName']] },
      { heading: 'Network Information', lines: [['Workstation Name', 'WorkstationName'], ['Source Network Address', 'IpAddress'], ['Source Port', 'IpPort']] },
    ],
  },
  4634: {
    title: 'An account was logged off.',
    sections: [{ heading: 'Subject', lines: [['Security ID', sid('Target')], ['Account Name', 'TargetUserName'], ['Account Domain', 'TargetDomainName'], ['Logon ID', 'TargetLogonId']] }, { lines: [['Logon Type', 'LogonType']] }],
    footer: 'This event is generated when a logon session is destroyed. It may be positively correlated with a logon event using the Logon ID value.',
  },
  4647: {
    title: 'User initiated logoff:',
    sections: [{ heading: 'Subject', lines: [['Security ID', sid('Target')], ['Account Name', 'TargetUserName'], ['Account Domain', 'TargetDomainName'], ['Logon ID', 'TargetLogonId']] }],
  },
  4688: {
    title: 'A new process has been created.',
    sections: [
      { heading: 'Creator Subject', lines: subject.lines },
      { heading: 'Target Subject', lines: [['Security ID', sid('Target')], ['Account Name', 'TargetUserName'], ['Account Domain', 'TargetDomainName'], ['Logon ID', 'TargetLogonId']] },
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
  4720: { title: 'A user account was created.', sections: [subject, targetAccount('New Account'), { heading: 'Attributes', lines: [['SAM Account Name', 'SamAccountName'], ['Display Name', 'DisplayName'], ['User Principal Name', 'UserPrincipalName'], ['Primary Group ID', 'PrimaryGroupId'], ['Old UAC Value', 'OldUacValue'], ['New UAC Value', 'NewUacValue'], ['User Account Control', 'UserAccountControl']] }] },
  4722: { title: 'A user account was enabled.', sections: [subject, targetAccount('Target Account')] },
  4724: { title: "An attempt was made to reset an account's password.", sections: [subject, targetAccount('Target Account')] },
  4738: { title: 'A user account was changed.', sections: [subject, targetAccount('Target Account'), { heading: 'Changed Attributes', lines: [['Password Last Set', 'PasswordLastSet'], ['Old UAC Value', 'OldUacValue'], ['New UAC Value', 'NewUacValue'], ['User Account Control', 'UserAccountControl']] }] },
  4726: { title: 'A user account was deleted.', sections: [subject, targetAccount('Target Account')] },
  4728: groupAdd('global'),
  4732: groupAdd('local'),
  4756: groupAdd('universal'),
  4798: { title: "A user's local group membership was enumerated.", sections: [subject, targetAccount('User'), { heading: 'Process Information', lines: [['Process ID', 'CallerProcessId'], ['Process Name', 'CallerProcessName']] }] },
  4799: { title: 'A security-enabled local group membership was enumerated.', sections: [subject, { heading: 'Group', lines: [['Security ID', 'TargetSid'], ['Group Name', 'TargetUserName'], ['Group Domain', 'TargetDomainName']] }, { heading: 'Process Information', lines: [['Process ID', 'CallerProcessId'], ['Process Name', 'CallerProcessName']] }] },
  4768: { title: 'A Kerberos authentication ticket (TGT) was requested.', sections: [{ heading: 'Account Information', lines: [['Account Name', 'TargetUserName'], ['Supplied Realm Name', 'TargetDomainName'], ['User ID', 'TargetSid']] }, { heading: 'Service Information', lines: [['Service Name', 'ServiceName'], ['Service ID', 'ServiceSid']] }, { heading: 'Network Information', lines: [['Client Address', 'IpAddress'], ['Client Port', 'IpPort']] }, { heading: 'Additional Information', lines: [['Ticket Options', 'TicketOptions'], ['Result Code', 'Status'], ['Ticket Encryption Type', 'TicketEncryptionType'], ['Pre-Authentication Type', 'PreAuthType']] }] },
  4769: { title: 'A Kerberos service ticket was requested.', sections: [{ heading: 'Account Information', lines: [['Account Name', 'TargetUserName'], ['Account Domain', 'TargetDomainName'], ['Logon GUID', 'LogonGuid']] }, { heading: 'Service Information', lines: [['Service Name', 'ServiceName'], ['Service ID', 'ServiceSid']] }, { heading: 'Network Information', lines: [['Client Address', 'IpAddress'], ['Client Port', 'IpPort']] }, { heading: 'Additional Information', lines: [['Ticket Options', 'TicketOptions'], ['Ticket Encryption Type', 'TicketEncryptionType'], ['Failure Code', 'Status']] }] },
  4771: { title: 'Kerberos pre-authentication failed.', sections: [{ heading: 'Account Information', lines: [['Security ID', 'TargetSid'], ['Account Name', 'TargetUserName']] }, { heading: 'Service Information', lines: [['Service Name', 'ServiceName']] }, { heading: 'Network Information', lines: [['Client Address', 'IpAddress'], ['Client Port', 'IpPort']] }, { heading: 'Additional Information', lines: [['Ticket Options', 'TicketOptions'], ['Failure Code', 'Status'], ['Pre-Authentication Type', 'PreAuthType']] }] },
  4776: { title: 'The computer attempted to validate the credentials for an account.', sections: [{ lines: [['Authentication Package', 'PackageName'], ['Logon Account', 'TargetUserName'], ['Source Workstation', 'Workstation'], ['Error Code', 'Status']] }] },
  1102: { title: 'The audit log was cleared.', sections: [subject] },
};
