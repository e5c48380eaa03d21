import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { projectRoot, tempDir } from '../../support/paths.js';
import { wevtutilFile } from '../../support/miniEvents.js';

const cli = join(projectRoot, 'bin', 'accountscope.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: projectRoot });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('import --json prints the summary contract and exits 0 when everything was read', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'a.xml'), wevtutilFile(3));
    const r = run(['import', join(dir, 'a.xml'), '--case', join(dir, 'c.duckdb'), '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { sources: Array<Record<string, unknown>> };
    assert.equal(out.sources.length, 1);
    const s = out.sources[0]!;
    for (const k of ['path', 'sha256', 'format', 'events', 'skipped', 'errors'])
      assert.ok(k in s, `missing ${k}`);
    assert.equal(s['events'], 3);
    assert.match(String(s['sha256']), /^[0-9a-f]{64}$/);
    assert.deepEqual(s['errors'], []);
  } finally {
    cleanup();
  }
});

test('exit 3 when some input had errors, and everything readable is still in the case', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'good.xml'), wevtutilFile(4));
    writeFileSync(join(dir, 'empty.json'), '');
    const r = run(['import', dir, '--case', join(dir, 'c.duckdb')]);
    assert.equal(r.code, 3, r.stderr + r.stdout);
    assert.match(r.stdout, /empty\.json/);
    assert.match(r.stdout, /the file is empty/);
    const inst = await DuckDBInstance.create(join(dir, 'c.duckdb'));
    const conn = await inst.connect();
    const n = (await conn.runAndReadAll('SELECT count(*)::INTEGER n FROM win_events')).getRowObjects()[0]![
      'n'
    ];
    assert.equal(n, 4);
    conn.closeSync();
    inst.closeSync();
  } finally {
    cleanup();
  }
});

test('--workers and ACCOUNTSCOPE_WORKERS pin the parse workers; a bad count is refused', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'a.xml'), wevtutilFile(5));
    const one = run([
      'import',
      join(dir, 'a.xml'),
      '--case',
      join(dir, 'one.duckdb'),
      '--workers',
      '1',
      '--json',
    ]);
    assert.equal(one.code, 0, one.stderr);
    assert.equal((JSON.parse(one.stdout) as { sources: Array<{ events: number }> }).sources[0]!.events, 5);
    const zero = run(['import', join(dir, 'a.xml'), '--case', join(dir, 'zero.duckdb'), '--workers', '0']);
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /--workers must be a whole number from 1/);
    const env = spawnSync(
      process.execPath,
      [cli, 'import', join(dir, 'a.xml'), '--case', join(dir, 'env.duckdb')],
      { encoding: 'utf8', cwd: projectRoot, env: { ...process.env, ACCOUNTSCOPE_WORKERS: 'many' } },
    );
    assert.equal(env.status, 1);
    assert.match(env.stderr, /ACCOUNTSCOPE_WORKERS must be a whole number/);
  } finally {
    cleanup();
  }
});

test('a case that cannot be opened fails the import with exit 1, after parsing had begun', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'a.xml'), wevtutilFile(5));
    writeFileSync(join(dir, 'not-a-case.duckdb'), 'this is not a DuckDB file');
    const r = run(['import', join(dir, 'a.xml'), '--case', join(dir, 'not-a-case.duckdb')]);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /^accountscope: /);
  } finally {
    cleanup();
  }
});

test('exit 2 for a usage error', () => {
  assert.equal(run(['import']).code, 2);
  assert.equal(run(['import', 'x.xml']).code, 2, '--case is required');
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run([]).code, 2);
});

test('a killed import leaves its file wholly in or wholly out of the case', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const big = join(dir, 'big.xml');
    const events = 150000;
    writeFileSync(big, wevtutilFile(events));
    const casePath = join(dir, 'c.duckdb');
    // The import stages its parsed rows in a folder of the temp directory named with its pid: with a
    // temp directory of its own, the test can see when rows are parsed but not yet loaded.
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [cli, 'import', big, '--case', casePath], {
      stdio: 'ignore',
      env: { ...process.env, TMPDIR: tmp },
    });
    let exited = false;
    child.once('exit', () => (exited = true));
    const staged = (): number =>
      readdirSync(tmp)
        .filter((n) => n.startsWith('accountscope-stage-') && n.includes(`-${child.pid}-`))
        .reduce((sum, n) => sum + readdirSync(join(tmp, n)).length, 0);
    // Kill while segments wait in the staging folder: rows are parsed and the file is not committed yet.
    const stagedAtKill = await new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const n = staged();
        if (n > 0 || exited || Date.now() - started > 60_000) {
          clearInterval(timer);
          if (n > 0 && !exited) resolve(n);
          else reject(new Error(exited ? 'the import ended before any row was staged' : 'no row was staged'));
        }
      }, 5);
    });
    child.kill('SIGKILL');
    await new Promise((r) => (exited ? r(undefined) : child.once('exit', r)));
    assert.equal(child.signalCode, 'SIGKILL', 'the import had finished before the kill');
    assert.ok(stagedAtKill > 0);
    const inst = await DuckDBInstance.create(casePath);
    const conn = await inst.connect();
    const countOf = async (table: string): Promise<number> => {
      // Killed before the schema existed counts as "wholly out".
      const exists = await conn.runAndReadAll(
        'SELECT count(*) n FROM information_schema.tables WHERE table_name = $t',
        { t: table },
      );
      if (Number(exists.getRowObjects()[0]!['n']) === 0) return 0;
      return Number((await conn.runAndReadAll(`SELECT count(*) n FROM ${table}`)).getRowObjects()[0]!['n']);
    };
    const n = await countOf('win_events');
    const s = await countOf('sources');
    conn.closeSync();
    inst.closeSync();
    assert.ok(
      (n === 0 && s === 0) || (n === events && s === 1),
      `partial file in case: ${n} events, ${s} sources`,
    );
  } finally {
    cleanup();
  }
});
