// en-US message layouts for the events the sample case saves through Event Viewer. Each line names the
// EventData field it shows, or computes the value (Security ID lines show the resolved account).
import { ACCOUNT_MESSAGES } from './accountMessages.js';
import { KERBEROS_MESSAGES } from './kerberosMessages.js';
import { LOGON_MESSAGES } from './logonMessages.js';
import type { MessageTemplate } from './messageParts.js';

export type { MessageTemplate };

export const MESSAGE_TEMPLATES: Record<number, MessageTemplate> = {
  ...LOGON_MESSAGES,
  ...ACCOUNT_MESSAGES,
  ...KERBEROS_MESSAGES,
};
