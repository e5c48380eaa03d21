// What a "suspicious process, then account created" finding adds to the account's story: the process that
// preceded the creation, and how strongly it is tied to it.
import type { StoryEvent } from '../../../../shared/api.js';
import type { Finding } from '../../../../shared/report.js';
import { quoted } from '../common/explainWords.js';
import { storyRef } from '../common/storyRefs.js';
import type { SequenceDetails } from './details.js';

export function sequenceEvents(f: Finding): StoryEvent[] {
  const p = f.evidence.find((e) => e.role === 'suspicious-process');
  if (!p) return [];
  const d = (f.details ?? {}) as SequenceDetails;
  const cmd = d.process?.commandLine;
  return [
    {
      time: p.time,
      host: f.hosts[0] ?? null,
      eventId: p.eventId ?? null,
      kind: 'process',
      label: `${cmd ? quoted(cmd, 80) : 'a suspicious process'} started, then the account was created (${d.tie} tie)`,
      ref: storyRef(p),
    },
  ];
}
