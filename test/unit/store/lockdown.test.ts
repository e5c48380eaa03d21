import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCase, selfTestLockdown } from '../../../electron/engine/store/openCase.js';
import { tempDir } from '../../support/paths.js';

test('an open case refuses file access, ATTACH, INSTALL, LOAD and configuration changes', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = await openCase(join(dir, 'case.duckdb'));
    const checks = await selfTestLockdown(db.conn);
    for (const c of checks) assert.ok(c.refused, `not refused: ${c.statement}`);
    assert.ok(checks.some((c) => /read_csv/.test(c.statement)));
    assert.ok(checks.some((c) => /^COPY/.test(c.statement)));
    assert.ok(checks.some((c) => /^ATTACH/.test(c.statement)));
    assert.ok(checks.some((c) => /^INSTALL/.test(c.statement)));
    db.close();
  } finally {
    cleanup();
  }
});

test('an existing file stays unreadable through SQL once the case is open', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const canary = join(dir, 'canary.csv');
    writeFileSync(canary, 'secret\n42\n');
    const db = await openCase(join(dir, 'case.duckdb'));
    // The path is bound as a parameter: file paths are never pasted into SQL text.
    await assert.rejects(db.conn.run('SELECT * FROM read_csv($p)', { p: canary }), /disabled|Permission/i);
    await assert.rejects(db.conn.run('SELECT * FROM read_text($p)', { p: canary }), /disabled|Permission/i);
    const settings = await db.conn.runAndReadAll(
      `SELECT name, value FROM duckdb_settings() WHERE name IN
       ('enable_external_access','lock_configuration','autoload_known_extensions','autoinstall_known_extensions',
        'allow_community_extensions','allow_unsigned_extensions')`,
    );
    const s = Object.fromEntries(settings.getRowObjects().map((r) => [r['name'], String(r['value'])]));
    assert.equal(s['enable_external_access'], 'false');
    assert.equal(s['lock_configuration'], 'true');
    assert.equal(s['autoload_known_extensions'], 'false');
    assert.equal(s['autoinstall_known_extensions'], 'false');
    assert.equal(s['allow_community_extensions'], 'false');
    assert.equal(s['allow_unsigned_extensions'], 'false');
    db.close();
  } finally {
    cleanup();
  }
});

test('a memory limit is set', async () => {
  const db = await openCase(':memory:', { memoryLimit: '1GB' });
  const r = await db.conn.runAndReadAll("SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'");
  assert.match(String(r.getRowObjects()[0]!['value']), /^(953\.6 MiB|1\.0 GB|1000\.0 MB|1 GB)/);
  db.close();
});
