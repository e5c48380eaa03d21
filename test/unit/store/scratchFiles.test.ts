// Temporary files of stopped runs (snapshots, merges, saves, exports, analyze's scratch case): the next run
// that writes one in a folder removes those whose writer is provably gone, and nothing else — never one a
// live process is writing, never another machine's, never a name that only looks like one, nor a link.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  SELF,
  describeLeftovers,
  makeAnalyzeScratch,
  ownerGone,
  scratchOwner,
  scratchPath,
  sweepLeftovers,
  systemProbe,
} from '../../../electron/engine/store/scratchFiles.js';
import { tempDir } from '../../support/paths.js';

let live: ChildProcess;
let deadPid: number;

before(async () => {
  // A process that runs through the tests, and one that has ended.
  live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  await new Promise((r) => live.once('spawn', r));
  const ended = spawnSync(process.execPath, ['-e', '']);
  deadPid = ended.pid!;
  assert.ok(!systemProbe.alive(deadPid), 'the ended process is gone');
});

after(() => {
  live.kill();
});

const name = (base: string, kind: string, pid: number, start: string, machine = SELF.machine) =>
  `.${base}.${kind}-${machine}-${pid}-${start}-0123abcd`;

test('a name this process writes carries it, and parses back', () => {
  const path = scratchPath('/cases/client.duckdb', 'snapshot');
  assert.match(basename(path), /^\.client\.duckdb\.snapshot-[0-9a-f]{8}-\d+-[kt][0-9a-z]+-[0-9a-f]{8}$/);
  assert.deepEqual(scratchOwner(basename(path)), SELF);
  assert.deepEqual(scratchOwner(`${basename(path)}.wal`), SELF);
  assert.deepEqual(scratchOwner(`${basename(path)}.tmp`), SELF);
  assert.equal(scratchOwner(`${basename(path)}.bak`), null);
  assert.equal(scratchOwner('.client.duckdb.snapshot-1234-0123abcd'), null, 'an older build’s name');
  if (process.platform === 'linux') assert.match(SELF.start, /^k/, 'Linux: the start read from /proc');
});

test('stale leftovers are removed with their DuckDB companions; a live writer’s are kept', () => {
  const { dir, cleanup } = tempDir('accountscope-scratch-');
  try {
    const liveStart = systemProbe.startOf(live.pid!) ?? 't0';
    const stale = name('case.duckdb', 'snapshot', deadPid, 'k1a2b3');
    writeFileSync(join(dir, stale), Buffer.alloc(4096, 1));
    writeFileSync(join(dir, `${stale}.wal`), 'log');
    mkdirSync(join(dir, `${stale}.tmp`));
    writeFileSync(join(dir, `${stale}.tmp`, 'duckdb_temp_storage-0.tmp'), Buffer.alloc(1000));
    const staleMerge = name('all.duckdb', 'merging', deadPid, 'k1a2b3');
    mkdirSync(join(dir, staleMerge));
    writeFileSync(join(dir, staleMerge, 'merged.duckdb'), Buffer.alloc(2048));

    const kept = [
      // A live process writing: the child's own start.
      name('case.duckdb', 'merging', live.pid!, liveStart),
      // This process's own.
      basename(scratchPath(join(dir, 'case.duckdb'), 'saving')),
      // Another machine's (or container's) writer, whose process ids mean nothing here.
      name('case.duckdb', 'snapshot', deadPid, 'k1a2b3', '0badc0de'),
      // Names that only look like ours.
      `.case.duckdb.snapshot-${deadPid}-0123abcd`,
      `.case.duckdb.snapshot-${SELF.machine}-${deadPid}-k1a2b3-0123abcd.bak`,
      `case.duckdb.snapshot-${SELF.machine}-${deadPid}-k1a2b3-0123abcd`,
      'case.duckdb',
    ];
    for (const k of kept) writeFileSync(join(dir, k), 'keep');
    // A link named as a stale leftover is not followed, nor removed.
    const target = join(dir, 'evidence');
    mkdirSync(target);
    writeFileSync(join(target, 'Security.evtx'), 'evidence');
    const link = name('case.duckdb', 'exporting', deadPid, 'k1a2b3').replace('0123abcd', '0000ffff');
    symlinkSync(target, join(dir, link));

    const removed = sweepLeftovers(dir);
    assert.deepEqual(
      removed.map((r) => [basename(r.path), r.bytes]).sort(),
      [
        [stale, 4096],
        [`${stale}.tmp`, 1000],
        [`${stale}.wal`, 3],
        [staleMerge, 2048],
      ].sort(),
    );
    assert.deepEqual(readdirSync(dir).sort(), [...kept, 'evidence', link].sort());
    assert.deepEqual(readdirSync(target), ['Security.evtx']);
    assert.match(
      describeLeftovers(removed.filter((r) => r.path.endsWith(staleMerge)))[0]!,
      /^removed .*\.all\.duckdb\.merging-.* \(2\.0 KiB\), left by an AccountScope run that was stopped$/,
    );
  } finally {
    cleanup();
  }
});

test('a process of the writer’s id that started at another time is not the writer', () => {
  const liveStart = systemProbe.startOf(live.pid!);
  const owner = (pid: number, start: string) => ({ machine: SELF.machine, pid, start });
  assert.equal(ownerGone(owner(deadPid, 'k1')), true);
  if (liveStart !== null) {
    assert.equal(ownerGone(owner(live.pid!, liveStart)), false);
    assert.equal(ownerGone(owner(live.pid!, `${liveStart}0`)), true, 'the pid was reused');
    // A start not read from /proc cannot be compared with one that was: kept.
    assert.equal(ownerGone(owner(live.pid!, 't1')), false);
  }
  // Where another process's start cannot be read, a live process of that id keeps its files.
  const blind = { alive: () => true, startOf: () => null };
  assert.equal(ownerGone(owner(live.pid!, 'k1'), blind), false);
  // This process's id with another start: the earlier holder of the id, gone.
  assert.equal(ownerGone(owner(process.pid, SELF.start)), false);
  assert.equal(ownerGone(owner(process.pid, `${SELF.start}0`)), true);
  assert.equal(ownerGone({ ...owner(deadPid, 'k1'), machine: '0badc0de' }), false);
});

test('analyze’s scratch case folder is named for its owner and swept like the rest', () => {
  const { dir, cleanup } = tempDir('accountscope-scratch-');
  try {
    const mine = makeAnalyzeScratch(dir);
    assert.deepEqual(scratchOwner(basename(mine)), SELF);
    const stale = join(dir, `accountscope-analyze-${SELF.machine}-${deadPid}-k1a2b3-AbC123`);
    mkdirSync(stale);
    writeFileSync(join(stale, 'case.duckdb'), Buffer.alloc(100));
    assert.deepEqual(
      sweepLeftovers(dir).map((r) => r.path),
      [stale],
    );
    assert.ok(existsSync(mine));
  } finally {
    cleanup();
  }
});
