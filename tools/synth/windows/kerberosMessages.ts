// en-US messages of Kerberos and NTLM authentication events, as Event Viewer renders them.
import {} from './messageParts.js';
import type { MessageTemplate } from './messageParts.js';

export const KERBEROS_MESSAGES: Record<number, MessageTemplate> = {
  4768: {
    title: 'A Kerberos authentication ticket (TGT) was requested.',
    sections: [
      {
        heading: 'Account Information',
        lines: [
          ['Account Name', 'TargetUserName'],
          ['Supplied Realm Name', 'TargetDomainName'],
          ['User ID', 'TargetSid'],
        ],
      },
      {
        heading: 'Service Information',
        lines: [
          ['Service Name', 'ServiceName'],
          ['Service ID', 'ServiceSid'],
        ],
      },
      {
        heading: 'Network Information',
        lines: [
          ['Client Address', 'IpAddress'],
          ['Client Port', 'IpPort'],
        ],
      },
      {
        heading: 'Additional Information',
        lines: [
          ['Ticket Options', 'TicketOptions'],
          ['Result Code', 'Status'],
          ['Ticket Encryption Type', 'TicketEncryptionType'],
          ['Pre-Authentication Type', 'PreAuthType'],
        ],
      },
    ],
  },
  4769: {
    title: 'A Kerberos service ticket was requested.',
    sections: [
      {
        heading: 'Account Information',
        lines: [
          ['Account Name', 'TargetUserName'],
          ['Account Domain', 'TargetDomainName'],
          ['Logon GUID', 'LogonGuid'],
        ],
      },
      {
        heading: 'Service Information',
        lines: [
          ['Service Name', 'ServiceName'],
          ['Service ID', 'ServiceSid'],
        ],
      },
      {
        heading: 'Network Information',
        lines: [
          ['Client Address', 'IpAddress'],
          ['Client Port', 'IpPort'],
        ],
      },
      {
        heading: 'Additional Information',
        lines: [
          ['Ticket Options', 'TicketOptions'],
          ['Ticket Encryption Type', 'TicketEncryptionType'],
          ['Failure Code', 'Status'],
        ],
      },
    ],
  },
  4771: {
    title: 'Kerberos pre-authentication failed.',
    sections: [
      {
        heading: 'Account Information',
        lines: [
          ['Security ID', 'TargetSid'],
          ['Account Name', 'TargetUserName'],
        ],
      },
      { heading: 'Service Information', lines: [['Service Name', 'ServiceName']] },
      {
        heading: 'Network Information',
        lines: [
          ['Client Address', 'IpAddress'],
          ['Client Port', 'IpPort'],
        ],
      },
      {
        heading: 'Additional Information',
        lines: [
          ['Ticket Options', 'TicketOptions'],
          ['Failure Code', 'Status'],
          ['Pre-Authentication Type', 'PreAuthType'],
        ],
      },
    ],
  },
  4776: {
    title: 'The computer attempted to validate the credentials for an account.',
    sections: [
      {
        lines: [
          ['Authentication Package', 'PackageName'],
          ['Logon Account', 'TargetUserName'],
          ['Source Workstation', 'Workstation'],
          ['Error Code', 'Status'],
        ],
      },
    ],
  },
};
