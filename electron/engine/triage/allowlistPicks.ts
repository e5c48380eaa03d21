// "Allowlist this": the values a responder picked from a finding, added to the case's allowlists with the
// reason they gave. An entry already there (same value, compared as the analytics compare it: without
// case) keeps its place and gets the new reason added to its own, so no earlier reason is lost.
import type { AllowlistPick } from '../../../shared/api.js';
import type { Allowlist, AllowlistEntry } from '../../../shared/report.js';

export function addAllowlistPicks(
  allowlist: Allowlist,
  picks: readonly AllowlistPick[],
  reason: string,
): Allowlist {
  const out: Allowlist = {
    ...allowlist,
    accounts: [...allowlist.accounts],
    tools: [...allowlist.tools],
    sourceIps: [...allowlist.sourceIps],
    hosts: [...allowlist.hosts],
  };
  const why = reason.trim();
  for (const pick of picks) {
    const value = pick.value.trim();
    if (!value) continue;
    const list: AllowlistEntry[] = out[pick.kind];
    const i = list.findIndex((e) => e.value.trim().toLowerCase() === value.toLowerCase());
    if (i < 0) list.push({ value, reason: why });
    else if (!list[i]!.reason.includes(why)) {
      list[i] = { ...list[i]!, reason: list[i]!.reason ? `${list[i]!.reason}; ${why}` : why };
    }
  }
  return out;
}
