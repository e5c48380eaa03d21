// Files built to hurt a parser, and files that are merely damaged: the reader must refuse the first at
// once and read everything it can from the second, saying exactly where each problem is.
import assert from 'node:assert/strict';
import fs, { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputFormatError } from '../../../../electron/engine/readers/types.js';
import { utf16le } from './exportFlavours.js';
import { readBytes, readChunks, readText, securityEvent } from './readerHarness.js';

const A = securityEvent(4624, { TargetUserName: 'alice' }, 1);
const B = securityEvent(4624, { TargetUserName: 'bob' }, 2);
const C = securityEvent(4624, { TargetUserName: 'carol' }, 3);

async function refused(run: Promise<unknown>, offset: number, message: RegExp): Promise<void> {
  await assert.rejects(run, (error: unknown) => {
    assert.ok(error instanceof InputFormatError, String(error));
    assert.equal(error.offset, offset);
    assert.match(error.message, message);
    return true;
  });
}

describe('DOCTYPE is refused anywhere', () => {
  let dir = '';
  let canary = '';
  const SECRET = 'canary-secret-7f3a9c';
  const opened: string[] = [];
  const originals = { openSync: fs.openSync, open: fs.open, readFileSync: fs.readFileSync, readFile: fs.readFile, createReadStream: fs.createReadStream };

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'accountscope-xxe-'));
    canary = path.join(dir, 'canary.txt');
    writeFileSync(canary, SECRET);
    // Every way to open a file is watched: an XXE-capable parser would have to go through one of them.
    const watch = <F extends (...args: never[]) => unknown>(original: F): F =>
      ((...args: Parameters<F>) => {
        opened.push(String(args[0]));
        return original(...args);
      }) as F;
    fs.openSync = watch(originals.openSync);
    fs.open = watch(originals.open) as typeof fs.open;
    fs.readFileSync = watch(originals.readFileSync) as typeof fs.readFileSync;
    fs.readFile = watch(originals.readFile) as typeof fs.readFile;
    fs.createReadStream = watch(originals.createReadStream);
    syncBuiltinESMExports();
  });

  after(() => {
    Object.assign(fs, originals);
    syncBuiltinESMExports();
    rmSync(dir, { recursive: true, force: true });
  });

  it('XXE: an external entity is never resolved and the canary file is never opened', async () => {
    const xxe =
      `<?xml version="1.0"?>\n<!DOCTYPE Event [<!ENTITY xxe SYSTEM "file://${canary}">]>\n` +
      securityEvent(4624, { TargetUserName: '&xxe;' });
    const seen: string[] = [];
    await refused(
      readChunks(
        (async function* () {
          yield Buffer.from(xxe);
        })(),
      ).then((r) => seen.push(JSON.stringify(r))),
      22,
      /byte 22: the file contains a document type declaration \(<!DOCTYPE\)/,
    );
    // Without the declaration the entity is simply undefined: the event is skipped, nothing is read.
    const { rows, errors } = await readText(securityEvent(4624, { TargetUserName: '&xxe;' }) + A);
    assert.equal(rows.length, 1);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /^event 1 at byte 0: malformed XML \(.*undefined entity.*\); the event is skipped$/);
    assert.deepEqual(seen, []);
    assert.ok(!opened.some((file) => file.includes('canary')), `opened: ${opened.join(', ')}`);
    assert.ok(!JSON.stringify(rows.map((r) => r.xml)).includes(SECRET));
  });

  it('billion laughs: refused at the declaration, before the rest of the file is even read', async () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1 || ''};`.repeat(10)}">`);
    const head = `<?xml version="1.0"?>\n<!DOCTYPE lolz [${entities.join('')}]>\n<Events><Event><System><EventID>`;
    let pulled = 0;
    const endless = (async function* () {
      yield Buffer.from(head);
      // A never-ending body of entity references: reading it through would never finish.
      const body = Buffer.from('&lol9;'.repeat(10000));
      for (;;) {
        pulled++;
        yield body;
      }
    })();
    await refused(readChunks(endless), 22, /document type declaration/);
    assert.ok(pulled <= 1, `read ${pulled} chunks past the declaration`);
  });

  it('between events, inside an event, split over chunks, lower case, in UTF-16: refused at its byte', async () => {
    const rowsBefore: number[] = [];
    const middle = `${A}\n<!DOCTYPE x>\n${B}`;
    for (const chunkSize of [1, 5, 65536]) {
      const { rows } = await readText(A).then((r) => r); // sanity: A alone is fine
      assert.equal(rows.length, 1);
      await refused(readText(middle, chunkSize), A.length + 1, /byte \d+: the file contains/);
    }
    const inside = A.replace('<EventData>', '<EventData><!DOCTYPE x>');
    await refused(readText(inside), inside.indexOf('<!DOCTYPE'), /document type declaration/);
    await refused(readText(`${A}<!doctype x>`), A.length, /document type declaration/);
    const wide = utf16le(`${A}\r\n<!DOCTYPE x>${B}`);
    await refused(readBytes(wide, 7), 2 + (A.length + 2) * 2, /document type declaration/);
    assert.deepEqual(rowsBefore, []);
  });

  it('events wholly before the declaration are still handed on', async () => {
    const rows: string[] = [];
    await assert.rejects(
      import('../../../../electron/engine/readers/windowsXml/index.js').then(({ readWindowsXml }) =>
        readWindowsXml(
          (async function* () {
            yield Buffer.from(`${A}${B}<!DOCTYPE x>${C}`);
          })(),
          { row: (r) => rows.push(r.kind === 'win' ? r.row.targetUser! : ''), error: () => undefined },
        ),
      ),
      InputFormatError,
    );
    assert.deepEqual(rows, ['alice', 'bob']);
  });
});

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
      assert.deepEqual({ offset: errors[0]!.offset, record: errors[0]!.record }, { offset: cStart, record: 3 });
      assert.match(errors[0]!.message, new RegExp(`^event 3 at byte ${cStart}: the file ends before this event does`));
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
    assert.match(errors[0]!.message, new RegExp(`not closed before the next <Event> at byte ${bAt + 301}`));
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
      assert.deepEqual({ offset: errors[0]!.offset, record: errors[0]!.record }, { offset: bStart, record: 2 });
      assert.equal(
        errors[0]!.message,
        `event 2 at byte ${bStart}: invalid UTF-8 at byte ${bStart + before.length + 1}; the event is skipped`,
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
      assert.deepEqual({ offset: errors[i]!.offset, record: errors[i]!.record }, { offset, record: 2 * i + 1 });
      assert.match(errors[i]!.message, new RegExp(`^event ${2 * i + 1} at byte ${offset}: malformed XML \\(\\d+:\\d+: .+\\); the event is skipped$`));
      offset += event.length + C.length + 2;
    }
    assert.deepEqual([summary.records, summary.skipped], [broken.length, broken.length]);
  });

  it('unexpected text between events is reported and ignored', async () => {
    const { rows, errors } = await readText(`${A}\nthis is not xml\n${B}`);
    assert.equal(rows.length, 2);
    assert.deepEqual(errors, [
      { message: `byte ${A.length + 1}: unexpected content outside any event: "this is not xml\\n"; it is ignored`, offset: A.length + 1 },
    ]);
  });

  it('XML that holds no event at all, or JSON, is refused as not an event export', async () => {
    await refused(readText('<html><body>hello</body></html>'), 0, /no Windows <Event> found/);
    await refused(readText('[{"createdDateTime": "2024-01-01T00:00:00Z"}]'), 0, /JSON/);
    const { rows, errors } = await readText('<?xml version="1.0"?><Events></Events>');
    assert.deepEqual([rows.length, errors.length], [0, 0]);
  });
});
