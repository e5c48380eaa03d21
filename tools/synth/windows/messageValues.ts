// How Event Viewer turns raw event values into message text: message-table ids resolved, hex in upper
// case, SIDs shown as the account they resolve to.
import { Hex } from './winEvent.js';
import type { DataValue } from './winEvent.js';

/** Insertion strings ("%%1842") as the en-US message tables resolve them. */
const MESSAGE_IDS: Record<string, string> = {
  '%%1793': '<value not set>',
  '%%1794': '<never>',
  '%%1797': 'All',
  '%%1833': 'Impersonation',
  '%%1842': 'Yes',
  '%%1843': 'No',
  '%%1936': 'TokenElevationTypeDefault (1)',
  '%%1937': 'TokenElevationTypeFull (2)',
  '%%1938': 'TokenElevationTypeLimited (3)',
  '%%2307': 'Account locked out.',
  '%%2310': 'Account currently disabled.',
  '%%2313': 'Unknown user name or bad password.',
  '%%2048': 'Account Enabled',
  '%%2050': "'Password Not Required' - Disabled",
  '%%2080': 'Account Disabled',
  '%%2082': "'Password Not Required' - Enabled",
  '%%2084': "'Normal Account' - Enabled",
};

/** Messages print hex in upper case ("0x3E7") even though the XML value is lower case. */
export function messageValue(v: DataValue | undefined): string {
  if (v === undefined) return '-';
  if (v instanceof Hex) return `0x${v.value.toString(16).toUpperCase()}`;
  return v.replace(/%%\d+/g, (id) => MESSAGE_IDS[id] ?? id);
}

/** Event Viewer shows a SID as the account it resolves to; a null SID reads "NULL SID". */
export function displaySid(sid: string, domain: DataValue | undefined, name: DataValue | undefined): string {
  if (sid === 'S-1-0-0') return 'NULL SID';
  if (sid === 'S-1-5-18') return 'SYSTEM';
  if (typeof domain === 'string' && typeof name === 'string' && name !== '-' && domain !== '-') {
    return `${domain}\\${name}`;
  }
  return sid;
}
