// What a probing finding adds to the story of a username it tried: from where, among how many.
import type { StoryEvent } from '../../../../shared/api.js';
import type { Finding } from '../../../../shared/report.js';
import { storyRef } from '../common/storyRefs.js';
import type { ProbeDetails } from './details.js';
import { localCallerText } from './explain.js';

export function probingEvents(f: Finding): StoryEvent[] {
  const d = (f.details ?? {}) as ProbeDetails;
  const from =
    d.source === 'windows-local'
      ? `${localCallerText(d)} on ${f.hosts[0] ?? 'its host'}`
      : (f.actor.sourceIp ?? String(d.sourceWorkstation ?? 'an unknown source'));
  return [
    {
      time: f.first,
      host: f.hosts[0] ?? null,
      eventId: f.evidence[0]?.eventId ?? null,
      kind: 'probed',
      label: `probed from ${from} among ${d.distinctUsers} usernames`,
      ref: storyRef(f.evidence[0]),
    },
  ];
}
