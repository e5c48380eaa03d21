// The SQL console's CSV export: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from '../../../../../renderer/src/screens/sql/toCsv';

test('a header line, then one CRLF-terminated line per row in column order', () => {
  const csv = toCsv(
    ['host', 'n'],
    [
      { n: 3, host: 'WS01' },
      { host: 'DC01', n: 12, ignored: 'x' },
    ],
  );
  assert.equal(csv, 'host,n\r\nWS01,3\r\nDC01,12\r\n');
  assert.equal(toCsv(['a'], []), 'a\r\n');
});

test('commas, quotes and line breaks are quoted; nulls are empty; objects are JSON', () => {
  const csv = toCsv(
    ['v'],
    [
      { v: 'a,b' },
      { v: 'say "hi"' },
      { v: 'two\nlines' },
      { v: null },
      { v: undefined },
      { v: { codes: [50126] } },
      { v: true },
    ],
  );
  assert.deepEqual(csv.split('\r\n'), [
    'v',
    '"a,b"',
    '"say ""hi"""',
    '"two\nlines"',
    '',
    '',
    '"{""codes"":[50126]}"',
    'true',
    '',
  ]);
});

test('cells that would start a formula are defused with a leading quote', () => {
  const csv = toCsv(
    ['cmd'],
    [
      { cmd: '=HYPERLINK("http://evil","x")' },
      { cmd: '+1+1' },
      { cmd: '-2' },
      { cmd: '@SUM(A1)' },
      { cmd: '\tcmd' },
      { cmd: 'net user backdoor /add' },
    ],
  );
  assert.deepEqual(csv.split('\r\n').slice(1, -1), [
    `"'=HYPERLINK(""http://evil"",""x"")"`,
    "'+1+1",
    "'-2",
    "'@SUM(A1)",
    "'\tcmd",
    'net user backdoor /add',
  ]);
});
