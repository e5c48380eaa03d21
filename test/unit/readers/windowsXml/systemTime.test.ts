// TimeCreated/@SystemTime in every form the exporters write, to microseconds since the epoch (UTC).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSystemTime } from '../../../../electron/engine/readers/windowsXml/systemTime.js';

const EXPECTED = 1634654561202765n; // 2021-10-19T14:42:41.202765Z

describe('parseSystemTime', () => {
  it('reads the Windows, python-evtx and evtx_dump forms of the same instant alike', () => {
    for (const text of [
      '2021-10-19T14:42:41.2027650Z', // Windows: 7 digits
      '2021-10-19T14:42:41.2027659Z', // the 100 ns digit is truncated, as python-evtx does
      '2021-10-19 14:42:41.202765', // python-evtx: space, no zone, UTC
      '2021-10-19T14:42:41.202765Z', // Rust evtx_dump
      '2021-10-19T16:42:41.202765+02:00', // explicit offsets
      '2021-10-19T09:42:41.202765-0500',
      '2021-10-19t14:42:41.202765z',
      ' 2021-10-19T14:42:41.202765000Z ',
    ]) {
      assert.equal(parseSystemTime(text), EXPECTED, text);
    }
  });

  it('reads whole seconds and short fractions', () => {
    assert.equal(parseSystemTime('2021-10-19T14:42:41Z'), 1634654561000000n);
    assert.equal(parseSystemTime('2021-10-19 14:42:41'), 1634654561000000n);
    assert.equal(parseSystemTime('2021-10-19T14:42:41.2Z'), 1634654561200000n);
  });

  it('agrees with Date for dates across leap years and before 1970', () => {
    for (const iso of [
      '2020-02-29T23:59:59.999Z',
      '2000-03-01T00:00:00.000Z',
      '1969-12-31T23:59:59.500Z',
      '1601-01-01T00:00:00.000Z',
    ]) {
      assert.equal(parseSystemTime(iso), BigInt(Date.parse(iso)) * 1000n, iso);
    }
  });

  it('gives null for anything that is not a valid time', () => {
    for (const text of [
      '',
      'yesterday',
      '2021-02-29T00:00:00Z',
      '2021-13-01T00:00:00Z',
      '2021-10-19T24:00:00Z',
      '2021-10-19T14:42:41.Z',
      '2021-10-19T14:42:41+25:00',
    ]) {
      assert.equal(parseSystemTime(text), null, text);
    }
    assert.equal(parseSystemTime(null), null);
  });
});
