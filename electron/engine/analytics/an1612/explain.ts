// How an account-enumeration finding reads: who listed which accounts or groups on which host, how (commands,
// PowerShell, security-API lookups, SAM objects), through which process chain, and where the list went.
import type { Finding } from '../../../../shared/report.js';
import { chainText, listText, plural, quoted } from '../common/explainWords.js';
import type { EnumerationDetails } from './details.js';

export function enumerationTitle(f: Finding): string {
  return (f.details as EnumerationDetails | undefined)?.domainWide
    ? 'Domain account enumeration'
    : 'Account enumeration';
}

export function explainEnumeration(f: Finding): string {
  const details = (f.details ?? {}) as EnumerationDetails;
  const actor = f.actor.user ?? 'An unknown user';
  const host = f.hosts[0] ?? 'an unknown host';
  const commands = details.commands ?? [];
  const kinds = details.signalKinds ?? [];
  const tools = details.tools ?? [];
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
  if (kinds.includes('ds-object')) {
    const n = Number(details.directoryObjects ?? 0);
    const classes = details.directoryClasses ?? [];
    how.push(
      `read ${plural(n, 'directory object')}${classes.length ? ` (${listText(classes)})` : ''} over LDAP (4662)`,
    );
  }
  const count = Number(details.signalCount ?? 0);
  const span =
    count > 1 ? ` (${plural(count, 'signal')}, ${f.first.slice(11, 19)}–${f.last.slice(11, 19)} UTC)` : '';
  const what = details.domainWide ? 'domain accounts or groups' : 'accounts or groups';
  const sentences = [`${actor} enumerated ${what} on ${host}: ${listText(how)}${span}.`];
  if (f.accounts.length > 0) sentences.push(`It named ${listText(f.accounts, 6)}.`);
  const chain = chainText(f.lineage);
  if (chain.includes('→')) sentences.push(`Process chain: ${chain}.`);
  if (details.unusualLauncher) {
    sentences.push(`${details.unusualLauncher} in that chain is not a normal way to start account tools.`);
  }
  const artifacts = details.artifacts ?? [];
  if (artifacts.length > 0)
    sentences.push(
      `The list was written to ${listText(
        artifacts.map((a) => a.path),
        3,
      )}.`,
    );
  if (f.actor.sourceIp) sentences.push(`The session came from ${f.actor.sourceIp}.`);
  const sids = details.sidNames ?? [];
  const named = sids.filter((s) => s.name);
  const unnamed = sids.filter((s) => !s.name).map((s) => s.sid);
  if (named.length > 0)
    sentences.push(
      `The events give only SIDs; other events of the case name them: ${listText(
        named.map((s) => `${s.sid} is ${s.name}`),
        4,
      )}.`,
    );
  if (unnamed.length > 0)
    sentences.push(
      `${listText(unnamed, 4)} could not be resolved to a name: no event in the case pairs ${unnamed.length === 1 ? 'it' : 'them'} with one.`,
    );
  const callers = details.unresolvedCallers ?? [];
  if (callers.length > 0) {
    const named = callers.map((c) =>
      [
        c.image ? (c.image.split(/[\\/]/).pop() ?? c.image) : 'a process',
        c.pid !== null && c.pid !== undefined ? `pid ${c.pid}` : null,
      ]
        .filter(Boolean)
        .join(', '),
    );
    sentences.push(
      `The events name their caller (${listText([...new Set(named)], 4)}), but the starting process is not in the logs.`,
    );
  } else if (details.hasProcess === false) {
    sentences.push('Only security-API events show it; no process start was logged.');
  }
  return sentences.join(' ');
}
