import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressBar, formatBytes } from '../../../electron/engine/cli/progressBar.js';

function fakeTerminal(columns: number | undefined, isTTY = true) {
  const written: string[] = [];
  const out = { isTTY, columns, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { out, written };
}

const progress = {
  path: '/evidence/WS01-Security.xml',
  fileIndex: 0,
  fileCount: 2,
  bytesRead: 5 << 20,
  size: 10 << 20,
  events: 1000,
  eventsPerSec: 2500,
  bytesPerSec: 1 << 20,
};

test('draws on a terminal, even one that reports zero columns, and clears itself', () => {
  for (const columns of [0, undefined, 120]) {
    const { out, written } = fakeTerminal(columns);
    const bar = new ProgressBar(out);
    bar.update(progress);
    bar.clear();
    assert.equal(written.length, 2, `columns ${columns}`);
    assert.match(written[0]!, /\[1\/2\] \[#{12}-{12}\]\s+50% 5\.0 MiB\/10 MiB 2500 ev\/s/);
    assert.match(written[1]!, /^\r +\r$/);
  }
});

test('draws nothing when stderr is not a terminal (CI logs, pipes)', () => {
  const { out, written } = fakeTerminal(100, false);
  const bar = new ProgressBar(out);
  bar.update(progress);
  bar.clear();
  assert.deepEqual(written, []);
});

test('formatBytes', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(300 * 1024 * 1024), '300 MiB');
});
