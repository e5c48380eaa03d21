// How a password-guessing finding reads: which source failed how often against which account, in how
// long, with what answers, and whether the guessing then got in (a success, or an answer that only comes
// after a right password).
import type { Finding } from '../../../../shared/report.js';
import { durationText, listText, logonTypeText, plural } from '../common/explainWords.js';
import type { GuessDetails } from './details.js';

/** What a counted code means, in a few words (event:code as the finding's codeCounts keys it). */
const CODE_WORDS: Record<string, string> = {
  '0xc000006a': 'wrong password',
  '0xc000006d': 'bad logon',
  '0xc0000234': 'account locked out',
  '0xc000006e': 'account restriction',
  '0xc000006f': 'outside logon hours',
  '0xc0000070': 'workstation not allowed',
  '0xc0000071': 'password expired',
  '0xc0000072': 'account disabled',
  '0xc0000193': 'account expired',
  '0xc0000224': 'must change password',
  '0x18': 'Kerberos pre-authentication failed',
  '50126': 'invalid username or password',
  '50053': 'account locked',
  '50055': 'password expired',
  '50074': 'MFA required',
  '50076': 'MFA required',
  '50079': 'MFA registration required',
  '53003': 'blocked by Conditional Access',
  '500121': 'MFA failed',
};

/** `2016-09-19T16:50:08.000663Z` → `2016-09-19 16:50:08 UTC`. */
function timeText(iso: string | null | undefined): string {
  return iso ? `${iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '')} UTC` : 'an unknown time';
}

export function codeWords(key: string): string {
  const code = key.slice(key.indexOf(':') + 1).toLowerCase();
  const words = CODE_WORDS[code];
  return words ? `${words} (${key})` : key;
}

/** Where the guessing came from, as a sentence names it. */
export function sourceText(d: GuessDetails): string {
  switch (d.source) {
    case 'windows-workstation':
      return `workstation ${d.sourceWorkstation ?? '(unnamed)'}`;
    case 'windows-local': {
      const parts = [
        d.sourceWorkstation ? `workstation ${d.sourceWorkstation}` : null,
        d.callingProcess ? `process ${d.callingProcess}` : null,
      ].filter((x): x is string => x !== null);
      return parts.length ? `a local caller (${parts.join(', ')})` : 'a local caller with no source address';
    }
    default:
      return d.sourceIp ?? 'an unknown source';
  }
}

export function guessingTitle(f: Finding): string {
  const d = (f.details ?? {}) as GuessDetails;
  const got = d.succeeded
    ? ', then a success'
    : Number(d.passwordRightCount ?? 0) > 0
      ? ', password found'
      : '';
  return `Password guessing against ${d.account ?? f.accounts[0] ?? 'an account'} from ${sourceText(d)}${got}`;
}

export function explainGuessing(f: Finding): string {
  const d = (f.details ?? {}) as GuessDetails;
  const failures = Number(d.totalFailures ?? 0);
  const where =
    d.source === 'entra-signin'
      ? `Entra ID sign-ins${d.app ? ` to ${d.app}` : ''}`
      : `logons on ${listText(f.hosts)}`;
  const span =
    Number(d.durationSeconds ?? 0) < 1
      ? 'within a second'
      : `over ${durationText(Number(d.durationSeconds))}`;
  const counts = Object.entries(d.codeCounts ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${codeWords(k)}`);
  const peak = `at most ${plural(Number(d.peakFailures ?? 0), 'failure')} in ${plural(Number(d.windowMinutes ?? 0), 'minute')}`;
  const types = (d.logonTypes ?? []).length
    ? ` as ${listText((d.logonTypes ?? []).map((t) => logonTypeText(t)))}`
    : '';
  const parts = [
    `${sourceText(d)} failed ${where} as ${d.account ?? f.accounts[0]}${types} ${plural(failures, 'time')} ${span} (${peak}): ${listText(counts, 6)}.`,
  ];
  const right = Number(d.passwordRightCount ?? 0);
  if (right > 0) {
    parts.push(
      `${right === 1 ? 'One answer' : `${right} answers`}, the first at ${timeText(d.passwordRightTime)}, said the name and password were valid but an account restriction refused the logon: the guesser has most likely found the password.`,
    );
  }
  if (d.succeeded) {
    parts.push(
      `Then a success for the account from the same source at ${timeText(d.successTime)}${d.successEventId ? ` (event ${d.successEventId}${d.successLogonType ? `, ${logonTypeText(d.successLogonType)}` : ''})` : ''}: treat the account as compromised.`,
    );
  } else if (right === 0) {
    parts.push('No success for the account from this source followed in the logs.');
  }
  return parts.join(' ');
}
