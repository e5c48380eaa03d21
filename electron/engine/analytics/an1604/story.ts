// What an account-creation finding adds to the account's story: the creation, then each follow-up event
// (enabled, password set, group joined, logons, deletion) with how long after the creation it came.
import type { StoryEvent } from '../../../../shared/api.js';
import type { Finding } from '../../../../shared/report.js';
import type { FollowUp } from '../common/creationDetails.js';
import { durationText, logonTypeText } from '../common/explainWords.js';
import { storyRef } from '../common/storyRefs.js';
import type { CreationDetails } from './details.js';

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

export function creationEvents(f: Finding, display: string): StoryEvent[] {
  const created = f.evidence.find((e) => e.role === 'account-created');
  const events: StoryEvent[] = [
    {
      time: f.first,
      host: f.hosts[0] ?? null,
      eventId: 4720,
      kind: 'created',
      label: `${display} created by ${f.actor.user ?? 'an unknown user'}`,
      ref: storyRef(created),
    },
  ];
  for (const fu of ((f.details ?? {}) as CreationDetails).followUps ?? []) {
    const ev = f.evidence.find(
      (e) => e.role === 'follow-up' && e.eventId === fu.eventId && e.time === fu.time,
    );
    events.push({
      time: fu.time,
      host: fu.host,
      eventId: fu.eventId,
      kind: FOLLOW_UP_KIND[fu.kind] ?? fu.kind,
      label: followUpLabel(fu),
      ref: storyRef(ev),
    });
  }
  return events;
}
