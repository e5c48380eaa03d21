// Staging folders left by killed imports (issue 12, item 7): removed at the next start when their owner
// is gone, never while it runs, and never anything that only looks like one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  createStagingDir,
  LEGACY_STALE_MS,
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

test('an older build’s folder (no owner in its name) is removed once it and its segments are a day old', () => {
  const { dir, cleanup } = tempDir();
  try {
    const now = Date.now();
    const dayAgo = (now - LEGACY_STALE_MS - 60_000) / 1000;
    const age = (path: string, seconds: number): void => utimesSync(path, seconds, seconds);
    const make = (name: string, segmentAge: number, folderAge: number): string => {
      const d = join(dir, name);
      mkdirSync(d);
      writeFileSync(join(d, 'job1-1-win_events.csv'), 'parsed evidence');
      age(join(d, 'job1-1-win_events.csv'), segmentAge);
      age(d, folderAge);
      return d;
    };
    const stale = make('accountscope-stage-Ab12Cd', dayAgo, dayAgo);
    // Still being written to: a segment from a minute ago.
    const busy = make('accountscope-stage-Ef34Gh', now / 1000 - 60, dayAgo);
    const fresh = make('accountscope-stage-Ij56Kl', now / 1000, now / 1000);
    const emptyStale = join(dir, 'accountscope-stage-Mn78Op');
    mkdirSync(emptyStale);
    age(emptyStale, dayAgo);
    // Names that are not an older build's staging folder, however old.
    const lookalike = make('accountscope-stage-toolong1', dayAgo, dayAgo);
    const other = make('someone-else-Ab12Cd', dayAgo, dayAgo);
    const target = join(dir, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'x');
    symlinkSync(target, join(dir, 'accountscope-stage-Qr90St'));

    const removed = removeStaleStagingDirs(dir, () => false, now).sort();
    assert.deepEqual(removed, [stale, emptyStale].sort());
    assert.deepEqual(
      readdirSync(dir).sort(),
      [busy, fresh, lookalike, other, target, join(dir, 'accountscope-stage-Qr90St')]
        .map((p) => basename(p))
        .sort(),
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
