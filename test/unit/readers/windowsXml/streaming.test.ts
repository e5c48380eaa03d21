// The file is streamed, never held: oversized events are dropped while they pass, memory stays bounded,
// offsets are file offsets, and a cancelled import stops between chunks.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readChunks, readFile, readText, securityEvent } from './readerHarness.js';

const MiB = 1024 * 1024;
const A = securityEvent(4624, { TargetUserName: 'alice' }, 1);
const C = securityEvent(4624, { TargetUserName: 'carol' }, 3);

/** A, then an event whose one attribute is `attributeBytes` long, then C, produced chunk by chunk. */
async function* withHugeEvent(attributeBytes: number, sample?: () => void): AsyncGenerator<Buffer> {
  yield Buffer.from(`${A}\n<Event><System><EventID>4624</EventID></System><EventData><Data Name='`);
  const chunk = Buffer.alloc(MiB, 'A');
  for (let sent = 0; sent < attributeBytes; sent += MiB) {
    sample?.();
    yield chunk;
  }
  yield Buffer.from(`'>x</Data></EventData></Event>\n${C}`);
}

describe('streaming', () => {
  it('an event over the 16 MiB limit (a 64 MiB attribute) is skipped with its offset and record', async () => {
    const { rows, errors, summary } = await readChunks(withHugeEvent(64 * MiB));
    assert.deepEqual(
      rows.map((r) => [r.recordNo, r.targetUser]),
      [
        [1, 'alice'],
        [3, 'carol'],
      ],
    );
    assert.deepEqual(errors, [
      {
        message:
          'larger than the 16 MiB limit for one event; the event is skipped and reading goes on after it',
        offset: A.length + 1,
        record: 2,
      },
    ]);
    assert.deepEqual([summary.records, summary.skipped], [2, 1]);
  });

  it('memory stays bounded while an oversized event streams past', async () => {
    globalThis.gc?.();
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const sample = (): void => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
    };
    // A 1 MiB limit and a 64 MiB event: holding the event would take 64 MiB or more.
    const { rows, errors } = await readChunks(withHugeEvent(64 * MiB, sample), { maxRecordBytes: MiB });
    assert.equal(rows.length, 2);
    assert.equal(errors.length, 1);
    assert.ok(peak < 16 * MiB, `external memory grew by ${(peak / MiB).toFixed(1)} MiB`);
  });

  it('the limit counts whole events: one just over it is skipped, one at it is read', async () => {
    const limit = A.length;
    const bigger = securityEvent(4624, { TargetUserName: 'alice!' }, 2);
    const { rows, errors } = await readText(`${A}${bigger}${A}`, 10, { maxRecordBytes: limit });
    assert.deepEqual(
      rows.map((r) => r.recordNo),
      [1, 3],
    );
    assert.equal(errors.length, 1);
    assert.deepEqual([errors[0]!.record, errors[0]!.offset], [2, A.length]);
    assert.match(errors[0]!.message, new RegExp(`^larger than the ${limit} bytes limit`));
  });

  it('reads from a file stream, and stops between chunks when cancelled', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'accountscope-xml-'));
    try {
      const file = path.join(dir, 'security.xml');
      writeFileSync(
        file,
        Array.from({ length: 2000 }, (_v, i) => securityEvent(4625, { IpAddress: '10.0.0.1' }, i + 1)).join(
          '\r\n',
        ),
      );
      const all = await readFile(file);
      assert.equal(all.rows.length, 2000);
      assert.equal(all.summary.variant, 'powershell-lines');
      let checks = 0;
      const cancelled = await readFile(file, { isCancelled: () => ++checks > 1 });
      assert.ok(cancelled.rows.length > 0 && cancelled.rows.length < 2000, `read ${cancelled.rows.length}`);
      assert.equal(cancelled.summary.records, cancelled.rows.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('whitespace inside </Event >, and a file that is one event with no line break, are read', async () => {
    const spaced = A.replace('</Event>', '</Event \r\n>');
    const { rows, errors, summary } = await readText(`${spaced}${C}`, 3);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      rows.map((r) => r.targetUser),
      ['alice', 'carol'],
    );
    assert.equal(summary.variant, 'wevtutil');
  });
});
