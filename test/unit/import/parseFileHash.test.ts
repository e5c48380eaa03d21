// A file parsed whole is hashed by its parse as it is read, so the import reads it once. The hash must
// be that of every byte, however the read ends: read to the end, refused part-way (the rest is read for
// the hash alone), or not a log at all. A slice, or a cancelled read, gives none: the coordinator then
// hashes the file itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile, type ParseResult, type RowBatch } from '../../../electron/engine/import/parseFile.js';
import { tempDir } from '../../support/paths.js';
import { wevtutilFile } from '../../support/miniEvents.js';

class CountingBatch implements RowBatch {
  rows = 0;
  add(): void {
    this.rows++;
  }
  get full(): boolean {
    return this.rows >= 10;
  }
}

const sha = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

function parse(path: string, options: Parameters<typeof parseFile>[2]): Promise<ParseResult> {
  return parseFile(path, { batch: () => new CountingBatch(), rows: () => undefined }, options);
}

test('a whole file is hashed as it is read, to its last byte however the read ends', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const good = wevtutilFile(200);
    // Refused at a DOCTYPE far into the file: the reader stops there, the hash goes on to the end.
    const refused = `${wevtutilFile(100)}<!DOCTYPE Events []>${wevtutilFile(100, 101)}`;
    const files: Record<string, Buffer> = {
      'good.xml': Buffer.from(good),
      'refused.xml': Buffer.from(refused),
      'garbage.bin': Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256)),
      'empty.xml': Buffer.alloc(0),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      for (const chunkBytes of [997, 1 << 20]) {
        const r = await parse(path, { sha256: true, chunkBytes });
        assert.equal(r.sha256, sha(bytes), `${name} in ${chunkBytes}-byte chunks`);
      }
    }
    const r = await parse(join(dir, 'refused.xml'), { sha256: true, chunkBytes: 997 });
    assert.match(r.fatal?.message ?? '', /DOCTYPE/);
    assert.ok(r.fatal!.offset! < files['refused.xml']!.length / 2);
  } finally {
    cleanup();
  }
});

test('no hash of a slice, of a cancelled read, or unless asked', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'events.xml');
    const bytes = Buffer.from(wevtutilFile(200));
    writeFileSync(path, bytes);
    const slice = await parse(path, {
      sha256: true,
      range: { start: 0, end: bytes.indexOf('<Event', 5000), last: false },
    });
    assert.ok(slice.summary!.records > 0);
    assert.equal(slice.sha256, undefined);
    const cancelled = await parse(path, { sha256: true, chunkBytes: 997, isCancelled: () => true });
    assert.equal(cancelled.sha256, undefined);
    assert.equal((await parse(path, {})).sha256, undefined);
  } finally {
    cleanup();
  }
});
