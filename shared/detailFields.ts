// A finding's `details` (each analytic's own shape, see its details.ts) as fields a person reads: labels in
// words, user-account-control flags decoded, follow-up events and other lists as lists, nested objects as
// nested fields, times in the display time zone. The finding detail and the HTML report both show this;
// the raw JSON stays available behind a disclosure.
import { accountControlCodeNames, accountControlFlagNames } from './accountControlFlags.js';

export type DetailValue =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'fields'; fields: DetailField[] };

export interface DetailField {
  key: string;
  label: string;
  value: DetailValue;
}

/** Turns an ISO time into display text; identity by default. */
export type TimeText = (iso: string) => string;

// Words an analyst expects in capitals, and keys whose camel case would read oddly.
const WORDS: Record<string, string> = {
  ip: 'IP',
  ips: 'IPs',
  sid: 'SID',
  sids: 'SIDs',
  pid: 'PID',
  uac: 'UAC',
  id: 'ID',
  ids: 'IDs',
  upn: 'UPN',
  sspr: 'SSPR',
  ds: 'DS',
  sam: 'SAM',
};
const LABELS: Record<string, string> = {
  userAccountControl: 'Account control flags (UAC)',
  followUps: 'What happened next',
  deltaSeconds: 'Seconds after',
  secondsAfterFirstEvent: 'Seconds after the host’s first event',
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function detailLabel(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .split(' ')
    .filter(Boolean)
    .map((w) => WORDS[w] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const empty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || v === '-' || (Array.isArray(v) && v.length === 0);

function scalarText(v: unknown, time: TimeText): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') {
    if (ISO_TIME.test(v)) return time(v);
    const flags = accountControlCodeNames(v);
    return flags.length > 0 ? `${flags.join(', ')} (${v.trim()})` : v;
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return JSON.stringify(v);
}

/** The flags in words, and the raw value Windows wrote beside them. */
function accountControl(v: Record<string, unknown>): DetailValue {
  const names = Array.isArray(v['names'])
    ? v['names'].map(String)
    : accountControlFlagNames(v['value'], v['flags']);
  const raw = [v['value'], v['flags']].filter((x) => typeof x === 'string' && x.trim() !== '').join(' · ');
  const items = names.length > 0 ? [...names] : ['no flags recorded'];
  if (raw) items.push(`as logged: ${raw}`);
  return { kind: 'list', items };
}

/** A follow-up event of a created account (an1604): when, what, where, and by whom. */
function followUpLine(f: Record<string, unknown>, time: TimeText): string {
  const parts: string[] = [];
  if (typeof f['time'] === 'string') parts.push(time(f['time']));
  const what = [
    f['kind'],
    f['group'] ? `to ${String(f['group'])}` : null,
    f['privileged'] ? '(privileged)' : null,
  ];
  parts.push(what.filter(Boolean).join(' '));
  if (f['eventId'] !== undefined && f['eventId'] !== null) parts.push(`event ${String(f['eventId'])}`);
  if (f['logonType'] !== null && f['logonType'] !== undefined)
    parts.push(`logon type ${String(f['logonType'])}`);
  if (f['ip'] || f['workstation']) parts.push(`from ${String(f['ip'] ?? f['workstation'])}`);
  if (f['host']) parts.push(`on ${String(f['host'])}`);
  if (f['by']) parts.push(`by ${String(f['by'])}`);
  if (typeof f['deltaSeconds'] === 'number') parts.push(`+${f['deltaSeconds']} s`);
  return parts.filter(Boolean).join(' · ');
}

/** Any other object in a list, as one line of its non-empty values. */
function objectLine(o: Record<string, unknown>, time: TimeText): string {
  return Object.entries(o)
    .filter(([, v]) => !empty(v))
    .map(
      ([k, v]) =>
        `${detailLabel(k).toLowerCase()} ${isRecord(v) || Array.isArray(v) ? JSON.stringify(v) : scalarText(v, time)}`,
    )
    .join(' · ');
}

function valueOf(key: string, v: unknown, time: TimeText): DetailValue {
  if (key === 'userAccountControl' && isRecord(v)) return accountControl(v);
  if (Array.isArray(v)) {
    const items = v
      .filter((x) => !empty(x))
      .map((x) =>
        isRecord(x)
          ? key === 'followUps'
            ? followUpLine(x, time)
            : objectLine(x, time)
          : scalarText(x, time),
      );
    return { kind: 'list', items };
  }
  if (isRecord(v)) return { kind: 'fields', fields: detailFields(v, time) };
  return { kind: 'text', text: scalarText(v, time) };
}

/** The readable fields of a details object; empty values (null, '', []) are left out. */
export function detailFields(details: Record<string, unknown>, time: TimeText = (t) => t): DetailField[] {
  return Object.entries(details)
    .filter(([, v]) => !empty(v))
    .map(([key, v]) => ({ key, label: detailLabel(key), value: valueOf(key, v, time) }))
    .filter((f) => f.value.kind !== 'fields' || f.value.fields.length > 0);
}
