// Small pieces of plain English the explanations are built from: process chains, logon types, durations.
import type { LineageNode } from '../../../../shared/report.js';

function baseName(path: string | null): string | null {
  if (!path) return null;
  return path.split(/[\\/]/).pop() || path;
}

// The processes that start every desktop session: above explorer.exe they say nothing about who did what.
const SESSION_PLUMBING = new Set(['smss.exe', 'csrss.exe', 'wininit.exe', 'winlogon.exe', 'userinit.exe']);

/**
 * `explorer.exe → cmd.exe → net.exe`. A stub shows the name its child's event gave. The sentence starts
 * below the session plumbing (smss → winlogon → userinit) and below a nameless stub (typically pid 4,
 * System); the finding's lineage keeps every node.
 */
export function chainText(lineage: readonly LineageNode[]): string {
  let start = 0;
  while (
    start < lineage.length - 1 &&
    ((lineage[start]!.stub && !lineage[start]!.image) ||
      SESSION_PLUMBING.has(baseName(lineage[start]!.image)?.toLowerCase() ?? ''))
  ) {
    start++;
  }
  return lineage
    .slice(start)
    .map((n) => baseName(n.image)?.toLowerCase() ?? (n.pid !== null ? `pid ${n.pid}` : 'an unlogged process'))
    .join(' → ');
}

const LOGON_TYPES: Record<number, string> = {
  2: 'an interactive session',
  3: 'a network logon',
  4: 'a batch (scheduled task) logon',
  5: 'a service logon',
  7: 'an unlocked session',
  8: 'a network logon with clear-text credentials',
  9: 'a new-credentials (runas /netonly) logon',
  10: 'an RDP session',
  11: 'a cached-credentials interactive session',
};

export function logonTypeText(type: number | null | undefined): string {
  if (type === null || type === undefined) return 'a logon session';
  return LOGON_TYPES[type] ?? `a type-${type} logon`;
}

/** 40 s, 12 min, 3 h, 2 days: how far apart two events were, rounded the way a person would say it. */
export function durationText(seconds: number): string {
  const s = Math.abs(seconds);
  if (s < 120) return `${Math.round(s * 10) / 10} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 2 * 86400) return `${Math.round(s / 360) / 10} h`;
  return `${Math.round(s / 8640) / 10} days`;
}

export function secondsBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 1000;
}

/** `a, b and c`, or `a, b, c … and 7 more` past `max`. */
export function listText(items: readonly string[], max = 5): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  if (items.length > max) return `${items.slice(0, max).join(', ')} … and ${items.length - max} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function quoted(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `“${one.length > max ? `${one.slice(0, max - 1)}…` : one}”`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
