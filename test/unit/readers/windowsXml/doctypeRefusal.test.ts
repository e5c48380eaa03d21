// A document type declaration is how billion-laughs and XXE attacks get in. Windows never writes one, so
// the reader refuses the file the moment it sees one, wherever it is, before any parser sees it.
import assert from 'node:assert/strict';
import fs, { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputFormatError } from '../../../../electron/engine/readers/types.js';
import { utf16le } from './exportFlavours.js';
import { chunksOf, readText, readUntilFailure, securityEvent } from './readerHarness.js';

const A = securityEvent(4624, { TargetUserName: 'alice' }, 1);
const B = securityEvent(4624, { TargetUserName: 'bob' }, 2);

function assertRefusedAt(failure: unknown, offset: number): void {
  assert.ok(failure instanceof InputFormatError, `expected an InputFormatError, got ${String(failure)}`);
  assert.equal(failure.offset, offset);
  assert.equal(
    failure.message,
    'the file contains a document type declaration (<!DOCTYPE). Windows never writes one, ' +
      'and it can expand entities without limit or read other files, so the file is refused',
  );
}

async function* once(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text);
}

describe('DOCTYPE', () => {
  const SECRET = 'canary-secret-7f3a9c';
  let dir = '';
  let canary = '';
  const opened: string[] = [];
  const originals = {
    openSync: fs.openSync,
    open: fs.open,
    readFileSync: fs.readFileSync,
    readFile: fs.readFile,
    createReadStream: fs.createReadStream,
  };

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'accountscope-xxe-'));
    canary = path.join(dir, 'canary.txt');
    writeFileSync(canary, SECRET);
    // Every way of opening a file is watched: an entity resolver would have to use one of them.
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

  it('XXE: the external entity is never resolved and the canary file is never opened', async () => {
    const prolog = `<?xml version="1.0"?>\n`;
    const xxe = `${prolog}<!DOCTYPE Event [<!ENTITY xxe SYSTEM "file://${canary}">]>\n${securityEvent(4624, { TargetUserName: '&xxe;' })}`;
    const refused = await readUntilFailure(once(xxe));
    assertRefusedAt(refused.failure, prolog.length);
    assert.deepEqual([refused.rows, refused.errors], [[], []]);

    // Without the declaration the entity is merely undefined: that event is skipped, nothing is read.
    const { rows, errors } = await readText(securityEvent(4624, { TargetUserName: '&xxe;' }) + A);
    assert.deepEqual(
      rows.map((r) => r.targetUser),
      ['alice'],
    );
    assert.equal(errors.length, 1);
    assert.deepEqual([errors[0]!.record, errors[0]!.offset], [1, 0]);
    assert.match(errors[0]!.message, /^malformed XML \(.*undefined entity.*\); the event is skipped$/);
    assert.deepEqual(
      opened.filter((file) => file.includes('canary')),
      [],
    );
    assert.ok(!JSON.stringify(rows.map((r) => [r.xml, r.data])).includes(SECRET));
  });

  it('billion laughs: refused at the declaration, before the rest of the file is even read', async () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1 || ''};`.repeat(10)}">`);
    const prolog = `<?xml version="1.0"?>\n`;
    const head = `${prolog}<!DOCTYPE lolz [${entities.join('')}]>\n<Events><Event><System><EventID>`;
    let pulledAfterHead = 0;
    const endless = (async function* () {
      yield Buffer.from(head);
      // An endless body of entity references: a reader that went on would never finish.
      const body = Buffer.from('&lol9;'.repeat(10000));
      for (;;) {
        pulledAfterHead++;
        yield body;
      }
    })();
    const refused = await readUntilFailure(endless);
    assertRefusedAt(refused.failure, prolog.length);
    assert.deepEqual([refused.rows, refused.errors], [[], []]);
    // The reader asks for 4 KiB before deciding the encoding, so one body chunk may have been pulled.
    assert.ok(pulledAfterHead <= 1, `read ${pulledAfterHead} chunks past the declaration`);
  });

  it('between events: the events before it are handed on, nothing after it', async () => {
    for (const chunkSize of [1, 5, 65536]) {
      const refused = await readUntilFailure(chunksOf(Buffer.from(`${A}\n<!DOCTYPE x>\n${B}`), chunkSize));
      assertRefusedAt(refused.failure, A.length + 1);
      assert.deepEqual(
        refused.rows.map((r) => r.targetUser),
        ['alice'],
        `chunks of ${chunkSize}`,
      );
    }
  });

  it('inside an event, in lower case, and in UTF-16 (offset in bytes, BOM included)', async () => {
    const inside = A.replace('<EventData>', '<EventData><!DOCTYPE x>');
    assertRefusedAt((await readUntilFailure(once(inside))).failure, inside.indexOf('<!DOCTYPE'));
    assertRefusedAt((await readUntilFailure(once(`${A}<!doctype x>`))).failure, A.length);
    const wide = utf16le(`${A}\r\n<!DOCTYPE x>${B}`);
    for (const chunkSize of [1, 7, 65536]) {
      assertRefusedAt((await readUntilFailure(chunksOf(wide, chunkSize))).failure, 2 + (A.length + 2) * 2);
    }
  });

  it('inside an event too large to read, while it is being skipped', async () => {
    const huge = `<Event><EventData><Data>${'x'.repeat(5000)}<!DOCTYPE x>${'y'.repeat(5000)}</Data></EventData></Event>`;
    const refused = await readUntilFailure(chunksOf(Buffer.from(`${A}${huge}${B}`), 1000), {
      maxRecordBytes: 2000,
    });
    assertRefusedAt(refused.failure, A.length + huge.indexOf('<!DOCTYPE'));
    assert.equal(refused.errors.length, 1); // the oversized event, reported before the declaration was reached
  });
});
