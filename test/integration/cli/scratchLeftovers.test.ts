// The command line removes what a killed run left where it is about to write — a merge's folder beside
// the target, a timeline's partial file beside it, analyze's scratch case in the temp folder — says so on
// stderr, and leaves a running process's files alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SELF, systemProbe } from '../../../electron/engine/store/scratchFiles.js';
import { projectRoot, sampleEvidenceDir, tempDir } from '../../support/paths.js';

const cli = join(projectRoot, 'bin', 'accountscope.js');
let dir: string;
let cleanup: () => void;
let live: ChildProcess;
let deadPid: number;

const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: projectRoot, env });
const owner = (pid: number, start: string) => `${SELF.machine}-${pid}-${start}`;
const liveOwner = () => owner(live.pid!, systemProbe.startOf(live.pid!) ?? 't0');

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-cli-sweep-'));
  live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300000)'], { stdio: 'ignore' });
  await new Promise((r) => live.once('spawn', r));
  deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
  for (const [name, file] of [
    ['a.duckdb', 'WS01-Security.xml'],
    ['b.duckdb', 'SRV-PROV01-Security.xml'],
  ] as const) {
    const r = run(['import', join(sampleEvidenceDir, file), '--case', join(dir, name)]);
    assert.equal(r.status, 0, r.stderr);
  }
});

after(() => {
  live.kill();
  cleanup?.();
});

test('merge removes a killed merge’s folder beside the target, not a running one’s, and says so', () => {
  const stale = join(dir, `.all.duckdb.merging-${owner(deadPid, 'k9')}-00000001`);
  mkdirSync(stale);
  writeFileSync(join(stale, 'merged.duckdb'), Buffer.alloc(3 * 1024 * 1024));
  const running = join(dir, `.other.duckdb.merging-${liveOwner()}-00000002`);
  mkdirSync(running);
  writeFileSync(join(running, 'merged.duckdb'), 'being written');
  const r = run(['merge', join(dir, 'a.duckdb'), join(dir, 'b.duckdb'), '--case', join(dir, 'all.duckdb')]);
  assert.ok(r.status === 0 || r.status === 4, r.stderr);
  assert.ok(
    r.stderr.includes(
      `accountscope: removed ${stale} (3.0 MiB), left by an AccountScope run that was stopped\n`,
    ),
    r.stderr,
  );
  assert.ok(!existsSync(stale));
  assert.ok(existsSync(join(running, 'merged.duckdb')));
  assert.ok(existsSync(join(dir, 'all.duckdb')));
});

test('export --timesketch removes a killed export’s partial timeline beside the file', () => {
  const out = join(dir, 'timeline');
  mkdirSync(out);
  const stale = join(out, `.t.jsonl.exporting-${owner(deadPid, 'k9')}-00000003`);
  writeFileSync(stale, '{"message":"half');
  const r = run(['export', '--case', join(dir, 'a.duckdb'), '--timesketch', join(out, 't.jsonl')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /accountscope: removed .*\.t\.jsonl\.exporting-.* \(16 B\)/);
  assert.ok(!existsSync(stale) && existsSync(join(out, 't.jsonl')));
});

test('analyze without --case removes a killed run’s scratch case from the temp folder', () => {
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const stale = join(tmp, `accountscope-analyze-${owner(deadPid, 'k9')}-aB3dE6`);
  mkdirSync(stale);
  writeFileSync(join(stale, 'case.duckdb'), Buffer.alloc(1024));
  const running = join(tmp, `accountscope-analyze-${liveOwner()}-xY7zW1`);
  mkdirSync(running);
  const r = run(['analyze', join(sampleEvidenceDir, 'WS01-Security.xml'), '--json', join(dir, 'r.json')], {
    ...process.env,
    TMPDIR: tmp,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stderr.includes(`accountscope: removed ${stale} (1.0 KiB)`), r.stderr);
  assert.ok(!existsSync(stale) && existsSync(running));
});

test('a merge killed mid-way leaves its folder, and the next merge there removes it', async () => {
  const folder = join(dir, 'killed');
  mkdirSync(folder);
  const merging = () => readdirSync(folder).filter((n) => n.includes('.merging-'));
  const child = spawn(
    process.execPath,
    [cli, 'merge', join(dir, 'a.duckdb'), join(dir, 'b.duckdb'), '--case', join(folder, 'x.duckdb')],
    { stdio: 'ignore' },
  );
  const end = Date.now() + 60_000;
  while (merging().length === 0 && child.exitCode === null && Date.now() < end)
    await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  await new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r),
  );
  const left = merging();
  assert.equal(left.length, 1, 'the killed merge left its folder');
  const r = run(['merge', join(dir, 'a.duckdb'), join(dir, 'b.duckdb'), '--case', join(folder, 'y.duckdb')]);
  assert.ok(r.status === 0 || r.status === 4, r.stderr);
  assert.ok(r.stderr.includes(`accountscope: removed ${join(folder, left[0]!)} (`), r.stderr);
  assert.deepEqual(merging(), []);
});
