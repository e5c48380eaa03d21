// The same recordings written the way each export tool writes them must give the same rows: only the
// raw XML text differs. Also checks the flavour named in the summary.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FLAVOURS } from './exportFlavours.js';
import { readBytes, readFile, withoutXml, type ReadResult } from './readerHarness.js';
import { NEEDS_SHARED, realLogEntries } from './realLogs.js';

const entries = realLogEntries();
const originals = new Map<string, Promise<ReadResult>>();
const original = (id: string, file: string): Promise<ReadResult> => {
  if (!originals.has(id)) originals.set(id, readFile(file));
  return originals.get(id)!;
};

describe('every export flavour gives the same rows', { skip: NEEDS_SHARED }, () => {
  for (const flavour of FLAVOURS) {
    it(`${flavour.name}: all ${entries.length} recordings`, async () => {
      for (const entry of entries) {
        const expected = await original(entry.id, entry.xmlPath);
        const bytes = flavour.write(readFileSync(entry.xmlPath, 'utf8'));
        const got = await readBytes(bytes);
        assert.deepEqual(got.errors, [], `${entry.id}`);
        assert.equal(got.summary.variant, flavour.variant, `${entry.id}`);
        assert.equal(got.rows.length, entry.events, `${entry.id}`);
        for (let i = 0; i < got.rows.length; i++) {
          assert.deepEqual(
            withoutXml(got.rows[i]!),
            withoutXml(expected.rows[i]!),
            `${entry.id} event ${i + 1}`,
          );
        }
      }
    });
  }

  it('chunk boundaries anywhere (odd sizes cut UTF-16 code units and tags in two) change nothing', async () => {
    const small = entries.filter((e) => e.id === 'R01' || e.id === 'R21' || e.id === 'R25');
    for (const entry of small) {
      const expected = (await original(entry.id, entry.xmlPath)).rows.map(withoutXml);
      for (const flavour of FLAVOURS) {
        const bytes = flavour.write(readFileSync(entry.xmlPath, 'utf8'));
        for (const chunkSize of [1, 3, 7, 512]) {
          const got = await readBytes(bytes, chunkSize);
          assert.deepEqual(got.errors, [], `${entry.id} ${flavour.name} chunks of ${chunkSize}`);
          assert.deepEqual(
            got.rows.map(withoutXml),
            expected,
            `${entry.id} ${flavour.name} chunks of ${chunkSize}`,
          );
        }
      }
    }
  });

  it('keeps each event’s own text as xml, decoded from any encoding', async () => {
    const entry = entries.find((e) => e.id === 'R01')!;
    for (const flavour of FLAVOURS) {
      const bytes = flavour.write(readFileSync(entry.xmlPath, 'utf8'));
      const { rows } = await readBytes(bytes);
      for (const row of rows) {
        assert.match(
          row.xml ?? '',
          /^<Event xmlns=["']http:\/\/schemas\.microsoft\.com\/win\/2004\/08\/events\/event["']>/,
        );
        assert.match(row.xml ?? '', /<\/Event>$/);
      }
      assert.ok(rows[0]!.xml?.includes('<Data Name') && rows[0]!.xml.includes('IEUser'), flavour.name);
    }
  });
});
