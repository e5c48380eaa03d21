// How a password-spraying finding reads: who on which host used explicit credentials for how many
// accounts, how fast, against which servers, through which process, from which logon, and whether a
// sprayed account then logged on from that host.
import type { Finding } from '../../../../shared/report.js';
import { chainText, durationText, listText, logonTypeText, plural } from '../common/explainWords.js';
import type { SprayDetails, SprayTarget } from './details.js';

/** What usually listens on a port a 4648 names, in a word or two. */
const PORT_WORDS: Record<number, string> = {
  88: 'Kerberos',
  135: 'RPC',
  139: 'SMB over NetBIOS',
  389: 'LDAP',
  445: 'SMB',
  636: 'LDAPS',
  1433: 'SQL Server',
  3268: 'global catalog',
  3269: 'global catalog over TLS',
  3389: 'RDP',
  5985: 'WinRM',
  5986: 'WinRM over HTTPS',
};

/** `2019-04-30T19:27:02.847284Z` → `2019-04-30 19:27:02 UTC`. */
function timeText(iso: string | null | undefined): string {
  return iso ? `${iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '')} UTC` : 'an unknown time';
}

const baseName = (path: string) => path.split(/[\\/]/).pop() || path;

/** `172.16.144.128 port 445 (SMB)`: a target as a sentence names it (the address, else the server name). */
export function targetText(t: SprayTarget): string {
  const where = t.address ?? t.server ?? 'an unnamed server';
  const port = t.port ? ` port ${t.port}${PORT_WORDS[t.port] ? ` (${PORT_WORDS[t.port]})` : ''}` : '';
  return `${where}${port}`;
}

/** The servers in a few words: the one, or how many and the busiest. */
export function targetsText(d: SprayDetails): string {
  const targets = d.targets ?? [];
  if (targets.length === 0) return 'an unnamed server';
  if (targets.length === 1) return targetText(targets[0]!);
  return `${targets.length} servers (${listText(
    targets.map((t) => `${targetText(t)}: ${plural(t.attempts, 'attempt')}`),
    3,
  )})`;
}

/**
 * How often each account was tried, one attempt per password of a pass: `each tried 7 times (smisenar 14)`.
 * The usual count is the most common one; accounts tried otherwise are named (a name twice on the list).
 */
export function attemptsText(d: SprayDetails): string {
  const tries = (d.accountAttempts ?? []).map((a) => a.attempts);
  if (tries.length === 0) return '';
  const often = new Map<number, number>();
  for (const n of tries) often.set(n, (often.get(n) ?? 0) + 1);
  const usual = [...often].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const others = (d.accountAttempts ?? []).filter((a) => a.attempts !== usual);
  const each = usual === 1 ? 'once' : `${usual} times`;
  if (others.length === 0) return `each tried ${each}`;
  return `${others.length * 2 < tries.length ? 'each' : 'most'} tried ${each} (${listText(
    others.map((a) => `${a.account} ${a.attempts}`),
    3,
  )})`;
}

/** Who sprayed: the subject, with its logon session. */
export function subjectText(f: Finding, d: SprayDetails): string {
  const who = f.actor.user ?? d.subject?.user ?? 'an unknown account';
  const id = f.actor.logonId ?? d.subject?.logonId;
  return id ? `${who} (logon session ${id})` : who;
}

/** The calling process as the events name it, and what its start says. */
export function callerText(f: Finding, d: SprayDetails): string {
  const caller = d.caller;
  const pid = caller?.pid ?? null;
  if (!caller?.image) {
    if (pid === 4)
      return "The calling process is System (pid 4), the kernel's SMB client: the credentials were used to connect to shares (net use, a mapped drive, a tool speaking SMB), and the program that asked for the connections is not named by the event.";
    return pid !== null
      ? `The events name no calling process, only pid ${pid}.`
      : 'The events name no calling process.';
  }
  const named = `${baseName(caller.image)}${pid !== null ? ` (pid ${pid})` : ''}`;
  if (caller.linked && f.lineage.length > 0) {
    return `The calling process is ${named}: ${chainText(f.lineage)}${f.lineage.at(-1)?.commandLine ? `, “${f.lineage.at(-1)!.commandLine!.trim()}”` : ''}.`;
  }
  return `The calling process is ${named}; its start in this logon session is not in the logs.`;
}

function sessionText(f: Finding, d: SprayDetails): string {
  if (d.subject?.machine)
    return `The subject is the machine itself (${d.subject.user ?? 'SYSTEM'}): a service or a process running as SYSTEM did this.`;
  const s = d.session;
  const id = f.actor.logonId ?? d.subject?.logonId;
  if (!s) return id ? `The logon that opened session ${id} is not in the logs.` : '';
  const from = s.ip ? ` from ${s.ip}` : s.workstation ? ` from workstation ${s.workstation}` : '';
  return `The session is ${logonTypeText(s.logonType)}${from}, opened at ${timeText(s.start)}.`;
}

export function sprayTitle(f: Finding): string {
  const d = (f.details ?? {}) as SprayDetails;
  const who = f.actor.user ? ` (${f.actor.user})` : '';
  const got = d.succeeded ? ', then a logon' : '';
  return `Password spraying of ${plural(Number(d.distinctAccounts ?? f.accounts.length), 'account')} from ${f.hosts[0] ?? 'a host'}${who} against ${targetsText(d)}${got}`;
}

export function explainSpray(f: Finding): string {
  const d = (f.details ?? {}) as SprayDetails;
  const n = Number(d.distinctAccounts ?? f.accounts.length);
  const span =
    Number(d.durationSeconds ?? 0) < 1
      ? 'within a second'
      : `over ${durationText(Number(d.durationSeconds))}`;
  const tries = attemptsText(d);
  const rounds = tries ? `, ${tries}` : '';
  const parts = [
    `${subjectText(f, d)} used explicit credentials (4648) on ${f.hosts[0] ?? 'the host'} for ${plural(n, 'account')} ${span}: ${plural(Number(d.attempts ?? 0), 'attempt')}, at most ${plural(Number(d.peakAccounts ?? 0), 'account')} in ${plural(Number(d.windowMinutes ?? 0), 'minute')}${rounds}. Accounts: ${listText(f.accounts, 8)}.`,
    `Against ${targetsText(d)}.`,
    callerText(f, d),
    sessionText(f, d),
  ];
  const high = Number(f.params['t1110_003_high_accounts'] ?? 0);
  if (d.succeeded) {
    parts.push(
      `Then ${d.successAccount ?? 'a sprayed account'} logged on from ${f.hosts[0] ?? 'the host'} at ${timeText(d.successTime)}${d.successHost ? ` on ${d.successHost}` : ''}${d.successLogonType != null ? ` (${logonTypeText(d.successLogonType)})` : ''}: the spray most likely found a working password.`,
    );
  } else {
    parts.push(`No logon of a sprayed account from ${f.hosts[0] ?? 'the host'} followed in the logs.`);
  }
  if (high > 0 && n >= high && f.severity === 'high' && !d.succeeded) {
    parts.push(`High: ${plural(n, 'account')} is at least ${high} (t1110_003_high_accounts).`);
  }
  return parts.filter((p) => p !== '').join(' ');
}
