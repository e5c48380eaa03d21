// What a password-guessing finding adds to the story of the account it targeted: how many guesses from
// where, and the success that followed, when one did.
import type { StoryEvent } from '../../../../shared/api.js';
import type { Finding } from '../../../../shared/report.js';
import { plural } from '../common/explainWords.js';
import { storyRef } from '../common/storyRefs.js';
import type { GuessDetails } from './details.js';
import { sourceText } from './explain.js';

export function guessingEvents(f: Finding): StoryEvent[] {
  const d = (f.details ?? {}) as GuessDetails;
  const events: StoryEvent[] = [
    {
      time: f.first,
      host: f.hosts[0] ?? null,
      eventId: f.evidence[0]?.eventId ?? null,
      kind: 'probed',
      label: `${plural(Number(d.totalFailures ?? 0), 'password guess', 'password guesses')} from ${sourceText(d)}`,
      ref: storyRef(f.evidence[0]),
    },
  ];
  const success = f.evidence.find((e) => e.role === 'success');
  if (d.succeeded && success) {
    events.push({
      time: success.time,
      host: f.hosts[0] ?? null,
      eventId: success.eventId ?? null,
      kind: 'logon',
      label: `signed in from ${sourceText(d)} after the guessing`,
      ref: storyRef(success),
    });
  }
  return events;
}
