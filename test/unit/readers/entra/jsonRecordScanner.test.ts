// The record scanner on its own: record boundaries amid strings full of brackets, quotes and escapes,
// and which keys make an object a wrapper. readEntra repeats every read with 1-, 2-, 3- and 5-byte
// chunks, so each case also runs with boundaries inside keys, escapes and multi-byte characters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEntra, signins } from './entraTestSupport.js';

describe('JSON record scanner', () => {
  it('is not fooled by brackets, quotes, backslashes and line breaks inside strings', async () => {
    const tricky = [
      '{"createdDateTime":"2024-05-01T10:15:30Z","userPrincipalName":"a]}b@contoso.com","failure":"x\\"}]{[\\\\"}',
      '{"createdDateTime":"2024-05-01T10:15:31Z","userPrincipalName":"\\\\","appDisplayName":"line\\nbreak \\u005d é 中"}',
    ];
    const result = await readEntra(`[${tricky.join(',\n')}]`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      signins(result).map((r) => [r.userPrincipalName, r.appDisplayName]),
      [
        ['a]}b@contoso.com', null],
        ['\\', 'line\nbreak ] é 中'],
      ],
    );
    assert.deepEqual(
      signins(result).map((r) => r.raw),
      tricky,
    );
  });

  it('takes "value" / "records" / "tables" as wrappers in any case, only when they hold an array', async () => {
    const rec = '{"createdDateTime":"2024-05-01T10:15:30Z","userPrincipalName":"a@contoso.com"}';
    const upper = await readEntra(`{"Records":[${rec}]}`);
    assert.equal(upper.summary.records, 1);
    assert.equal(upper.summary.variant, 'diagnostic-settings');
    // A record with a member called "value" that is not an array stays a record.
    const member = await readEntra(
      `[{"value":"x","createdDateTime":"2024-05-01T10:15:30Z","userPrincipalName":"b@c.d"}]`,
    );
    assert.deepEqual(
      signins(member).map((r) => r.userPrincipalName),
      ['b@c.d'],
    );
    // An escaped key is not a wrapper key (and "valueX" or "val" are not either).
    const escaped = await readEntra(
      `{"val\\u0075e":[1],"valueX":[2],"val":[3],"createdDateTime":"2024-05-01T10:15:30Z","userPrincipalName":"c@d.e"}`,
    );
    assert.deepEqual(
      signins(escaped).map((r) => r.userPrincipalName),
      ['c@d.e'],
    );
    // Wrapper keys deeper inside a record are plain members.
    const nested = await readEntra(
      `[{"createdDateTime":"2024-05-01T10:15:30Z","userPrincipalName":"d@e.f","x":{"records":[{"a":1}]}}]`,
    );
    assert.equal(nested.summary.records, 1);
    assert.deepEqual(nested.errors, []);
  });

  it('numbers records across wrappers so a wrapper takes no ordinal', async () => {
    const rec = (n: number) =>
      `{"createdDateTime":"2024-05-01T10:15:3${n}Z","userPrincipalName":"u${n}@c.d"}`;
    const result = await readEntra(`${rec(1)}\n{"records":[${rec(2)},${rec(3)}]}\n${rec(4)}\n`);
    assert.deepEqual(
      signins(result).map((r) => [r.recordNo, r.userPrincipalName]),
      [
        [1, 'u1@c.d'],
        [2, 'u2@c.d'],
        [3, 'u3@c.d'],
        [4, 'u4@c.d'],
      ],
    );
  });

  it('reads pretty-printed objects one after another (not JSON lines)', async () => {
    const pretty = (n: number) =>
      JSON.stringify({ createdDateTime: `2024-05-01T10:15:3${n}Z`, userPrincipalName: `u${n}@c.d` }, null, 2);
    const result = await readEntra(`${pretty(1)}\n${pretty(2)}\n`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      signins(result).map((r) => r.raw),
      [pretty(1), pretty(2)],
    );
  });
});
