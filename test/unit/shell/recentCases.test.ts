// File → Open Recent's list: newest first, each case once, capped, files that are gone left out, and a
// damaged list file read as empty rather than stopping the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_RECENT_CASES, RecentCases } from '../../../electron/main/recentCases.js';
import { tempDir } from '../../support/paths.js';

test('cases come back newest first, once each, capped, across restarts', (t) => {
  const { dir, cleanup } = tempDir('accountscope-recent-');
  t.after(cleanup);
  const file = join(dir, 'recent-cases.json');
  const recent = new RecentCases(file, () => true);
  recent.add('/cases/a.duckdb');
  recent.add('/cases/b.duckdb');
  recent.add('/cases/./a.duckdb');
  recent.add('relative.duckdb');
  assert.deepEqual(recent.list(), ['/cases/a.duckdb', '/cases/b.duckdb']);
  for (let i = 0; i < 20; i++) recent.add(`/cases/c${i}.duckdb`);
  const again = new RecentCases(file, () => true).list();
  assert.equal(again.length, MAX_RECENT_CASES);
  assert.equal(again[0], '/cases/c19.duckdb');
  new RecentCases(file, () => true).clear();
  assert.deepEqual(new RecentCases(file, () => true).list(), []);
});

test('a case whose file is gone is not offered, and comes back if the file does', (t) => {
  const { dir, cleanup } = tempDir('accountscope-recent-');
  t.after(cleanup);
  const present = new Set(['/cases/here.duckdb']);
  const recent = new RecentCases(join(dir, 'r.json'), (p) => present.has(p));
  recent.add('/cases/gone.duckdb');
  recent.add('/cases/here.duckdb');
  assert.deepEqual(recent.list(), ['/cases/here.duckdb']);
  present.add('/cases/gone.duckdb');
  assert.deepEqual(recent.list(), ['/cases/here.duckdb', '/cases/gone.duckdb']);
});

test('a damaged or foreign list file reads as empty or keeps only its valid paths', (t) => {
  const { dir, cleanup } = tempDir('accountscope-recent-');
  t.after(cleanup);
  const file = join(dir, 'r.json');
  for (const body of ['{not json', '[]', '{"cases": "x"}', 'null']) {
    writeFileSync(file, body);
    assert.deepEqual(new RecentCases(file, () => true).list(), [], body);
  }
  writeFileSync(
    file,
    JSON.stringify({ version: 1, cases: ['/a.duckdb', 3, 'rel.duckdb', '/a.duckdb', '/b\0.duckdb'] }),
  );
  assert.deepEqual(new RecentCases(file, () => true).list(), ['/a.duckdb']);
  new RecentCases(file, () => true).add('/c.duckdb');
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { version: 1, cases: ['/c.duckdb', '/a.duckdb'] });
});
