// The case file is attached to an in-memory instance (see openCase): every connection must work in the
// case, spill beside it and fill row groups of the chosen size, whatever the case path looks like.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCase, sqlStringLiteral } from '../../../electron/engine/store/openCase.js';
import { createStagingDir } from '../../../electron/engine/store/stagingDir.js';
import { tempDir } from '../../support/paths.js';

test('a case path with quotes and spaces opens, and every connection works in the case', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, "O'Brien's case; DROP TABLE sources.duckdb");
    let db = await openCase(path);
    await db.conn.run('CREATE TABLE notes AS SELECT 42 AS n');
    const other = await db.connect();
    const r = await other.runAndReadAll('SELECT current_database() AS db, (SELECT n FROM notes) AS n');
    assert.deepEqual(r.getRowObjects(), [{ db: 'case_db', n: 42 }]);
    const temp = await other.runAndReadAll("SELECT current_setting('temp_directory') AS t");
    assert.equal(temp.getRowObjects()[0]!['t'], `${path}.tmp`);
    other.closeSync();
    db.close();
    assert.ok(existsSync(path), 'the case is the file at the path given');
    db = await openCase(path);
    const again = await db.conn.runAndReadAll('SELECT n FROM notes');
    assert.deepEqual(again.getRowObjects(), [{ n: 42 }]);
    db.close();
  } finally {
    cleanup();
  }
});

test('tables fill row groups of 61,440 rows', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = await openCase(join(dir, 'case.duckdb'));
    await db.conn.run('CREATE TABLE t AS SELECT range AS i FROM range(150000)');
    await db.conn.run('CHECKPOINT');
    const r = await db.conn.runAndReadAll(
      "SELECT row_group_id, max(count)::INTEGER AS n FROM pragma_storage_info('t') GROUP BY 1 ORDER BY 1",
    );
    assert.deepEqual(
      r.getRowObjects().map((g) => g['n']),
      [61440, 61440, 150000 - 2 * 61440],
    );
    db.close();
  } finally {
    cleanup();
  }
});

test('a path becomes a SQL literal with its quotes doubled', () => {
  assert.equal(sqlStringLiteral("/cases/it's.duckdb"), "'/cases/it''s.duckdb'");
  assert.throws(() => sqlStringLiteral('/cases/a\0b'), /NUL/);
});

test('a staging folder made beforehand is the case’s: DuckDB may read it, and it goes with the case', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const stagingDir = createStagingDir();
    const db = await openCase(join(dir, 'case.duckdb'), { stagingDir });
    assert.equal(db.stagingDir, stagingDir);
    writeFileSync(join(stagingDir, 'seg.csv'), '1\n2\n');
    const r = await db.conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM read_csv($p, header = false)', {
      p: join(stagingDir, 'seg.csv'),
    });
    assert.equal(r.getRowObjects()[0]!['n'], 2);
    db.close();
    assert.equal(existsSync(stagingDir), false, 'removed when the case closes');

    // A case that cannot be opened takes its staging folder with it.
    const failed = createStagingDir();
    writeFileSync(join(dir, 'junk.duckdb'), 'not a database');
    await assert.rejects(openCase(join(dir, 'junk.duckdb'), { stagingDir: failed }));
    assert.equal(existsSync(failed), false, 'removed when the case fails to open');
  } finally {
    cleanup();
  }
});
