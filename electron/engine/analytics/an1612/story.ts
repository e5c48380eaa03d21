// What an enumeration finding adds to the story of an account it named: who looked it up, where.
import type { StoryEvent } from '../../../../shared/api.js';
import type { Finding } from '../../../../shared/report.js';
import { storyRef } from '../common/storyRefs.js';

export function enumerationEvents(f: Finding): StoryEvent[] {
  return [
    {
      time: f.first,
      host: f.hosts[0] ?? null,
      eventId: f.evidence[0]?.eventId ?? null,
      kind: 'enumerated',
      label: `enumerated by ${f.actor.user ?? 'an unknown user'} on ${f.hosts[0] ?? 'an unknown host'}`,
      ref: storyRef(f.evidence[0]),
    },
  ];
}
