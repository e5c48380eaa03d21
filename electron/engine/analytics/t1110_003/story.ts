// What a password-spraying finding adds to the story of an account it tried: from which host and session,
// how often, among how many accounts; and the logon from that host that followed, when it was this account's.
import type { StoryEvent } from '../../../../shared/api.js';
import type { Finding } from '../../../../shared/report.js';
import { plural } from '../common/explainWords.js';
import { storyRef } from '../common/storyRefs.js';
import type { SprayDetails } from './details.js';

const namePart = (s: string) => s.slice(s.lastIndexOf('\\') + 1).toLowerCase();

export function sprayEvents(f: Finding, display: string): StoryEvent[] {
  const d = (f.details ?? {}) as SprayDetails;
  const mine = (d.accountAttempts ?? []).find((a) => namePart(a.account) === namePart(display));
  const tries = mine ? `${plural(mine.attempts, 'time')} ` : '';
  const by = f.actor.user ? ` by ${f.actor.user}` : '';
  const events: StoryEvent[] = [
    {
      time: f.first,
      host: f.hosts[0] ?? null,
      eventId: 4648,
      kind: 'probed',
      label: `credentials tried ${tries}from ${f.hosts[0] ?? 'a host'}${by}, among ${plural(Number(d.distinctAccounts ?? f.accounts.length), 'sprayed account')}`,
      ref: storyRef(f.evidence[0]),
    },
  ];
  const success = f.evidence.find((e) => e.role === 'success');
  if (d.succeeded && success && d.successAccount && namePart(d.successAccount) === namePart(display)) {
    events.push({
      time: success.time,
      host: d.successHost ?? null,
      eventId: success.eventId ?? null,
      kind: 'logon',
      label: `logged on from ${f.hosts[0] ?? 'the spraying host'} after the spray`,
      ref: storyRef(success),
    });
  }
  return events;
}
