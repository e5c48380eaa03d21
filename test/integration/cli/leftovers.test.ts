// What the command line leaves behind and says (issue 12, items 4 and 7): special files named as
// evidence fail the import with exit 3; a killed import's staging folder (parsed rows of evidence) is
// removed by the next start, but never a running instance's; `serve` without --case says where its
// scratch case and uploads live, and keeps them when it stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHttpClient } from '../../../shared/transport.js';
import { projectRoot, tempDir } from '../../support/paths.js';
import { wevtutilFile } from '../../support/miniEvents.js';

const cli = join(projectRoot, 'bin', 'accountscope.js');

/** The CLI with its own temp folder, so these tests see only the staging folders they caused. */
function env(tmp: string): NodeJS.ProcessEnv {
  return { ...process.env, TMPDIR: tmp, ACCOUNTSCOPE_WORKERS: '1' };
}

function run(args: string[], tmp: string) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: projectRoot,
    env: env(tmp),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const stagingFolders = (tmp: string): string[] =>
  readdirSync(tmp).filter((n) => n.startsWith('accountscope-stage-'));

async function waitFor<T>(what: string, probe: () => T | undefined | false, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode);
    else child.once('exit', (code) => done(code));
  });

test('a FIFO or device named as evidence fails the import with exit 3, naming it', () => {
  const { dir, cleanup } = tempDir();
  try {
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    execFileSync('mkfifo', [join(dir, 'pipe.evtx')]);
    writeFileSync(join(dir, 'good.xml'), wevtutilFile(2));
    const r = run(
      [
        'import',
        join(dir, 'pipe.evtx'),
        '/dev/null',
        join(dir, 'good.xml'),
        '--case',
        join(dir, 'c.duckdb'),
        '--json',
      ],
      tmp,
    );
    assert.equal(r.code, 3, r.stderr + r.stdout);
    const out = JSON.parse(r.stdout) as {
      sources: Array<{ path: string; events: number; errors: Array<{ message: string }> }>;
    };
    assert.deepEqual(
      out.sources.map((s) => [s.path, s.events, s.errors[0]?.message.match(/FIFO|device/)?.[0] ?? null]),
      [
        [join(dir, 'pipe.evtx'), 0, 'FIFO'],
        ['/dev/null', 0, 'device'],
        [join(dir, 'good.xml'), 2, null],
      ],
    );
  } finally {
    cleanup();
  }
});

test(
  "a killed import's staging folder goes at the next start; a running instance's stays",
  { timeout: 120_000 },
  async () => {
    const { dir, cleanup } = tempDir();
    const children: ChildProcess[] = [];
    try {
      const tmp = join(dir, 'tmp');
      mkdirSync(tmp);
      writeFileSync(join(dir, 'big.xml'), wevtutilFile(40_000));
      writeFileSync(join(dir, 'small.xml'), wevtutilFile(2));

      // An instance that stays up the whole test: its staging folder must survive the sweep.
      const serving = spawn(process.execPath, [cli, 'serve', '--case', join(dir, 'served.duckdb')], {
        env: env(tmp),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(serving);
      const servingFolder = await waitFor('the server to start', () => stagingFolders(tmp)[0]);

      // An import killed while its parsed rows sit in its staging folder.
      const killed = spawn(
        process.execPath,
        [cli, 'import', join(dir, 'big.xml'), '--case', join(dir, 'k.duckdb')],
        {
          env: env(tmp),
          stdio: 'ignore',
        },
      );
      children.push(killed);
      const killedFolder = await waitFor('the import to stage rows', () =>
        stagingFolders(tmp).find((n) => n !== servingFolder && readdirSync(join(tmp, n)).length > 0),
      );
      killed.kill('SIGKILL');
      await exited(killed);
      assert.ok(existsSync(join(tmp, killedFolder)), 'the kill left the folder (as a crash would)');

      const next = run(['import', join(dir, 'small.xml'), '--case', join(dir, 'next.duckdb')], tmp);
      assert.equal(next.code, 0, next.stderr);
      assert.ok(!existsSync(join(tmp, killedFolder)), 'the next start removed the dead import’s folder');
      assert.ok(existsSync(join(tmp, servingFolder)), 'the running server’s folder is left alone');
    } finally {
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      await Promise.all(children.map(exited));
      cleanup();
    }
  },
);

async function startServe(tmp: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [cli, 'serve'], { env: env(tmp), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await waitFor('the URL', () => stdout.includes('\n') && stdout.split('\n')[0]!);
  await waitFor('the start notice', () => /Ctrl\+C/.test(stderr));
  return { child, url, stderr: () => stderr };
}

function clientFor(url: string) {
  const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=(.+)$/.exec(url);
  assert.ok(m, url);
  return createHttpClient(`http://127.0.0.1:${m[1]}`, m[2]!, (u, init) => fetch(u, init));
}

test(
  'serve without --case says where its scratch case is, and keeps what was imported when it stops',
  { timeout: 60_000 },
  async () => {
    const { dir, cleanup } = tempDir();
    try {
      const tmp = join(dir, 'tmp');
      mkdirSync(tmp);
      writeFileSync(join(dir, 'a.xml'), wevtutilFile(3));
      const { child, url, stderr } = await startServe(tmp);
      const client = clientFor(url);
      const casePath = (await client.caseInfo({})).path;
      assert.match(stderr(), /no --case/i);
      assert.ok(stderr().includes(casePath), `the start notice names ${casePath}: ${stderr()}`);
      assert.match(stderr(), /kept when the server stops/);
      const { importId } = await client.startImport({ paths: [join(dir, 'a.xml')] });
      for (let i = 0; i < 500 && (await client.importStatus({ importId })).state === 'running'; i++)
        await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGINT');
      assert.equal(await exited(child), 0);
      assert.ok(existsSync(casePath), 'the scratch case with its imported events is still there');
      assert.match(stderr(), /Stopped\. Kept: /);
      assert.ok(
        stderr()
          .split('Stopped.')[1]!
          .includes(casePath.replace(/\/case\.duckdb$/, '')),
        stderr(),
      );

      // A server that imported nothing leaves nothing behind, and says so.
      const empty = await startServe(tmp);
      const emptyCase = (await clientFor(empty.url).caseInfo({})).path;
      empty.child.kill('SIGINT');
      assert.equal(await exited(empty.child), 0);
      assert.ok(!existsSync(emptyCase));
      assert.match(empty.stderr(), /nothing was imported: removed/i);
    } finally {
      cleanup();
    }
  },
);
