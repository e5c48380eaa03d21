// Titles and explanations: why a finding fired, in words a responder can paste into a report.
// Each analytic's `details` (built by its SQL) carries everything needed; nothing is looked up again.
import type { Finding } from '../../../shared/report.js';
import { explainCreation, explainSequence } from './explainCreation.js';
import { chainText, listText, plural, quoted } from './explainWords.js';

type Details = Record<string, unknown>;

const d = (f: Finding): Details => f.details ?? {};

export function titleOf(f: Finding): string {
  const details = d(f);
  const account = f.accounts[0] ?? 'an account';
  switch (f.analytic) {
    case 'AN1612':
      return details['domainWide'] ? 'Domain account enumeration' : 'Account enumeration';
    case 'AN1604':
      return `Account created: ${account}`;
    case 'AN1235':
      return `Suspicious process, then account created: ${account}`;
    case 'T1589':
      return probingTitle(details);
  }
}

function probingTitle(details: Details): string {
  switch (details['source']) {
    case 'entra-sspr':
      return `Self-service password reset probing from ${details['sourceIp']}`;
    case 'windows-workstation':
      return `Username enumeration from workstation ${details['sourceWorkstation']}`;
    default:
      return `Username enumeration from ${details['sourceIp']}`;
  }
}

export function explainFinding(f: Finding): string {
  const text = (() => {
    switch (f.analytic) {
      case 'AN1612':
        return explainEnumeration(f);
      case 'AN1604':
        return explainCreation(f);
      case 'AN1235':
        return explainSequence(f);
      case 'T1589':
        return explainProbing(f);
    }
  })();
  const lowered = f.allowlisted
    ? ` Lowered to low: ${f.allowlisted.kind} ${f.allowlisted.value} is allowlisted (${f.allowlisted.reason}).`
    : '';
  return text + lowered;
}

function explainEnumeration(f: Finding): string {
  const details = d(f);
  const actor = f.actor.user ?? 'An unknown user';
  const host = f.hosts[0] ?? 'an unknown host';
  const commands = (details['commands'] as string[] | undefined) ?? [];
  const kinds = (details['signalKinds'] as string[] | undefined) ?? [];
  const tools = (details['tools'] as string[] | undefined) ?? [];
  const how: string[] = [];
  if (commands.length > 0)
    how.push(
      `ran ${listText(
        commands.map((c) => quoted(c, 80)),
        3,
      )}`,
    );
  if (kinds.includes('script-block')) how.push('ran PowerShell that lists them');
  if (kinds.includes('user-lookup') || kinds.includes('group-lookup')) {
    how.push(`read memberships through the security API${tools.length ? ` (${listText(tools)})` : ''}`);
  }
  if (kinds.includes('sam-object')) how.push('opened SAM objects on the domain controller');
  const count = Number(details['signalCount'] ?? 0);
  const span =
    count > 1 ? ` (${plural(count, 'signal')}, ${f.first.slice(11, 19)}–${f.last.slice(11, 19)} UTC)` : '';
  const what = details['domainWide'] ? 'domain accounts or groups' : 'accounts or groups';
  const sentences = [`${actor} enumerated ${what} on ${host}: ${listText(how)}${span}.`];
  if (f.accounts.length > 0) sentences.push(`It named ${listText(f.accounts, 6)}.`);
  const chain = chainText(f.lineage);
  if (chain.includes('→')) sentences.push(`Process chain: ${chain}.`);
  if (details['unusualLauncher']) {
    sentences.push(`${details['unusualLauncher']} in that chain is not a normal way to start account tools.`);
  }
  const artifacts = (details['artifacts'] as Array<{ path: string }> | undefined) ?? [];
  if (artifacts.length > 0)
    sentences.push(
      `The list was written to ${listText(
        artifacts.map((a) => a.path),
        3,
      )}.`,
    );
  if (f.actor.sourceIp) sentences.push(`The session came from ${f.actor.sourceIp}.`);
  if (details['hasProcess'] === false)
    sentences.push('Only security-API events show it; no process start was logged.');
  return sentences.join(' ');
}

function explainProbing(f: Finding): string {
  const details = d(f);
  const distinct = Number(details['distinctUsers'] ?? 0);
  const failures = Number(details['totalFailures'] ?? 0);
  const minutes = Number(details['durationMinutes'] ?? 0);
  const shown = (details['usersShown'] as string[] | undefined) ?? [];
  const source = details['sourceIp'] ?? `workstation ${details['sourceWorkstation']}`;
  const span = minutes === 0 ? 'within a minute' : `in ${plural(minutes, 'minute')}`;
  const codes = ((details['errorCodes'] as string[] | undefined) ?? []).join(', ');
  const names = `Usernames: ${listText(shown, shown.length)}${distinct > shown.length ? ` … and ${distinct - shown.length} more` : ''}.`;
  if (details['source'] === 'entra-sspr') {
    return `${source} went through self-service password reset for ${plural(distinct, 'distinct account')} ${span} (${plural(failures, 'audit event')} failed, blocked or verifying). ${names}`;
  }
  const where =
    details['source'] === 'entra-signin' ? 'Entra ID sign-ins' : `Windows logons on ${listText(f.hosts)}`;
  const notFound = Number(details['notFoundCount'] ?? 0);
  const locked = Number(details['lockedDisabledCount'] ?? 0);
  const extra = [
    notFound > 0 ? `${notFound} said the user does not exist` : null,
    locked > 0 ? `${locked} said the account is locked or disabled` : null,
  ].filter((x): x is string => x !== null);
  const app = details['app'] ? ` against ${details['app']}` : '';
  return (
    `${source} failed ${where}${app} for ${plural(distinct, 'distinct username')} ${span}: ${plural(failures, 'failure')}` +
    `${extra.length ? `, of which ${listText(extra)}` : ''} (codes ${codes}). ${names}`
  );
}
