// How an account-creation finding reads, e.g. "backdoor was created on WS01 by CORP\\jdoe via
// explorer.exe → cmd.exe → net.exe → net1.exe from an RDP session out of 10.0.4.7, and added to
// Administrators 40 s later".
import type { Finding } from '../../../../shared/report.js';
import type { FollowUp } from '../common/creationDetails.js';
import { chainText, durationText, listText, logonTypeText, quoted } from '../common/explainWords.js';
import type { CreationDetails } from './details.js';

export function creationTitle(f: Finding): string {
  return `Account created: ${f.accounts[0] ?? 'an account'}`;
}

const LINK_WORDS: Record<string, string> = {
  'cmdline+logon': 'its command line names the account and it ran in the creator’s session',
  logon: 'it ran in the creator’s logon session',
  'time-only': 'its command line names the account; the session does not match',
};

function sessionText(s: CreationDetails['session'], host: string | undefined): string | null {
  if (!s) return null;
  const from = s.ip && !['-', '127.0.0.1', '::1'].includes(s.ip) ? s.ip : null;
  // RDP and console logons name the machine itself as the workstation: that says nothing about origin.
  const sameMachine = (s.workstation ?? '').toLowerCase() === (host ?? '').split('.')[0]!.toLowerCase();
  const ws = s.workstation && s.workstation !== '-' && !sameMachine ? s.workstation : null;
  const origin = from && ws ? `${ws} (${from})` : (from ?? ws);
  return `from ${logonTypeText(s.logonType)}${origin ? ` out of ${origin}` : ''}`;
}

function followUpText(f: FollowUp): string | null {
  const later = `${durationText(f.deltaSeconds)} later`;
  switch (f.kind) {
    case 'group-add':
      // Joining Users (or None) comes with every new account; only privileged groups make the sentence.
      return f.privileged ? `added to ${f.group} ${later}` : null;
    case 'logon':
      return `logged on (${logonTypeText(f.logonType)}${f.ip && f.ip !== '-' ? ` from ${f.ip}` : ''}) on ${f.host} ${later}`;
    case 'deleted':
      return `deleted ${later}`;
    case 'password-reset':
    case 'password-changed':
    case 'enabled':
    case 'changed':
      return null; // routine steps of every creation; listed in the story, not in the sentence
    default:
      return null;
  }
}

export function explainCreation(f: Finding): string {
  const d = (f.details ?? {}) as CreationDetails;
  const name = d.account?.name ?? f.accounts[0] ?? 'An account';
  const scope = d.account?.local ? 'local account' : 'domain account';
  let text = `${name} (${scope}) was created on ${f.hosts[0]} by ${f.actor.user ?? 'an unknown user'}`;
  const localChain = f.lineage.filter((n) => !d.remote || n.host !== d.remote.host);
  if (d.link && localChain.length > 0) text += ` via ${chainText(localChain)}`;
  const session = sessionText(d.session, f.hosts[0]);
  if (session) text += ` ${session}`;
  // One logon says where the account was used from; the rest are counted, not listed.
  const all = d.followUps ?? [];
  const logons = all.filter((x) => x.kind === 'logon');
  const followUps = all
    .filter((x) => x.kind !== 'logon' || x === logons[0])
    .map(followUpText)
    .filter((x): x is string => x !== null);
  if (logons.length > 1) followUps.push(`logged on ${logons.length - 1} more time(s) within 24 h`);
  if (followUps.length > 0) text += `, and ${listText(followUps, 4)}`;
  text += '.';
  if (d.link?.commandLine)
    text += ` Command: ${quoted(d.link.commandLine)}; linked because ${LINK_WORDS[d.link.method] ?? d.link.method}.`;
  if (d.remote) {
    const remoteChain = f.lineage.filter((n) => n.host === d.remote!.host);
    text += ` The request came from ${d.remote.host}, where ${remoteChain.length ? chainText(remoteChain) : d.remote.image} ran${d.remote.commandLine ? ` ${quoted(d.remote.commandLine)}` : ''}.`;
  }
  if (d.createdDuringSetup) {
    text += ` Created during setup: SYSTEM created it ${durationText(d.createdDuringSetup.secondsAfterFirstEvent)} after the first event logged on ${f.hosts[0]} and made it an administrator, as Windows setup does with the first user; allowlist the property created-during-setup to lower such accounts.`;
  } else if (!d.link && !d.remote) text += ' No process start in the logs explains it.';
  if (d.unusualLauncher)
    text += ` ${d.unusualLauncher} in the process chain is not a normal way to start account tools.`;
  return text;
}
