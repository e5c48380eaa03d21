// What "Allowlist this" offers from a finding: the accounts, tools, source addresses and hosts the finding
// itself names, each once, the likeliest first. Tools are image names (as the allowlist matches them) and
// the scripts their command lines run (a provisioning script is the tool an analyst trusts, not the
// powershell.exe that runs it).
import type { AllowlistPick } from '../../../../shared/api';
import type { AnalyticInfo, Finding } from '../../../../shared/report';

export interface AllowlistCandidate extends AllowlistPick {
  /** Where the finding names it, in a few words. */
  from: string;
}

const SCRIPT = /(?:[A-Za-z]:\\|\\\\)[^"'\s|&<>]+\.(?:ps1|psm1|bat|cmd|vbs|js|py)\b/gi;

const imageName = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);

const texts = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

const field = (o: unknown, key: string): unknown =>
  o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>)[key] : undefined;

/** `analytic` is the registry's word on the finding's analytic (the API's `analytics`), when known. */
export function allowlistCandidates(f: Finding, analytic?: AnalyticInfo): AllowlistCandidate[] {
  const d = f.details ?? {};
  const out: AllowlistCandidate[] = [];
  const add = (kind: AllowlistPick['kind'], value: unknown, from: string) => {
    if (typeof value !== 'string' || value.trim() === '' || value.trim() === '-') return;
    const v = value.trim();
    if (out.some((c) => c.kind === kind && c.value.toLowerCase() === v.toLowerCase())) return;
    out.push({ kind, value: v, from });
  };

  add('accounts', f.actor.user, 'the actor');
  add('accounts', field(field(d, 'creator'), 'user'), 'the creator');
  add('accounts', field(field(d, 'process'), 'user'), 'the process’s user');
  // An analytic whose SQL lowers a finding for an account it names (password guessing: a service with a
  // stale password) says so in the registry; for the others only the actor's account lowers.
  const named = analytic?.id === f.analytic ? analytic.allowlistsNamedAccounts : undefined;
  if (named) for (const a of f.accounts) add('accounts', a, named);

  const commandLines = [
    ...[...f.lineage].reverse().map((n) => n.commandLine),
    field(field(d, 'process'), 'commandLine'),
    field(field(d, 'link'), 'commandLine'),
    field(field(d, 'remote'), 'commandLine'),
    ...texts(field(d, 'commands')),
  ].filter((c): c is string => typeof c === 'string');
  for (const c of commandLines) for (const m of c.matchAll(SCRIPT)) add('tools', m[0], 'a script it ran');
  const images = [
    field(field(d, 'process'), 'image'),
    field(field(d, 'link'), 'image'),
    field(field(d, 'remote'), 'image'),
    ...[...f.lineage].reverse().map((n) => n.image),
  ].filter((c): c is string => typeof c === 'string');
  for (const image of images) add('tools', imageName(image), 'its process chain');
  for (const tool of texts(field(d, 'tools'))) add('tools', imageName(tool), 'the enumerating tool');

  add('sourceIps', f.actor.sourceIp, 'the source');
  add('sourceIps', field(d, 'sourceIp'), 'the source');
  add('sourceIps', field(field(d, 'session'), 'ip'), 'the creator’s logon');
  for (const h of f.hosts) add('hosts', h, 'where it happened');
  return out;
}
