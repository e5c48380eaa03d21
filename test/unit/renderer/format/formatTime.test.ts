// Every time on screen goes through formatTime: one display zone, sortable text, microseconds tolerated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatAxisTime,
  formatMs,
  formatRelative,
  formatTime,
  isValidTimeZone,
  parseTime,
} from '../../../../renderer/src/format/formatTime';

const T = '2026-03-14T09:12:03Z';

test('engine times with microseconds parse to the millisecond', () => {
  assert.equal(parseTime('2026-03-14T09:12:03.123456Z'), Date.UTC(2026, 2, 14, 9, 12, 3, 123));
  assert.equal(parseTime(T), Date.UTC(2026, 2, 14, 9, 12, 3));
  assert.ok(Number.isNaN(parseTime('yesterday')));
});

test('a time reads as date, clock and zone; midnight is 00, not 24', () => {
  assert.equal(formatTime(T, 'UTC'), '2026-03-14 09:12:03 UTC');
  assert.equal(formatTime('2026-03-14T00:05:09.999999Z', 'UTC'), '2026-03-14 00:05:09 UTC');
  assert.equal(formatTime(T, 'America/New_York'), '2026-03-14 05:12:03 EDT');
  // A day before the switch to summer time the same zone is five hours behind.
  assert.equal(formatTime('2026-03-07T09:12:03Z', 'America/New_York'), '2026-03-07 04:12:03 EST');
});

test('a missing time is a dash, an unreadable one is shown as it came, a bad zone falls back to UTC', () => {
  assert.equal(formatTime(null, 'UTC'), '—');
  assert.equal(formatTime(undefined, 'UTC'), '—');
  assert.equal(formatTime('', 'UTC'), '—');
  assert.equal(formatTime('not a time', 'UTC'), 'not a time');
  assert.equal(formatTime(T, 'Mars/Olympus_Mons'), '2026-03-14 09:12:03 UTC');
  assert.equal(isValidTimeZone('Europe/Berlin'), true);
  assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false);
});

test('formatMs can leave the zone out', () => {
  assert.equal(formatMs(Date.UTC(2026, 0, 2, 3, 4, 5), 'UTC', false), '2026-01-02 03:04:05');
  assert.equal(formatMs(Date.UTC(2026, 0, 2, 3, 4, 5), 'UTC'), '2026-01-02 03:04:05 UTC');
});

test('axis labels get shorter as the span grows', () => {
  const ms = Date.UTC(2026, 2, 14, 9, 12, 3);
  assert.equal(formatAxisTime(ms, 'UTC', 3600_000), '09:12:03');
  assert.equal(formatAxisTime(ms, 'UTC', 3 * 86400_000), '03-14 09:12');
  assert.equal(formatAxisTime(ms, 'UTC', 60 * 86400_000), '2026-03-14');
  assert.equal(formatAxisTime(ms, 'America/New_York', 3600_000), '05:12:03');
});

test('offsets read as an analyst says them', () => {
  const ref = Date.UTC(2026, 2, 14, 9, 0, 0);
  const at = (seconds: number) => formatRelative(ref + seconds * 1000, ref);
  assert.equal(at(0), '+0 s');
  assert.equal(at(40), '+40 s');
  assert.equal(at(-5), '−5 s');
  assert.equal(at(180), '+3 min');
  assert.equal(at(185), '+3 min 5 s');
  assert.equal(at(2 * 3600), '+2 h');
  assert.equal(at(2 * 3600 + 600 + 7), '+2 h 10 min');
  assert.equal(at(47 * 3600), '+47 h');
  assert.equal(at(3 * 86400), '+3 d');
  assert.equal(at(-3 * 86400), '−3 d');
});
