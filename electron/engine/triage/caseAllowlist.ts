// The allowlist an analysis runs with: the case's own (what the responder put there in Settings or with
// "Allowlist this", kept in the case's settings) and, for one run, any other list given with it (the CLI's
// `--allowlist FILE`). Every path that analyses a case reads the case's list here, so a finding the
// responder allowlisted in the app is lowered by the CLI, a merge and the app alike.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Allowlist, AllowlistEntry } from '../../../shared/report.js';
import { readSetting } from '../service/settingsStore.js';

const LISTS = ['accounts', 'tools', 'sourceIps', 'hosts', 'properties'] as const;

/** What an analysis applied, and where it came from. */
export interface AppliedAllowlist {
  allowlist: Allowlist;
  /** Entries kept in the case. */
  fromCase: number;
  /** Entries given for this run only (an allowlist file). */
  fromExtra: number;
  /** Entries of the run's list the case already held (same list, same value without case). */
  inBoth: number;
}

/** The case's stored allowlist; every list present (empty where the case has none). */
export async function readCaseAllowlist(conn: DuckDBConnection): Promise<Allowlist> {
  const stored = (await readSetting(conn, 'allowlist')) as Partial<Allowlist> | undefined;
  const out: Allowlist = { accounts: [], tools: [], sourceIps: [], hosts: [], properties: [] };
  for (const list of LISTS) {
    const entries = stored?.[list];
    if (Array.isArray(entries)) out[list] = entries.map((e) => ({ value: e.value, reason: e.reason }));
  }
  return out;
}

const count = (a: Allowlist): number => LISTS.reduce((n, list) => n + (a[list]?.length ?? 0), 0);
const key = (value: string): string => value.trim().toLowerCase();

/**
 * The case's entries first, then the extra ones it does not hold. An entry in both (compared as the
 * analytics compare values: without case) keeps the case's place and reason, with the other reason added
 * when it says something else, so the report gives both.
 */
export function combineAllowlists(caseList: Allowlist, extra?: Allowlist): AppliedAllowlist {
  const allowlist: Allowlist = { accounts: [], tools: [], sourceIps: [], hosts: [], properties: [] };
  let inBoth = 0;
  for (const list of LISTS) {
    const out: AllowlistEntry[] = (caseList[list] ?? []).map((e) => ({ ...e }));
    const held = new Set(out.map((e) => key(e.value)));
    for (const e of extra?.[list] ?? []) {
      const same = out.find((o) => key(o.value) === key(e.value));
      if (!same) {
        out.push({ ...e });
        continue;
      }
      if (held.has(key(e.value))) inBoth++;
      if (e.reason && !same.reason.includes(e.reason))
        same.reason = same.reason ? `${same.reason}; ${e.reason}` : e.reason;
    }
    allowlist[list] = out;
  }
  return { allowlist, fromCase: count(caseList), fromExtra: extra ? count(extra) : 0, inBoth };
}
