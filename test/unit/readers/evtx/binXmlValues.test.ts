// The typed values of Binary XML rendered as Windows renders them, each against a value worked out by
// hand from the format notes (MS-EVEN6 2.2.2), and FILETIME's shortcut to a row's time checked against
// the text path it stands in for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fileTimeMicros,
  fileTimeText,
  scalarValueText,
  utf16Text,
  valueTexts,
} from '../../../../electron/engine/readers/evtx/binXmlValues.js';
import { parseSystemTime } from '../../../../electron/engine/readers/windowsXml/systemTime.js';
import { SeededRandom } from '../../../../tools/synth/random.js';

const hex = (h: string): Buffer => Buffer.from(h.replace(/\s+/g, ''), 'hex');

test('integers, hex integers, booleans and reals', () => {
  assert.equal(scalarValueText(0x06, hex('3412'), 0, 2), '4660');
  assert.equal(scalarValueText(0x07, hex('feffffff'), 0, 4), '-2');
  assert.equal(scalarValueText(0x0a, hex('ffffffffffffffff'), 0, 8), '18446744073709551615');
  assert.equal(scalarValueText(0x09, hex('ffffffffffffffff'), 0, 8), '-1');
  assert.equal(scalarValueText(0x14, hex('e7030000'), 0, 4), '0x3e7');
  assert.equal(scalarValueText(0x15, hex('e703000000000000'), 0, 8), '0x3e7');
  assert.equal(scalarValueText(0x15, hex('0000000000000280'), 0, 8), '0x8002000000000000');
  assert.equal(scalarValueText(0x15, hex('0100000001000000'), 0, 8), '0x100000001');
  assert.equal(scalarValueText(0x10, hex('0010000000000000'), 0, 8), '0x1000');
  assert.equal(scalarValueText(0x0d, hex('01000000'), 0, 4), 'true');
  assert.equal(scalarValueText(0x0d, hex('00000000'), 0, 4), 'false');
  // Irregular booleans: any non-zero value is true, and a short one is read as far as it goes.
  assert.equal(scalarValueText(0x0d, hex('02000000'), 0, 4), 'true');
  assert.equal(scalarValueText(0x0d, hex('01'), 0, 1), 'true');
  assert.equal(scalarValueText(0x0c, hex('000000000000f83f'), 0, 8), '1.5');
});

test('GUIDs, SIDs, binary and strings', () => {
  // {54849625-5478-4994-A5BA-3E3B0328C30D}: the first three fields little-endian.
  assert.equal(
    scalarValueText(0x0f, hex('25968454 7854 9449 a5ba 3e3b0328c30d'), 0, 16),
    '{54849625-5478-4994-A5BA-3E3B0328C30D}',
  );
  // S-1-5-21-1-2-3-500: revision 1, 4 sub-authorities, authority 5 (big-endian), sub-authorities LE.
  const sid = hex('01 05 000000000005 15000000 01000000 02000000 03000000 f4010000');
  assert.equal(scalarValueText(0x13, sid, 0, sid.length), 'S-1-5-21-1-2-3-500');
  assert.throws(() => scalarValueText(0x13, sid, 0, 12), /sub-authorities/);
  assert.equal(scalarValueText(0x0e, hex('d9060000'), 0, 4), 'D9060000');
  const text = Buffer.from('net user x /add\0garbage', 'utf16le');
  assert.equal(utf16Text(text, 0, text.length), 'net user x /add');
  assert.equal(utf16Text(Buffer.from('-\0', 'utf16le'), 0, 4), '-');
  assert.equal(utf16Text(Buffer.from('%%1833', 'utf16le'), 0, 12), '%%1833');
  assert.equal(scalarValueText(0x02, Buffer.from('ansi\0x', 'latin1'), 0, 6), 'ansi');
});

test('arrays give one text per item, empty strings included', () => {
  const strings = Buffer.from('\0\0\0\x0013\x0060\0', 'utf16le');
  assert.deepEqual(valueTexts(0x81, strings, 0, strings.length), ['', '', '', '', '13', '60']);
  assert.deepEqual(valueTexts(0x88, hex('01000000 02000000'), 0, 8), ['1', '2']);
  const sids = hex('01 01 000000000005 12000000  01 02 000000000005 20000000 20020000');
  assert.deepEqual(valueTexts(0x93, sids, 0, sids.length), ['S-1-5-18', 'S-1-5-32-544']);
});

test('FILETIME: Windows text to 100 ns, and the row time straight from it equals the text parsed', () => {
  // 2021-10-19T14:42:41.2027650Z = 132791281612027650 ticks since 1601.
  assert.equal(fileTimeText(132791281612027650n), '2021-10-19T14:42:41.2027650Z');
  assert.equal(fileTimeText(0n), '1601-01-01T00:00:00.0000000Z');
  const rng = new SeededRandom('filetime');
  const samples = [0n, 1n, 9n, 10n, 116444736000000000n - 1n, 116444736000000000n, 2650467743999999999n];
  for (let i = 0; i < 2000; i++)
    samples.push(BigInt(rng.int(0, 0x7fffffff)) * 4294967296n + BigInt(rng.uint32()));
  for (const ticks of samples) {
    const text = fileTimeText(ticks);
    assert.equal(fileTimeMicros(ticks), parseSystemTime(text), `${ticks} (${text})`);
  }
  // Past 9999 no four-digit year can say it: no time, as the text readers give none.
  assert.equal(fileTimeMicros(2650467744000000000n), null);
});
