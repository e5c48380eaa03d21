// The moment an account's "+40 s" offsets count from: its creation, else its first event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryEvent } from '../../../../../shared/api';
import { storyReference } from '../../../../../renderer/src/screens/accounts/storyReference';

const ev = (time: string, kind: string): StoryEvent => ({
  time,
  kind,
  label: kind,
  host: 'WS01',
  eventId: null,
});

test('the creation counts, even when enumeration came before it', () => {
  const events = [
    ev('2026-03-11T13:40:00Z', 'enumerated'),
    ev('2026-03-11T13:49:17.025392Z', 'created'),
    ev('2026-03-11T13:49:58Z', 'group'),
  ];
  assert.equal(storyReference(events), Date.UTC(2026, 2, 11, 13, 49, 17, 25));
});

test('without a creation the earliest readable event counts; without events, zero', () => {
  const events = [
    ev('2026-03-11T14:00:00Z', 'probed'),
    ev('garbled', 'probed'),
    ev('2026-03-11T13:00:00Z', 'logon'),
  ];
  assert.equal(storyReference(events), Date.UTC(2026, 2, 11, 13, 0, 0));
  assert.equal(storyReference([]), 0);
  assert.equal(storyReference([ev('garbled', 'probed')]), 0);
});
