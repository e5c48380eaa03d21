// Hostile evidence through the whole pipeline: every bad file fails on its own with a clear error that
// names it, nothing is expanded or read beyond it, and the good files of the same import still load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { tempDir } from '../../support/paths.js';
import { eventXml, wevtutilFile } from '../../support/miniEvents.js';

test('a folder of hostile files next to good ones', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const ev = join(dir, 'ev');
    const canary = join(dir, 'canary.txt');
    writeFileSync(canary, 'CANARY-7f3a');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(ev);
    writeFileSync(join(ev, '00-good.xml'), wevtutilFile(7));
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join(
      '',
    );
    writeFileSync(
      join(ev, '01-billion-laughs.xml'),
      `<?xml version="1.0"?><!DOCTYPE Events [<!ENTITY lol0 "lol">${lol}]><Events><Event><System><EventID>&lol9;</EventID></System></Event></Events>`,
    );
    writeFileSync(
      join(ev, '02-xxe.xml'),
      `<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file://${canary}">]>` +
        eventXml({ eventId: 4688, recordId: 1, time: '2026-03-14T09:00:00Z', data: { CommandLine: '&x;' } }),
    );
    writeFileSync(join(ev, '03-deep.json'), '[' + '{"a":'.repeat(50000) + '1' + '}'.repeat(50000) + ']');
    writeFileSync(
      join(ev, '04-bad-utf8.xml'),
      Buffer.concat([
        Buffer.from(wevtutilFile(2, 10)),
        Buffer.from(
          eventXml({
            eventId: 4688,
            recordId: 12,
            time: '2026-03-14T09:00:00Z',
            data: { CommandLine: 'XX' },
          }),
        ).map((b) => (b === 0x58 ? 0xff : b)),
        Buffer.from(wevtutilFile(1, 13)),
      ]),
    );
    // A 64 MiB attribute value between two good events, written in pieces (never held whole here).
    const big = openSync(join(ev, '05-huge-attribute.xml'), 'w');
    writeSync(big, wevtutilFile(1, 20));
    writeSync(
      big,
      `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='`,
    );
    const mib = Buffer.alloc(1 << 20, 0x41);
    for (let i = 0; i < 64; i++) writeSync(big, mib);
    writeSync(big, `'/><EventID>4688</EventID></System></Event>\n`);
    writeSync(big, wevtutilFile(1, 22));
    closeSync(big);
    writeFileSync(
      join(ev, '06-proto.json'),
      JSON.stringify([
        {
          __proto__: { polluted: 1 },
          createdDateTime: '2026-03-14T10:00:00Z',
          userPrincipalName: 'a@b.c',
          ipAddress: '203.0.113.9',
          status: { errorCode: 50034 },
        },
      ]).replace('"createdDateTime"', '"__proto__":{"polluted":1},"createdDateTime"'),
    );

    const db = await openCase(join(dir, 'case.duckdb'));
    const importer = new Importer(db);
    const sources = await importer.importPaths([ev]);
    await importer.close();
    const by = (name: string) => sources.find((s) => s.path.endsWith(name))!;

    assert.equal(by('00-good.xml').events, 7);
    assert.deepEqual(by('00-good.xml').errors, []);
    assert.equal(by('01-billion-laughs.xml').events, 0);
    assert.match(by('01-billion-laughs.xml').errors[0]!.message, /DOCTYPE/);
    assert.equal(by('02-xxe.xml').events, 0);
    assert.match(by('02-xxe.xml').errors[0]!.message, /DOCTYPE/);
    assert.match(by('03-deep.json').errors[0]!.message, /deeper than 64/);
    assert.equal(by('04-bad-utf8.xml').events, 3);
    assert.equal(by('04-bad-utf8.xml').errors.length, 1);
    assert.match(by('04-bad-utf8.xml').errors[0]!.message, /UTF-8/);
    assert.equal(by('04-bad-utf8.xml').errors[0]!.record, 3);
    assert.equal(by('05-huge-attribute.xml').events, 2);
    assert.equal(by('05-huge-attribute.xml').errors.length, 1);
    assert.equal(by('05-huge-attribute.xml').errors[0]!.record, 2);
    assert.equal(by('06-proto.json').events, 1);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);

    // Nothing of the canary reached the case, and the entity text was never expanded into a row.
    const r = await db.conn.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM win_events WHERE xml LIKE '%CANARY%' OR xml LIKE '%lollollol%'`,
    );
    assert.equal(r.getRowObjects()[0]!['n'], 0);
    const total = await db.conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM win_events');
    assert.equal(total.getRowObjects()[0]!['n'], 7 + 3 + 2);
    db.close();
  } finally {
    cleanup();
  }
});

test('two different rejected files with the same (empty) content are each reported, not as duplicates', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'a.xml'), '');
    writeFileSync(join(dir, 'b.json'), '');
    const db = await openCase(join(dir, 'case.duckdb'));
    const importer = new Importer(db);
    const sources = await importer.importPaths([join(dir, 'a.xml'), join(dir, 'b.json')]);
    await importer.close();
    for (const s of sources) {
      assert.equal(s.duplicate, undefined);
      assert.match(s.errors[0]!.message, /empty/);
    }
    db.close();
  } finally {
    cleanup();
  }
});
