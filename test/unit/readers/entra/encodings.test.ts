// Text encodings: a UTF-8 BOM, UTF-16LE with BOM (PowerShell Out-File, Windows tools), UTF-16BE, and
// bytes that are not valid in the file's encoding, which cost only the record they are in.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ReadError, ReadRow } from '../../../../electron/engine/rowContract.js';
import { readEntraJson } from '../../../../electron/engine/readers/entra/index.js';
import { InputFormatError } from '../../../../electron/engine/readers/types.js';
import { fixture, readEntra, signins, utc } from './entraTestSupport.js';

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM16LE = Buffer.from([0xff, 0xfe]);

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('readEntraJson: encodings', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accountscope-entra-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a UTF-16LE file with BOM from disk like its UTF-8 twin, non-ASCII text intact', async () => {
    const text = fixture('graph-signins-array.json')
      .toString('utf8')
      .replace('Alice Smith', 'Åsa Öberg 😀')
      .replace('"Redmond"', '"Zürich"');
    const path = join(dir, 'signins-utf16.json');
    await writeFile(path, Buffer.concat([BOM16LE, Buffer.from(text, 'utf16le')]));
    const rows: ReadRow[] = [];
    const errors: ReadError[] = [];
    // An odd chunk size puts chunk boundaries inside UTF-16 units and surrogate pairs.
    const summary = await readEntraJson(createReadStream(path, { highWaterMark: 37 }), {
      row: (r) => rows.push(r),
      error: (e) => errors.push(e),
    });
    const twin = await readEntra(text);
    assert.deepEqual(summary, twin.summary);
    assert.deepEqual(errors, []);
    assert.deepEqual(rows, twin.rows);
    const [first] = signins({ rows, errors, summary });
    assert.equal(first!.userDisplayName, 'Åsa Öberg 😀');
    assert.equal(first!.city, 'Zürich');
    assert.equal(first!.ts, utc(2024, 5, 1, 10, 15, 30, 123456));
  });

  it('reports byte offsets of a UTF-16 file in bytes of that file', async () => {
    const text = '[{"createdDateTime":"2024-05-01T10:15:30Z","userPrincipalName":"a@b.c"},\n 42]';
    const result = await readEntra(Buffer.concat([BOM16LE, Buffer.from(text, 'utf16le')]));
    assert.equal(result.summary.records, 1);
    const offset = 2 + text.indexOf('42') * 2;
    assert.deepEqual(result.errors, [{ message: 'a number, not a JSON object; skipped', offset, record: 2 }]);
  });

  it('reads UTF-8 with BOM, UTF-16BE with BOM and UTF-16LE without BOM alike', async () => {
    const text = fixture('graph-signins.jsonl').toString('utf8');
    const plain = await readEntra(text);
    for (const bytes of [
      Buffer.concat([BOM8, Buffer.from(text)]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]),
      Buffer.from(text, 'utf16le'),
    ]) {
      const result = await readEntra(bytes);
      assert.deepEqual(result.rows, plain.rows);
      assert.deepEqual(result.summary, plain.summary);
    }
  });

  it('skips a record with invalid UTF-8, naming its number and offset, and reads the others', async () => {
    const good = (n: number) =>
      `{"createdDateTime":"2024-05-01T10:15:3${n}Z","userPrincipalName":"user${n}@contoso.com"}`;
    const bad = Buffer.from(
      `{"createdDateTime":"2024-05-01T10:15:39Z","userPrincipalName":"bad\xff\xfe@contoso.com"}`,
      'latin1',
    );
    const head = Buffer.from(`[${good(1)},\n`);
    const input = Buffer.concat([head, bad, Buffer.from(`,\n${good(2)}]`)]);
    const result = await readEntra(input);
    assert.deepEqual(
      signins(result).map((r) => [r.recordNo, r.userPrincipalName]),
      [
        [1, 'user1@contoso.com'],
        [3, 'user2@contoso.com'],
      ],
    );
    assert.deepEqual(result.errors, [
      {
        message: 'not valid UTF-8 text; skipped',
        offset: head.length,
        record: 2,
      },
    ]);
    assert.equal(result.summary.skipped, 1);
  });

  it('skips a UTF-16 record holding a lone surrogate', async () => {
    const text =
      '{"createdDateTime":"2024-05-01T10:15:30Z","userPrincipalName":"\uD800x"}\n{"createdDateTime":"2024-05-01T10:15:31Z","userPrincipalName":"ok"}\n';
    const bytes = Buffer.alloc(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes.writeUInt16LE(text.charCodeAt(i), i * 2);
    const result = await readEntra(Buffer.concat([BOM16LE, bytes]));
    assert.deepEqual(
      signins(result).map((r) => r.userPrincipalName),
      ['ok'],
    );
    assert.deepEqual(result.errors[0], { message: 'not valid UTF-16 text; skipped', offset: 2, record: 1 });
  });

  it('refuses XML and binary files as a whole', async () => {
    await assert.rejects(readEntra('<Events><Event/></Events>'), InputFormatError);
    await assert.rejects(readEntra(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0])), /gzip/);
  });
});
