// Files are read into a few buffers used in turn, so a chunk's memory is read into again later. Every
// reader must copy what it carries from one chunk to the next: read with tiny chunks (thousands of
// reuses, boundaries everywhere), each sample file must give exactly what one big chunk gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadRow } from '../../../electron/engine/rowContract.js';
import { fileChunks } from '../../../electron/engine/import/fileChunks.js';
import { parseFile, type RowBatch } from '../../../electron/engine/import/parseFile.js';
import { sampleEvidenceDir, tempDir } from '../../support/paths.js';
import { NEEDS_SHARED, realLogEntries } from '../readers/windowsXml/realLogs.js';

class ArrayBatch implements RowBatch {
  readonly list: ReadRow[] = [];
  add(row: ReadRow): void {
    this.list.push(row);
  }
  get rows(): number {
    return this.list.length;
  }
  get full(): boolean {
    return this.list.length >= 500;
  }
}

async function parseAll(path: string, chunkBytes: number) {
  const rows: ReadRow[] = [];
  const result = await parseFile(
    path,
    { batch: () => new ArrayBatch(), rows: (b) => void rows.push(...b.list) },
    {
      chunkBytes,
    },
  );
  // Plain data: the XML bytes as text, so a buffer read into again would show as a difference.
  const plain = rows.map((r) =>
    r.kind === 'win' ? { ...r.row, xmlUtf8: r.row.xmlUtf8?.toString('utf8') ?? null } : r.row,
  );
  return { rows: plain, result };
}

test('a range is read whole, in order, in chunks of the size asked for', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'bytes.bin');
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7) % 251));
    writeFileSync(path, bytes);
    const handle = await open(path, 'r');
    try {
      const seen: Buffer[] = [];
      const memory = new Set<ArrayBufferLike>();
      for await (const chunk of fileChunks(handle, 123, 9_000, 1000)) {
        assert.ok(chunk.length <= 1000);
        memory.add(chunk.buffer);
        seen.push(Buffer.from(chunk));
      }
      assert.deepEqual(Buffer.concat(seen), bytes.subarray(123, 9_000));
      assert.deepEqual(
        seen.map((c) => c.length),
        [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 877],
      );
      assert.ok(memory.size <= 3, 'the chunks share a few buffers');
      for await (const _ of fileChunks(handle, 50, 50, 1000)) assert.fail('an empty range has no chunk');
    } finally {
      await handle.close();
    }
  } finally {
    cleanup();
  }
});

test('every sample file and real recording parses the same in 997-byte chunks as in one chunk', async (t) => {
  const samples = readdirSync(sampleEvidenceDir).map((f) => join(sampleEvidenceDir, f));
  // The real recordings as XML and as their original .evtx, where ../shared is beside the project.
  const real = realLogEntries().flatMap((e) => [e.xmlPath, e.xmlPath.replace(/\.xml$/, '.evtx')]);
  if (real.length === 0) t.diagnostic(`real recordings not read: ${String(NEEDS_SHARED)}`);
  const files = [...samples, ...real];
  assert.ok(samples.length >= 5);
  assert.ok(real.length === 0 || real.length >= 26);
  for (const file of files) {
    const whole = await parseAll(file, statSync(file).size + 1);
    const chunked = await parseAll(file, 997);
    assert.ok(whole.rows.length > 0, file);
    assert.deepEqual(chunked.result.summary, whole.result.summary, file);
    assert.deepEqual(chunked.result.fatal, whole.result.fatal, file);
    assert.deepEqual(chunked.result.errors, whole.result.errors, file);
    assert.deepEqual(chunked.rows, whole.rows, file);
  }
});
