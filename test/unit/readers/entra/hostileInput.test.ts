// Hostile and broken input: deep nesting, cut-short files, non-objects, garbage between JSON lines,
// __proto__ keys, oversized records. Each costs the records it touches and no more, with an error a
// responder can act on: what is wrong in the message, where (record 17, byte 90211) in the fields.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEntra, readWith, signins, utc } from './entraTestSupport.js';

const signin = (n: number, extra = '') =>
  `{"createdDateTime":"2024-05-01T10:15:${String(n).padStart(2, '0')}Z","userPrincipalName":"user${n}@contoso.com","status":{"errorCode":50126}${extra}}`;

describe('readEntraJson: deep nesting', () => {
  it('rejects a 50,000-deep file before parsing, with one clear error', async () => {
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    const started = performance.now();
    const result = await readWith(deep);
    const elapsed = performance.now() - started;
    assert.deepEqual(result.rows, []);
    assert.deepEqual(result.errors, [
      {
        message: 'nested deeper than 64 levels; rejected without parsing it',
        offset: 0,
        record: 1,
      },
    ]);
    assert.deepEqual(result.summary.skipped, 1);
    assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  });

  it('rejects a 50,000-deep file that never closes with one error', async () => {
    const result = await readWith('[' + '[{"a":'.repeat(50_000));
    assert.deepEqual(result.rows, []);
    assert.equal(result.errors.length, 1);
    assert.deepEqual(result.errors[0], {
      message: 'an array, not a JSON object; skipped',
      offset: 1,
      record: 1,
    });
    const objects = await readWith('{"a":'.repeat(50_000));
    assert.deepEqual(objects.errors, [
      {
        message: 'nested deeper than 64 levels, and the file ends inside it',
        offset: 0,
        record: 1,
      },
    ]);
  });

  it('keeps the records around a deep one in an array and in JSON lines', async () => {
    const deepRecord = signin(2, `,"x":${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    const inArray = await readEntra(`[${signin(1)},${deepRecord},${signin(3)}]`);
    const inLines = await readEntra(`${signin(1)}\n${deepRecord}\n${signin(3)}\n`);
    for (const result of [inArray, inLines]) {
      assert.deepEqual(
        signins(result).map((r) => r.recordNo),
        [1, 3],
      );
      assert.equal(result.errors.length, 1);
      assert.equal(result.errors[0]!.record, 2);
      assert.equal(result.errors[0]!.offset, signin(1).length + (result === inArray ? 2 : 1));
      assert.match(result.errors[0]!.message, /^nested deeper than 64 levels; rejected/);
      assert.equal(result.summary.skipped, 1);
    }
  });

  it('picks up at the next line after a deep line that never closes, even on the first line', async () => {
    const result = await readEntra(`{"x":${'['.repeat(50_000)}\n${signin(1)}\n${signin(2)}\n`);
    assert.deepEqual(
      signins(result).map((r) => r.userPrincipalName),
      ['user1@contoso.com', 'user2@contoso.com'],
    );
    assert.deepEqual(result.errors, [
      {
        message: 'nested deeper than 64 levels; rejected without parsing it, skipped to the next line',
        offset: 0,
        record: 1,
      },
    ]);
  });

  it('honours maxJsonDepth, and ignores a JSON-in-string column nested too deep', async () => {
    const nested = signin(1, `,"deviceDetail":{"a":{"b":{"c":1}}}`);
    const strict = await readWith(nested, 1 << 20, { maxJsonDepth: 3 });
    assert.equal(strict.summary.records, 0);
    assert.match(strict.errors[0]!.message, /nested deeper than 3 levels/);
    const loose = await readWith(nested, 1 << 20, { maxJsonDepth: 4 });
    assert.equal(loose.summary.records, 1);

    const deepStatus = JSON.stringify({
      TimeGenerated: '2024-05-01T10:15:31Z',
      UserPrincipalName: 'alice@contoso.com',
      Status: '['.repeat(50_000),
      ResultType: '50126',
    });
    const [row] = signins(await readEntra(deepStatus));
    assert.equal(
      row!.errorCode,
      50126,
      'the deep Status text is never parsed; ResultType still gives the code',
    );
  });
});

describe('readEntraJson: cut-short and broken files', () => {
  it('emits every complete record of a cut-short array plus exactly one error at the cut record', async () => {
    const whole = `[\n  ${signin(1)},\n  ${signin(2)},\n  ${signin(3)}\n]\n`;
    const cutAt = whole.indexOf('user3');
    const result = await readEntra(whole.slice(0, cutAt));
    assert.deepEqual(
      signins(result).map((r) => r.recordNo),
      [1, 2],
    );
    const offset = whole.lastIndexOf('{"createdDateTime"');
    assert.deepEqual(result.errors, [
      {
        message: 'the file ends inside this record (is the file cut short?)',
        offset,
        record: 3,
      },
    ]);
    assert.deepEqual(result.summary, { format: 'entra-signins', variant: 'graph', records: 2, skipped: 1 });
  });

  it('reports a file cut between records once, at the end of the file', async () => {
    const text = `{"value":[${signin(1)},${signin(2)},`;
    const result = await readEntra(text);
    assert.equal(result.summary.records, 2);
    assert.deepEqual(result.errors, [
      {
        message:
          'the file ends before the wrapper object that starts at file offset 0 is closed (is the file cut short?)',
        offset: text.length,
      },
    ]);
  });

  it('loses only the cut line of JSON lines', async () => {
    const cut = signin(2).slice(0, 40);
    const text = `${signin(1)}\n${cut}\n${signin(3)}\n${signin(4).slice(0, 30)}`;
    const result = await readEntra(text);
    assert.deepEqual(
      signins(result).map((r) => [r.recordNo, r.userPrincipalName]),
      [
        [1, 'user1@contoso.com'],
        [3, 'user3@contoso.com'],
      ],
    );
    const second = signin(1).length + 1;
    const fourth = text.lastIndexOf('{');
    assert.deepEqual(result.errors, [
      {
        message: 'the line ends before the record does (a cut or broken line); skipped',
        offset: second,
        record: 2,
      },
      { message: 'the file ends inside this record (is the file cut short?)', offset: fourth, record: 4 },
    ]);
  });

  it('reports values that are not objects and garbage lines, and reads on', async () => {
    const array = await readEntra(`[1, "x", null, true, [1, {"a":2}], ${signin(6)}, -0.5e3]`);
    assert.deepEqual(
      array.errors.map((e) => [e.record, e.offset, e.message]),
      [
        [1, 1, 'a number, not a JSON object; skipped'],
        [2, 4, 'a string, not a JSON object; skipped'],
        [3, 9, 'null, not a JSON object; skipped'],
        [4, 15, 'a boolean, not a JSON object; skipped'],
        [5, 21, 'an array, not a JSON object; skipped'],
        [7, 35 + signin(6).length + 2, 'a number, not a JSON object; skipped'],
      ],
    );
    assert.deepEqual(
      signins(array).map((r) => r.recordNo),
      [6],
    );
    assert.equal(array.summary.skipped, 6);

    const lines = `${signin(1)}\nthis is not JSON {"at":"all"}\n{"createdDateTime": oops}\n"a string"\n${signin(5)}\n`;
    const result = await readEntra(lines);
    assert.deepEqual(
      signins(result).map((r) => r.recordNo),
      [1, 5],
    );
    const at = (s: string) => lines.indexOf(s);
    assert.deepEqual(
      result.errors.map((e) => [e.record, e.offset]),
      [
        [2, at('this')],
        [3, at('{"createdDateTime": oops')],
        [4, at('"a string"')],
      ],
    );
    assert.match(result.errors[0]!.message, /^text starting with 't' where a JSON object should start/);
    assert.match(result.errors[1]!.message, /^not valid JSON \(.+\); skipped$/);
    assert.equal(result.summary.skipped, 3);
  });

  it('skips records that are neither sign-ins nor audits, and keeps rows whose time is unreadable', async () => {
    const text = `[{"foo":"bar"},{"createdDateTime":"yesterday","userPrincipalName":"a@b.c"}]`;
    const result = await readEntra(text);
    assert.deepEqual(result.errors, [
      {
        message: 'neither a sign-in nor an audit record (none of their fields are present); skipped',
        offset: 1,
        record: 1,
      },
      {
        message: 'has a time this reader cannot read ("yesterday"); imported without one',
        offset: 15,
        record: 2,
      },
    ]);
    assert.equal(signins(result)[0]!.ts, null);
    assert.deepEqual(result.summary, { format: 'entra-signins', variant: 'graph', records: 1, skipped: 1 });
  });

  it('skips a record over maxRecordBytes and reads the rest', async () => {
    const big = signin(2, `,"padding":"${'x'.repeat(5000)}"`);
    const result = await readEntra(`[${signin(1)},${big},${signin(3)}]`, { maxRecordBytes: 1000 });
    assert.deepEqual(
      signins(result).map((r) => r.recordNo),
      [1, 3],
    );
    assert.deepEqual(result.errors, [
      {
        message: 'larger than the 1000-byte limit for one record; skipped',
        offset: signin(1).length + 2,
        record: 2,
      },
    ]);
  });

  it('keeps the place out of the words: every error carries it in offset (and record), none in its text', async () => {
    const texts = [
      `[1, "x", ${signin(1)}, ${signin(2).slice(0, 50)}`,
      `${signin(1)}\nnot JSON\n{"createdDateTime": oops}\n{"a":${'['.repeat(100)}\n`,
      `{"value":[${signin(1)},`,
      `[{"foo":"bar"},{"createdDateTime":"yesterday","userPrincipalName":"a@b.c"}]`,
      `{"tables":[{"name":"T","columns":{"x":1},"rows":[["a"]]}]}`,
    ];
    let seen = 0;
    for (const text of texts) {
      for (const error of (await readEntra(text)).errors) {
        seen++;
        assert.ok(Number.isInteger(error.offset), JSON.stringify(error));
        assert.doesNotMatch(error.message, /^(record|byte|event|offset) \d+|^\d+[:,]/i);
      }
    }
    assert.ok(seen >= 8, `only ${seen} errors`);
  });

  it('reads nothing from empty containers, without errors', async () => {
    for (const text of ['[]', ' [ ] \n', '{"value":[]}', '{"records":[]}', '{"tables":[]}', '\n\n[]\n']) {
      const result = await readEntra(text);
      assert.deepEqual(result.rows, [], text);
      assert.deepEqual(result.errors, [], text);
      assert.equal(result.summary.records, 0);
      assert.equal(result.summary.skipped, 0);
    }
  });

  it('stops when cancelled, without calling the unread rest an error', async () => {
    const text = `[${Array.from({ length: 50 }, (_, i) => signin(i)).join(',')}]`;
    const result = await readWith(text, 256, { isCancelled: () => true });
    assert.ok(result.summary.records < 50);
    assert.deepEqual(result.errors, []);
  });
});

describe('readEntraJson: __proto__ and other hostile keys', () => {
  it('reads records with __proto__ keys without polluting any prototype', async () => {
    const text = [
      '{"__proto__":{"polluted":1},"createdDateTime":"2024-05-01T10:15:30Z","userPrincipalName":"alice@contoso.com",' +
        '"status":{"__proto__":{"errorCode":7},"errorCode":50126},"constructor":{"prototype":{"polluted":2}}}',
      '{"TimeGenerated":"2024-05-01T10:15:31Z","UserPrincipalName":"bob@contoso.com","Status":"{\\"__proto__\\":{\\"polluted\\":3},\\"errorCode\\":50034}"}',
      '{"tables":[{"name":"PrimaryResult","columns":[{"name":"__proto__","type":"dynamic"},{"name":"TimeGenerated","type":"datetime"},{"name":"OperationName","type":"string"},{"name":"LoggedByService","type":"string"}],"rows":[[{"polluted":4},"2024-05-01T10:20:06Z","Reset password (self-service)","Self-service Password Management"]]}]}',
      '{"category":"__proto__","time":"2024-05-01T10:15:30Z","properties":{"polluted":5}}',
      '{"Type":"constructor","foo":1}',
    ].join('\n');
    const result = await readEntra(text);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).errorCode, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.deepEqual(
      result.rows.map((r) => [r.kind, r.row.recordNo, r.row.ts]),
      [
        ['signin', 1, utc(2024, 5, 1, 10, 15, 30)],
        ['signin', 2, utc(2024, 5, 1, 10, 15, 31)],
        ['audit', 3, utc(2024, 5, 1, 10, 20, 6)],
      ],
    );
    const [alice, bob] = signins(result);
    assert.equal(alice!.errorCode, 50126);
    assert.equal(alice!.userPrincipalName, 'alice@contoso.com');
    assert.ok(alice!.raw.includes('"__proto__":{"polluted":1}'));
    assert.equal(bob!.errorCode, 50034);
    assert.deepEqual(
      result.errors.map((e) => e.record),
      [4, 5],
    );
    assert.match(result.errors[0]!.message, /a diagnostic record of category "__proto__" that is neither/);
  });
});
