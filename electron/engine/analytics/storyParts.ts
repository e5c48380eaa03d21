// The parts of an account story built from its findings: the chain to show, the merged process tree,
// the session the actor came from, and the time line of what happened to the account.
import type { AccountStory, StoryEvent } from '../../../shared/api.js';
import type { EvidenceRef, Finding, LineageNode } from '../../../shared/report.js';
import { durationText, logonTypeText, quoted } from './explainWords.js';

export interface LineageTreeNode extends LineageNode {
  children: LineageTreeNode[];
}

// Which finding's chain tells the story best: how the account was made, else how it was looked up.
const CHAIN_PREFERENCE: Record<Finding['analytic'], number> = { AN1604: 0, AN1235: 1, AN1612: 2, T1589: 3 };

function byPreference(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => CHAIN_PREFERENCE[a.analytic] - CHAIN_PREFERENCE[b.analytic]);
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
    if (f.analytic === 'T1589') continue;
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

function refOf(e: EvidenceRef | undefined): StoryEvent['ref'] {
  if (!e || !e.table || e.recordNo === undefined) return undefined;
  return { table: e.table, source: e.source, recordNo: e.recordNo };
}

interface FollowUp {
  kind: string;
  eventId: number;
  time: string;
  host: string;
  group: string | null;
  privileged: boolean;
  logonType: number | null;
  ip: string | null;
  deltaSeconds: number;
}

const FOLLOW_UP_KIND: Record<string, string> = {
  enabled: 'enabled',
  'password-reset': 'password',
  'password-changed': 'password',
  changed: 'changed',
  'group-add': 'group',
  logon: 'logon',
  deleted: 'deleted',
};

function followUpLabel(f: FollowUp): string {
  const later = `${durationText(f.deltaSeconds)} after creation`;
  switch (f.kind) {
    case 'enabled':
      return `enabled, ${later}`;
    case 'password-reset':
      return `password set, ${later}`;
    case 'password-changed':
      return `password changed, ${later}`;
    case 'changed':
      return `account changed, ${later}`;
    case 'group-add':
      return `added to ${f.group ?? 'a group'}${f.privileged ? ' (privileged)' : ''}, ${later}`;
    case 'logon':
      return `${logonTypeText(f.logonType)}${f.ip && f.ip !== '-' ? ` from ${f.ip}` : ''} on ${f.host}, ${later}`;
    default:
      return `deleted, ${later}`;
  }
}

function creationEvents(f: Finding, display: string): StoryEvent[] {
  const created = f.evidence.find((e) => e.role === 'account-created');
  if (f.analytic === 'AN1235') {
    const p = f.evidence.find((e) => e.role === 'suspicious-process');
    const cmd = (f.details?.['process'] as { commandLine?: string } | undefined)?.commandLine;
    return p
      ? [
          {
            time: p.time,
            host: f.hosts[0] ?? null,
            eventId: p.eventId ?? null,
            kind: 'process',
            label: `${cmd ? quoted(cmd, 80) : 'a suspicious process'} started, then the account was created (${f.details?.['tie']} tie)`,
            ref: refOf(p),
          },
        ]
      : [];
  }
  const events: StoryEvent[] = [
    {
      time: f.first,
      host: f.hosts[0] ?? null,
      eventId: 4720,
      kind: 'created',
      label: `${display} created by ${f.actor.user ?? 'an unknown user'}`,
      ref: refOf(created),
    },
  ];
  for (const fu of (f.details?.['followUps'] as FollowUp[] | undefined) ?? []) {
    const ev = f.evidence.find(
      (e) => e.role === 'follow-up' && e.eventId === fu.eventId && e.time === fu.time,
    );
    events.push({
      time: fu.time,
      host: fu.host,
      eventId: fu.eventId,
      kind: FOLLOW_UP_KIND[fu.kind] ?? fu.kind,
      label: followUpLabel(fu),
      ref: refOf(ev),
    });
  }
  return events;
}

/** What happened to the account, oldest first; the same event named by two findings appears once. */
export function storyEvents(findings: readonly Finding[], display: string): StoryEvent[] {
  const events: StoryEvent[] = [];
  for (const f of findings) {
    if (f.analytic === 'AN1604' || f.analytic === 'AN1235') events.push(...creationEvents(f, display));
    else if (f.analytic === 'AN1612') {
      events.push({
        time: f.first,
        host: f.hosts[0] ?? null,
        eventId: f.evidence[0]?.eventId ?? null,
        kind: 'enumerated',
        label: `enumerated by ${f.actor.user ?? 'an unknown user'} on ${f.hosts[0] ?? 'an unknown host'}`,
        ref: refOf(f.evidence[0]),
      });
    } else {
      const from = f.actor.sourceIp ?? String(f.details?.['sourceWorkstation'] ?? 'an unknown source');
      events.push({
        time: f.first,
        host: f.hosts[0] ?? null,
        eventId: f.evidence[0]?.eventId ?? null,
        kind: 'probed',
        label: `probed from ${from} among ${f.details?.['distinctUsers']} usernames`,
        ref: refOf(f.evidence[0]),
      });
    }
  }
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
