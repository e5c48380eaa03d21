// A process killed while DuckDB spilled leaves the spill beside the case; the next process that opens the
// case for writing removes it (store/spillSweep.ts), and nothing else in the folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { spillDir } from '../../../electron/engine/store/spillSweep.js';
import { tempDir } from '../../support/paths.js';

const child = fileURLToPath(new URL('../../support/spillChild.js', import.meta.url));

/** Runs the spilling child and kills it as soon as its first spill file appears; the names it left. */
async function killWhileSpilling(casePath: string): Promise<string[]> {
  const proc = spawn(process.execPath, [child, casePath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((done) => proc.on('exit', () => done()));
  const spilled = await new Promise<boolean>((done) => {
    const poll = setInterval(() => {
      const names = existsSync(spillDir(casePath)) ? readdirSync(spillDir(casePath)) : [];
      if (names.some((n) => n.startsWith('duckdb_temp_'))) {
        clearInterval(poll);
        proc.kill('SIGKILL');
        done(true);
      }
    }, 10);
    proc.on('exit', () => {
      clearInterval(poll);
      done(false);
    });
  });
  await exited;
  assert.ok(spilled, `the child never spilled: ${stderr}`);
  return readdirSync(spillDir(casePath));
}

test("a killed process's spill is removed when the case is next opened for writing, and nothing else", async () => {
  const { dir, cleanup } = tempDir('accountscope-spill-');
  try {
    const casePath = join(dir, 'case.duckdb');
    const left = await killWhileSpilling(casePath);
    assert.ok(left.length > 0);
    const stranger = join(spillDir(casePath), 'notes.txt');
    writeFileSync(stranger, 'not DuckDB spill');

    // A reader may share the case with other readers: it leaves the folder alone.
    let db = await openCase(casePath, { readOnly: true });
    db.close();
    assert.deepEqual(readdirSync(spillDir(casePath)).sort(), [...left, 'notes.txt'].sort());

    db = await openCase(casePath);
    try {
      assert.deepEqual(readdirSync(spillDir(casePath)), ['notes.txt'], 'only the spill went');
      const r = await db.conn.runAndReadAll('SELECT count(*)::INTEGER FROM big');
      assert.equal(r.getRows()[0]![0], 3_000_000, 'the case itself is whole');
    } finally {
      db.close();
    }
  } finally {
    cleanup();
  }
});

test('an empty spill folder left behind goes too', async () => {
  const { dir, cleanup } = tempDir('accountscope-spill-');
  try {
    const casePath = join(dir, 'case.duckdb');
    let db = await openCase(casePath);
    db.close();
    const folder = spillDir(casePath);
    mkdirSync(folder);
    writeFileSync(join(folder, 'duckdb_temp_storage_S32K-0.tmp'), Buffer.alloc(4096));
    writeFileSync(join(folder, 'duckdb_temp_block-7.block'), Buffer.alloc(4096));
    db = await openCase(casePath);
    db.close();
    assert.equal(existsSync(folder), false);
  } finally {
    cleanup();
  }
});
