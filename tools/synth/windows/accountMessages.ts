// en-US messages of account and group management events, as Event Viewer renders them.
import { subject, targetAccount, groupAdd } from './messageParts.js';
import type { MessageTemplate } from './messageParts.js';

export const ACCOUNT_MESSAGES: Record<number, MessageTemplate> = {
  4720: {
    title: 'A user account was created.',
    sections: [
      subject,
      targetAccount('New Account'),
      {
        heading: 'Attributes',
        lines: [
          ['SAM Account Name', 'SamAccountName'],
          ['Display Name', 'DisplayName'],
          ['User Principal Name', 'UserPrincipalName'],
          ['Primary Group ID', 'PrimaryGroupId'],
          ['Old UAC Value', 'OldUacValue'],
          ['New UAC Value', 'NewUacValue'],
          ['User Account Control', 'UserAccountControl'],
        ],
      },
    ],
  },
  4722: { title: 'A user account was enabled.', sections: [subject, targetAccount('Target Account')] },
  4724: {
    title: "An attempt was made to reset an account's password.",
    sections: [subject, targetAccount('Target Account')],
  },
  4738: {
    title: 'A user account was changed.',
    sections: [
      subject,
      targetAccount('Target Account'),
      {
        heading: 'Changed Attributes',
        lines: [
          ['Password Last Set', 'PasswordLastSet'],
          ['Old UAC Value', 'OldUacValue'],
          ['New UAC Value', 'NewUacValue'],
          ['User Account Control', 'UserAccountControl'],
        ],
      },
    ],
  },
  4726: { title: 'A user account was deleted.', sections: [subject, targetAccount('Target Account')] },
  4728: groupAdd('global'),
  4732: groupAdd('local'),
  4756: groupAdd('universal'),
  4798: {
    title: "A user's local group membership was enumerated.",
    sections: [
      subject,
      targetAccount('User'),
      {
        heading: 'Process Information',
        lines: [
          ['Process ID', 'CallerProcessId'],
          ['Process Name', 'CallerProcessName'],
        ],
      },
    ],
  },
  4799: {
    title: 'A security-enabled local group membership was enumerated.',
    sections: [
      subject,
      {
        heading: 'Group',
        lines: [
          ['Security ID', 'TargetSid'],
          ['Group Name', 'TargetUserName'],
          ['Group Domain', 'TargetDomainName'],
        ],
      },
      {
        heading: 'Process Information',
        lines: [
          ['Process ID', 'CallerProcessId'],
          ['Process Name', 'CallerProcessName'],
        ],
      },
    ],
  },
};
