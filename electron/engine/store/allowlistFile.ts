// Reads an allowlist file (the shape of shared/report.ts Allowlist) and says exactly what is wrong with
// one that is not: allowlists are data the user edits by hand.
import { readFileSync } from 'node:fs';
import type { Allowlist, AllowlistEntry } from '../../../shared/report.js';

const KEYS = ['accounts', 'tools', 'sourceIps', 'hosts', 'properties'] as const;

export function parseAllowlist(text: string, where = 'allowlist'): Allowlist {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(
      `${where}: expected an object with accounts, tools, sourceIps, hosts and properties lists`,
    );
  }
  const obj = raw as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`${where}: unknown key(s) ${unknown.join(', ')}`);
  const out: Allowlist = { accounts: [], tools: [], sourceIps: [], hosts: [], properties: [] };
  for (const key of KEYS) {
    const list = obj[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new Error(`${where}: "${key}" must be a list`);
    out[key] = list.map((item, i): AllowlistEntry => {
      if (typeof item === 'string') return { value: item, reason: '' };
      const e = item as Record<string, unknown>;
      if (typeof e !== 'object' || e === null || typeof e['value'] !== 'string' || e['value'] === '') {
        throw new Error(`${where}: ${key}[${i}] needs a non-empty "value"`);
      }
      return { value: e['value'], reason: typeof e['reason'] === 'string' ? e['reason'] : '' };
    });
  }
  return out;
}

export function readAllowlistFile(path: string): Allowlist {
  return parseAllowlist(readFileSync(path, 'utf8'), path);
}
