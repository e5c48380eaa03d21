// Gap and span lengths on the Coverage screen, as a responder says them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationWords } from '../../../../../renderer/src/screens/coverage/durationWords';

test('seconds, then minutes, then hours with one decimal, then days', () => {
  assert.equal(durationWords(0), '0 s');
  assert.equal(durationWords(40), '40 s');
  assert.equal(durationWords(89.6), '90 s');
  assert.equal(durationWords(90), '2 min');
  assert.equal(durationWords(40 * 60), '40 min');
  assert.equal(durationWords(3600), '1 h');
  assert.equal(durationWords(3.1 * 3600), '3.1 h');
  assert.equal(durationWords(47.96 * 3600), '48 h');
  assert.equal(durationWords(48 * 3600), '2 d');
  assert.equal(durationWords(6.9 * 86400), '6.9 d');
});

test('nonsense lengths show a dash', () => {
  assert.equal(durationWords(-1), '—');
  assert.equal(durationWords(Number.NaN), '—');
  assert.equal(durationWords(Number.POSITIVE_INFINITY), '—');
});
