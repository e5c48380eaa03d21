// A time typed in the grid's time filter is a wall-clock time in the display zone, whatever the season.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zonedToIso } from '../../../../renderer/src/format/zonedTime';

test('wall-clock times in the display zone become UTC instants, summer and winter', () => {
  assert.equal(zonedToIso('2026-03-14 09:12', 'UTC'), '2026-03-14T09:12:00.000Z');
  assert.equal(zonedToIso('2026-01-14 09:12:03', 'Europe/Berlin'), '2026-01-14T08:12:03.000Z');
  assert.equal(zonedToIso('2026-07-14T09:12:03', 'Europe/Berlin'), '2026-07-14T07:12:03.000Z');
  assert.equal(zonedToIso('2026-03-14 09:12:03.25', 'America/New_York'), '2026-03-14T13:12:03.250000Z');
});

test('a time with its own zone is read as written; anything else is not a time', () => {
  assert.equal(zonedToIso('2026-03-14T09:12:00Z', 'Europe/Berlin'), '2026-03-14T09:12:00.000Z');
  assert.equal(zonedToIso('2026-03-14T09:12:00+02:00', 'UTC'), '2026-03-14T07:12:00.000Z');
  assert.equal(zonedToIso('yesterday', 'UTC'), null);
  assert.equal(zonedToIso('2026-02-30 10:00', 'UTC'), null);
  assert.equal(zonedToIso('2026-03-14 09:12', 'Not/AZone'), null);
});
