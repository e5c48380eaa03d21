// One line of plain words per event for the timeline's event list: who did what to whom, from where.
import type { JsonRow } from './sqlRows.js';
import { textOrNull } from './sqlRows.js';

const ACCOUNT_VERBS: Record<number, string> = {
  4720: 'created account',
  4722: 'enabled account',
  4723: 'tried to change the password of',
  4724: 'reset the password of',
  4725: 'disabled account',
  4726: 'deleted account',
  4738: 'changed account',
};

const MAX_SUMMARY = 300;

function qualified(domain: string | null, user: string | null): string | null {
  if (!user) return null;
  return domain && domain !== '-' ? `${domain}\\${user}` : user;
}

function join(...parts: Array<string | null | false | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' ');
}

function windowsSummary(row: JsonRow, category: string): string {
  const v = (k: string): string | null => textOrNull(row[k]);
  const eventId = Number(row['event_id']);
  const actor = qualified(v('subject_domain'), v('subject_user'));
  const target = qualified(v('target_domain'), v('target_user'));
  const from = v('ip') ?? v('workstation');
  switch (category) {
    case 'process':
      return join(actor ?? target ?? 'a process', 'started', v('command_line') ?? v('image'));
    case 'logon':
      if (eventId === 4624)
        return join('logon of', target, v('logon_type') && `type ${v('logon_type')}`, from && `from ${from}`);
      return join('logoff of', target ?? actor);
    case 'logon-failure':
      return join(
        'failed logon for',
        target ?? '?',
        from && `from ${from}`,
        `(${v('sub_status') ?? v('status') ?? v('failure_code') ?? eventId})`,
      );
    case 'account':
      return join(actor ?? 'someone', ACCOUNT_VERBS[eventId] ?? 'changed account', target);
    case 'group':
      return join(actor ?? 'someone', 'added', v('member_name') ?? 'a member', 'to', target);
    case 'enumeration':
      if (eventId === 4661) return join(actor, 'opened', v('object_type'), v('object_name'));
      return join(v('caller_image') ?? actor ?? 'a process', 'enumerated the groups of', target);
    default:
      return join(v('provider'), String(eventId), actor ?? target);
  }
}

/** The summary for a row of ALL_EVENTS_SQL. */
export function summarizeEvent(row: JsonRow): string {
  const v = (k: string): string | null => textOrNull(row[k]);
  const table = String(row['tbl']);
  const category = String(row['category']);
  let line: string;
  if (table === 'signins') {
    const code = Number(row['error_code'] ?? 0);
    line = join(
      v('subject_user'),
      code ? `sign-in failed (${code}${v('caller_image') ? `: ${v('caller_image')}` : ''})` : 'signed in',
      v('app') && `to ${v('app')}`,
      v('ip') && `from ${v('ip')}`,
    );
  } else if (table === 'audits') {
    line = join(
      v('caller_image') ?? 'audit',
      v('result') && `(${v('result')})`,
      v('subject_user') && `by ${v('subject_user')}`,
      v('target_user') && `→ ${v('target_user')}`,
    );
  } else line = windowsSummary(row, category);
  return line.length > MAX_SUMMARY ? `${line.slice(0, MAX_SUMMARY - 1)}…` : line;
}
