// How a "suspicious process, then account created" finding reads: the process, how soon the account
// followed, how strongly the two are tied, and why the process is suspicious.
import type { Finding } from '../../../../shared/report.js';
import { chainText, durationText, listText, quoted } from '../common/explainWords.js';
import type { SequenceDetails } from './details.js';

export function sequenceTitle(f: Finding): string {
  return `Suspicious process, then account created: ${f.accounts[0] ?? 'an account'}`;
}

const WHY_WORDS: Record<string, string> = {
  'account-tool': 'a built-in account tool',
  'remote-wmi': 'started through remote WMI',
  'unusual-location': 'run from outside the Windows and Program Files folders',
  'names-account': 'its command line names the account',
};

export function explainSequence(f: Finding): string {
  const d = (f.details ?? {}) as SequenceDetails;
  const image = d.process?.image?.split(/[\\/]/).pop() ?? d.process?.imageName ?? 'a process';
  const command = d.process?.commandLine ? ` ${quoted(d.process.commandLine)}` : '';
  const scope = d.account?.local === false ? 'domain account' : 'local account';
  const tieWhy = d.namesAccount
    ? 'the command line names the account'
    : d.sameLogon
      ? 'both ran in the same logon session'
      : 'only host and time connect them';
  const why = (d.why ?? []).map((w) => WHY_WORDS[w] ?? w);
  let text =
    `${image} started on ${f.hosts[0]}${command}, and ${durationText(d.deltaSeconds ?? 0)} later the ${scope} ` +
    `${f.accounts[0] ?? ''} was created: a ${d.tie ?? 'weak'} tie (${tieWhy}).`;
  if (why.length > 0) text += ` Suspicious because: ${listText(why)}.`;
  const chain = chainText(f.lineage);
  if (chain.includes('→')) text += ` Process chain: ${chain}.`;
  if ((d.otherSuspiciousProcesses ?? 0) > 0)
    text += ` ${d.otherSuspiciousProcesses} other suspicious process(es) started in the same window.`;
  return text;
}
