// The timestamp forms of entra-formats.md section 8, to microseconds UTC.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEntraTimestamp } from '../../../../electron/engine/readers/entra/entraTimestamp.js';
import { utc } from './entraTestSupport.js';

describe('parseEntraTimestamp', () => {
  it('reads Z times with 0 to 7 fraction digits, cutting past microseconds', () => {
    const cases: Array<[string, bigint]> = [
      ['2021-06-30T16:34:32Z', utc(2021, 6, 30, 16, 34, 32)],
      ['2021-06-30T16:34:41.6195833Z', utc(2021, 6, 30, 16, 34, 41, 619583)],
      ['2024-05-01T10:15:30.1Z', utc(2024, 5, 1, 10, 15, 30, 100000)],
      ['2024-05-01T10:15:30.000001Z', utc(2024, 5, 1, 10, 15, 30, 1)],
      ['2024-05-01T10:15:30.0000009Z', utc(2024, 5, 1, 10, 15, 30, 0)],
      ['2024-05-01T10:15:30.123456789Z', utc(2024, 5, 1, 10, 15, 30, 123456)],
    ];
    for (const [text, expected] of cases) assert.equal(parseEntraTimestamp(text), expected, text);
  });

  it('applies offsets: +00:00 with dropped trailing zeros, -05:00, +0530', () => {
    assert.equal(parseEntraTimestamp('2024-05-01T10:15:02.49832+00:00'), utc(2024, 5, 1, 10, 15, 2, 498320));
    assert.equal(parseEntraTimestamp('2025-11-13T20:48:53-05:00'), utc(2025, 11, 14, 1, 48, 53));
    assert.equal(parseEntraTimestamp('2024-05-01T10:15:30.5+0530'), utc(2024, 5, 1, 4, 45, 30, 500000));
    assert.equal(parseEntraTimestamp('2024-05-01 10:15:30'), utc(2024, 5, 1, 10, 15, 30), 'no zone is UTC');
  });

  it('reads the US form as UTC, 12 AM and 12 PM included', () => {
    assert.equal(parseEntraTimestamp('11/14/2025 1:48:53 AM'), utc(2025, 11, 14, 1, 48, 53));
    assert.equal(parseEntraTimestamp('11/14/2025 1:48:53 PM'), utc(2025, 11, 14, 13, 48, 53));
    assert.equal(parseEntraTimestamp('11/14/2025 12:05:00 AM'), utc(2025, 11, 14, 0, 5, 0));
    assert.equal(parseEntraTimestamp('11/14/2025 12:05:00 PM'), utc(2025, 11, 14, 12, 5, 0));
    assert.equal(parseEntraTimestamp('1/2/2025 23:01:02'), utc(2025, 1, 2, 23, 1, 2));
    assert.equal(parseEntraTimestamp('11/14/2025 13:48:53 PM'), null);
  });

  it('handles times before 1970 and leap days, and refuses impossible dates', () => {
    assert.equal(parseEntraTimestamp('1969-12-31T23:59:59.5Z'), -500000n);
    assert.equal(parseEntraTimestamp('2024-02-29T00:00:00Z'), utc(2024, 2, 29));
    for (const bad of [
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-05-01T24:00:00Z',
      '2024-05-01T10:15:30.Z',
      'yesterday',
      '',
      '1714558530',
    ]) {
      assert.equal(parseEntraTimestamp(bad), null, bad);
    }
  });
});
