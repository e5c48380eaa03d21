// The parts of an account story built from its findings: the chain to show, the merged process tree,
// the session the actor came from, and the time line of what happened to the account.
import type { AccountStory, StoryEvent } from '../../../shared/api.js';
import type { Finding, LineageNode } from '../../../shared/report.js';
import { requireAnalytic } from './registry.js';

export interface LineageTreeNode extends LineageNode {
  children: LineageTreeNode[];
}

// Which finding's chain tells the story best (each analytic ranks itself): how the account was made, else
// how it was looked up.
function byPreference(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => requireAnalytic(f.analytic).story.chainRank;
  return [...findings].sort((a, b) => rank(a) - rank(b));
}

export function storyLineage(findings: readonly Finding[]): LineageNode[] {
  return byPreference(findings).find((f) => f.lineage.length > 0)?.lineage ?? [];
}

const nodeKey = (n: LineageNode) => `${n.host}|${n.pid}|${n.stub ? 'stub' : n.time}|${n.image ?? ''}`;

/** Every chain (root first) merged into one forest: shared ancestors appear once. */
export function lineageTree(findings: readonly Finding[]): LineageTreeNode[] {
  const roots: LineageTreeNode[] = [];
  for (const f of findings) {
    let level = roots;
    for (const node of f.lineage) {
      let found = level.find((n) => nodeKey(n) === nodeKey(node));
      if (!found) {
        found = { ...node, children: [] };
        level.push(found);
      }
      level = found.children;
    }
  }
  return roots;
}

export function storySession(findings: readonly Finding[]): AccountStory['session'] | undefined {
  for (const f of byPreference(findings)) {
    if (!requireAnalytic(f.analytic).story.tellsSession) continue;
    const s = (f.details?.['session'] ?? null) as {
      logonType?: number;
      ip?: string;
      workstation?: string;
    } | null;
    const session: NonNullable<AccountStory['session']> = {};
    if (f.actor.user) session.user = f.actor.user;
    if (f.actor.logonId) session.logonId = f.actor.logonId;
    const ip = s?.ip ?? f.actor.sourceIp;
    if (ip) session.sourceIp = ip;
    const workstation = s?.workstation ?? (f.details?.['sourceWorkstation'] as string | undefined);
    if (workstation) session.workstation = workstation;
    const logonType = s?.logonType ?? (f.details?.['logonType'] as number | undefined);
    if (typeof logonType === 'number') session.logonType = logonType;
    if (Object.keys(session).length > 0) return session;
  }
  return undefined;
}

/** What happened to the account, oldest first; the same event named by two findings appears once. */
export function storyEvents(findings: readonly Finding[], display: string): StoryEvent[] {
  const events: StoryEvent[] = [];
  for (const f of findings) events.push(...requireAnalytic(f.analytic).story.events(f, display));
  const seen = new Set<string>();
  return events
    .filter((e) => {
      const k = `${e.kind}|${e.time}|${e.ref?.source ?? ''}|${e.ref?.recordNo ?? ''}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}
