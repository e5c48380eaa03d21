// Damaged files are read as far as they go: every intact event is imported, and each damaged one is
// reported once: its place in the file and its byte offset in the error's fields, what is wrong with it
// in the message (which never starts with the place: the CLI and the UI render that from the fields).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputFormatError } from '../../../../electron/engine/readers/types.js';
import type { ReadError } from '../../../../electron/engine/rowContract.js';
import { readBytes, readText, readUntilFailure, securityEvent } from './readerHarness.js';

const A = securityEvent(4624, { TargetUserName: 'alice' }, 1);
const B = securityEvent(4624, { TargetUserName: 'bob' }, 2);
const C = securityEvent(4624, { TargetUserName: 'carol' }, 3);

/** The message says what is wrong, not where: no "event 3 at byte 1234:" or "byte 1234:" in front. */
function assertNoPlaceInText(errors: readonly ReadError[]): void {
  for (const e of errors)
    assert.doesNotMatch(e.message, /^(event|record|byte|offset) \d+|^\d+[:,]/i, e.message);
}

describe('damaged files are read as far as they go', () => {
  it('truncated inside an event: every complete event plus exactly one error at the incomplete one', async () => {
    const file = `<?xml version="1.0" encoding="UTF-16"?>\r\n<Events>${A}\r\n${B}\r\n${C}</Events>`;
    const cStart = file.indexOf(C);
    for (const cut of [cStart + 1, cStart + 6, cStart + 50, cStart + C.length - 1]) {
      const { rows, errors, summary } = await readText(file.slice(0, cut), 13);
      assert.deepEqual(
        rows.map((r) => r.targetUser),
        ['alice', 'bob'],
        `cut at ${cut}`,
      );
      assert.equal(errors.length, 1, `cut at ${cut}: ${JSON.stringify(errors)}`);
      assert.deepEqual(
        { offset: errors[0]!.offset, record: errors[0]!.record },
        { offset: cStart, record: 3 },
      );
      assert.match(errors[0]!.message, /^the file ends before this event does/);
      assertNoPlaceInText(errors);
      assert.deepEqual([summary.records, summary.skipped], [2, 1]);
    }
    // Cut between events (only </Events> lost): nothing is missing, so nothing to report.
    const { rows, errors } = await readText(file.slice(0, cStart));
    assert.equal(rows.length, 2);
    assert.deepEqual(errors, []);
  });

  it('an event cut short in the middle of the file loses only itself', async () => {
    const cutB = B.slice(0, 300);
    const file = `${A}\n${cutB}\n${C}`;
    const { rows, errors } = await readText(file);
    assert.deepEqual(
      rows.map((r) => [r.recordNo, r.targetUser]),
      [
        [1, 'alice'],
        [3, 'carol'],
      ],
    );
    assert.equal(errors.length, 1);
    const bAt = A.length + 1;
    assert.deepEqual({ offset: errors[0]!.offset, record: errors[0]!.record }, { offset: bAt, record: 2 });
    assert.equal(
      errors[0]!.message,
      `not closed before the next <Event> at file offset ${bAt + 301} (cut short?); the event is skipped`,
    );
  });

  it('invalid UTF-8 in one event: that event is skipped with the exact bad byte, the rest imported', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const [before, afterName] = B.split('bob') as [string, string];
    const bad = Buffer.concat([Buffer.from(before), Buffer.from([0x62, 0xff, 0x62]), Buffer.from(afterName)]);
    const file = Buffer.concat([bom, Buffer.from(A), bad, Buffer.from(C)]);
    const bStart = 3 + A.length;
    for (const chunkSize of [1, 4096]) {
      const { rows, errors, summary } = await readBytes(file, chunkSize);
      assert.deepEqual(
        rows.map((r) => r.recordNo),
        [1, 3],
      );
      assert.equal(errors.length, 1);
      assert.deepEqual(
        { offset: errors[0]!.offset, record: errors[0]!.record },
        { offset: bStart, record: 2 },
      );
      assert.equal(
        errors[0]!.message,
        `invalid UTF-8 (byte 0xff at file offset ${bStart + before.length + 1}); the event is skipped`,
      );
      assert.equal(summary.skipped, 1);
    }
  });

  it('malformed events are skipped, each with the parser’s reason, and the rest imported', async () => {
    const broken = [
      A.replace('</Data>', '</EventData>'), // unclosed tag
      '<Event><System>~~~~</Sys></Event>', // garbage
      A.replace("Name='TargetUserName'", 'Name=TargetUserName'), // unquoted attribute
      A.replace('alice', '&undefined;'), // entity only a DTD could declare
      A.replace('alice', 'a]]>b'), // forbidden in text
      A.replace('alice', 'a\u0001b'), // control character
      A.replace('<Data', '<Data Name="x" Name="y"').replace("Name='TargetUserName'", ''), // duplicate attribute
    ];
    const file = broken.map((event) => `${event}\n${C}\n`).join('');
    const { rows, errors, summary } = await readText(file);
    assert.equal(rows.length, broken.length);
    assert.ok(rows.every((r) => r.targetUser === 'carol'));
    assert.equal(errors.length, broken.length);
    let offset = 0;
    for (const [i, event] of broken.entries()) {
      assert.deepEqual(
        { offset: errors[i]!.offset, record: errors[i]!.record },
        { offset, record: 2 * i + 1 },
      );
      assert.match(errors[i]!.message, /^malformed XML \(\d+:\d+: .+\); the event is skipped$/);
      offset += event.length + C.length + 2;
    }
    assert.deepEqual([summary.records, summary.skipped], [broken.length, broken.length]);
    assertNoPlaceInText(errors);
  });

  it('an unpaired surrogate in UTF-16 makes that event malformed, not the file', async () => {
    const [before, after] = B.split('bob') as [string, string];
    const wide = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(A, 'utf16le'),
      Buffer.from(before, 'utf16le'),
      Buffer.from([0x00, 0xd8]), // a high surrogate with no low one after it
      Buffer.from(after + C, 'utf16le'),
    ]);
    const { rows, errors } = await readBytes(wide);
    assert.deepEqual(
      rows.map((r) => r.targetUser),
      ['alice', 'carol'],
    );
    assert.equal(errors.length, 1);
    assert.deepEqual([errors[0]!.record, errors[0]!.offset], [2, 2 + A.length * 2]);
    assert.match(errors[0]!.message, /^malformed XML/);
  });

  it('unexpected text between events is reported and ignored', async () => {
    const { rows, errors } = await readText(`${A}\nthis is not xml\n${B}`);
    assert.equal(rows.length, 2);
    assert.deepEqual(errors, [
      {
        message: 'unexpected content outside any event: "this is not xml\\n"; it is ignored',
        offset: A.length + 1,
      },
    ]);
  });

  it('XML that holds no event at all, or JSON, is refused as not an event export', async () => {
    for (const [text, message] of [
      [
        '<html><body>hello</body></html>',
        /^no Windows <Event> found, starting with "<html>.*not a Windows event XML export$/,
      ],
      ['[{"createdDateTime": "2024-01-01T00:00:00Z"}]', /JSON, not Windows event XML/],
    ] as const) {
      const { failure, rows } = await readUntilFailure(
        (async function* () {
          yield Buffer.from(text);
        })(),
      );
      assert.ok(failure instanceof InputFormatError);
      assert.equal(failure.offset, 0);
      assert.match(failure.message, message);
      assert.deepEqual(rows, []);
    }
    const { rows, errors } = await readText('<?xml version="1.0"?><Events></Events>');
    assert.deepEqual([rows.length, errors.length], [0, 0]);
  });
});
