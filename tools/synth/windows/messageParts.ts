// The building blocks of the en-US message layouts: a template type, and the Subject and account
// sections most Security messages share.
import type { DataValue } from './winEvent.js';
import { displaySid, messageValue } from './messageValues.js';

export type Fields = Map<string, DataValue>;
export type LineSource = string | ((f: Fields) => string);

export interface MessageTemplate {
  title: string;
  sections: Array<{ heading?: string; lines: Array<[label: string, source: LineSource]> }>;
  footer?: string;
}

export function sid(prefix: 'Subject' | 'Target', sidField = `${prefix}UserSid`) {
  return (f: Fields) => {
    const value = f.get(sidField);
    return typeof value === 'string'
      ? displaySid(value, f.get(`${prefix}DomainName`), f.get(`${prefix}UserName`))
      : '-';
  };
}

export const subject = {
  heading: 'Subject',
  lines: [
    ['Security ID', sid('Subject')],
    ['Account Name', 'SubjectUserName'],
    ['Account Domain', 'SubjectDomainName'],
    ['Logon ID', 'SubjectLogonId'],
  ] as Array<[string, LineSource]>,
};

export const targetAccount = (heading: string) => ({
  heading,
  lines: [
    ['Security ID', (f: Fields) => messageValue(f.get('TargetSid'))],
    ['Account Name', 'TargetUserName'],
    ['Account Domain', 'TargetDomainName'],
  ] as Array<[string, LineSource]>,
});

export const groupAdd = (scope: string): MessageTemplate => ({
  title: `A member was added to a security-enabled ${scope} group.`,
  sections: [
    subject,
    {
      heading: 'Member',
      lines: [
        ['Security ID', 'MemberSid'],
        ['Account Name', 'MemberName'],
      ],
    },
    {
      heading: 'Group',
      lines: [
        ['Security ID', 'TargetSid'],
        ['Group Name', 'TargetUserName'],
        ['Group Domain', 'TargetDomainName'],
      ],
    },
    { heading: 'Additional Information', lines: [['Privileges', 'PrivilegeList']] },
  ],
});
