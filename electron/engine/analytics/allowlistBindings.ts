// The case's allowlist, bound into the analytics as five lists, and the reasons shown when a finding is
// lowered. Entries are data the user edits; the SQL only ever sees their values as bound parameters.
import type { Allowlist, AllowlistEntry, Finding } from '../../../shared/report.js';
import type { ExtraBindings } from './analyticSql.js';

export const EMPTY_ALLOWLIST: Allowlist = {
  accounts: [],
  tools: [],
  sourceIps: [],
  hosts: [],
  properties: [],
};

export function allowlistBindings(allowlist: Allowlist = EMPTY_ALLOWLIST): ExtraBindings {
  const values = (entries: AllowlistEntry[] | undefined) => (entries ?? []).map((e) => e.value);
  return {
    allow_accounts: values(allowlist.accounts),
    allow_tools: values(allowlist.tools),
    allow_source_ips: values(allowlist.sourceIps),
    allow_hosts: values(allowlist.hosts),
    allow_properties: values(allowlist.properties),
  };
}

const KIND_LISTS: Record<string, Array<keyof Allowlist>> = {
  host: ['hosts'],
  sourceIp: ['sourceIps'],
  account: ['accounts', 'tools'],
  tool: ['tools'],
  property: ['properties'],
};

/**
 * What the SQL matched (the kind, and the entry values it matched) turned into the Finding's record: which
 * entries, and the reasons the user gave for them.
 */
export function allowlistRecord(
  allowlist: Allowlist,
  kind: string | null,
  values: string[] | null,
): Finding['allowlisted'] | undefined {
  if (!kind || !values || values.length === 0) return undefined;
  const lists = KIND_LISTS[kind] ?? [];
  const reasons: string[] = [];
  for (const value of values) {
    for (const list of lists) {
      const entry = (allowlist[list] ?? []).find((e) => e.value === value);
      if (entry && !reasons.includes(entry.reason)) reasons.push(entry.reason);
    }
  }
  const label = kind === 'account' && values.length > 1 ? 'account+tool' : kind;
  return { kind: label, value: values.join(' + '), reason: reasons.join('; ') || 'on the allowlist' };
}
