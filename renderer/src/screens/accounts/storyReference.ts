// "+40 s" is measured from the moment the account came to be: its creation when there is one, else the
// first event of the story (the first enumeration or probe).
import type { StoryEvent } from '../../../../shared/api';
import { parseTime } from '../../format/formatTime';

export function storyReference(events: StoryEvent[]): number {
  const created = events.find((e) => e.kind === 'created');
  const times = events.map((e) => parseTime(e.time)).filter((t) => !Number.isNaN(t));
  if (created) return parseTime(created.time);
  return times.length > 0 ? Math.min(...times) : 0;
}
