// Staging folders left by killed imports (issue 12, item 7): removed at the next start when their owner
// is gone, never while it runs, and never anything that only looks like one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  createStagingDir,
  processAlive,
  removeStaleStagingDirs,
} from '../../../electron/engine/store/stagingDir.js';
import { tempDir } from '../../support/paths.js';

test('only folders of this machine whose process is gone are removed', () => {
  const { dir, cleanup } = tempDir();
  try {
    const mine = createStagingDir(dir);
    const owner = /^accountscope-stage-([0-9a-f]{8})-(\d+)-/.exec(basename(mine));
    assert.ok(owner, basename(mine));
    assert.equal(Number(owner[2]), process.pid);
    const host = owner[1]!;
    const dead = join(dir, `accountscope-stage-${host}-4000001-aaaaaa`);
    const alive = join(dir, `accountscope-stage-${host}-4000002-bbbbbb`);
    const otherHost = join(dir, `accountscope-stage-0badc0de-4000001-cccccc`);
    const legacy = join(dir, 'accountscope-stage-dddddd');
    for (const d of [dead, alive, otherHost, legacy]) {
      mkdirSync(d);
      writeFileSync(join(d, 'segment-1.csv'), 'parsed evidence');
    }
    const target = join(dir, 'not-a-staging-folder');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'x');
    symlinkSync(target, join(dir, `accountscope-stage-${host}-4000003-eeeeee`));

    const removed = removeStaleStagingDirs(dir, (pid) => pid === 4000002);
    assert.deepEqual(removed, [dead]);
    assert.deepEqual(
      readdirSync(dir).sort(),
      [
        basename(legacy),
        basename(otherHost),
        basename(alive),
        `accountscope-stage-${host}-4000003-eeeeee`,
        basename(mine),
        'not-a-staging-folder',
      ].sort(),
    );
    assert.deepEqual(readdirSync(target), ['keep.txt']);
  } finally {
    cleanup();
  }
});

test('processAlive tells this process from one that is gone', () => {
  assert.equal(processAlive(process.pid), true);
  assert.equal(processAlive(2 ** 22 + 12345), false);
});
