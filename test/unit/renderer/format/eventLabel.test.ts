// The Event column of the evidence and coverage tables: the Windows id, or what an Entra row is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventLabel } from '../../../../renderer/src/format/eventLabel';

test('a Windows event shows its id, whatever table it names', () => {
  assert.equal(eventLabel('win_events', 4720), '4720');
  assert.equal(eventLabel(undefined, 1), '1');
  assert.equal(eventLabel('signins', 0), '0');
});

test('Entra rows without an id say what they are; anything else is a dash', () => {
  assert.equal(eventLabel('signins', null), 'sign-in');
  assert.equal(eventLabel('audits', undefined), 'audit');
  assert.equal(eventLabel('win_events', null), '—');
  assert.equal(eventLabel(undefined, undefined), '—');
});
