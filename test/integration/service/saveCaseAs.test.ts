// Save case as (issue 12, item 2): only a case file name, never over anything that is not already an
// AccountScope case, and over a case only when the caller says so explicitly. The copy is made under a
// temporary name and renamed, so no half-written case is ever left under the name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Result } from '../../../shared/api.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { tempDir } from '../../support/paths.js';
import { buildFixtureCase, fixtureAnalytics } from './apiFixture.js';

let dir: string;
let cleanup: () => void;
let service: CaseService;
let fixturePath: string;

before(async () => {
  const t = tempDir('accountscope-saveas-');
  dir = t.dir;
  cleanup = t.cleanup;
  const fixture = await buildFixtureCase(dir);
  fixturePath = fixture.path;
  service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
});

after(async () => {
  await service.close();
  cleanup();
});

// Untyped on purpose: the request is what a page or a script could send.
const save = (request: Record<string, unknown>): Promise<Result<unknown>> =>
  service.call('saveCaseAs', request);

function refused(r: Result<unknown>, code: string, message: RegExp): void {
  assert.ok(!r.ok, `not refused: ${JSON.stringify(r)}`);
  assert.equal(r.error.code, code, r.error.message);
  assert.match(r.error.message, message);
}

const noPartials = (): void =>
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.includes('.saving')),
    [],
    'no temporary copy is left behind',
  );

test('a name that is not a .duckdb case file is refused, and nothing is written', async () => {
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'the analyst notes');
  refused(await save({ path: notes }), 'BAD_REQUEST', /\.duckdb/);
  refused(await save({ path: notes, replace: true }), 'BAD_REQUEST', /\.duckdb/);
  assert.equal(readFileSync(notes, 'utf8'), 'the analyst notes');
  refused(await save({ path: join(dir, 'fresh') }), 'BAD_REQUEST', /\.duckdb/);
  assert.ok(!existsSync(join(dir, 'fresh')));
  noPartials();
});

test('a file named .duckdb that is not an AccountScope case is never overwritten, even when told to', async () => {
  const text = join(dir, 'report.duckdb');
  writeFileSync(text, 'not a database');
  const foreign = join(dir, 'other-tool.duckdb');
  const other = await DuckDBInstance.create(foreign);
  const conn = await other.connect();
  await conn.run('CREATE TABLE mine AS SELECT 42 AS answer');
  conn.closeSync();
  other.closeSync();
  const foreignBytes = readFileSync(foreign);
  const link = join(dir, 'link.duckdb');
  symlinkSync(text, link);
  for (const path of [text, foreign, link]) {
    for (const replace of [false, true])
      refused(await save({ path, replace }), 'BAD_REQUEST', /not an AccountScope case/);
  }
  assert.equal(readFileSync(text, 'utf8'), 'not a database');
  assert.deepEqual(readFileSync(foreign), foreignBytes);
  refused(await save({ path: dir + '/' }), 'BAD_REQUEST', /\.duckdb|folder/);
  noPartials();
});

test('an existing case is replaced only with replace: true, and the case goes on in the copy', async () => {
  const scratch = tempDir('accountscope-saveas-other-');
  try {
    const other = await buildFixtureCase(scratch.dir, false);
    const target = join(dir, 'older.duckdb');
    writeFileSync(target, readFileSync(other.path));
    const before = readFileSync(target);
    refused(await save({ path: target }), 'EXISTS', /already.*case.*replace/i);
    assert.deepEqual(readFileSync(target), before, 'the existing case is untouched');
    const r = await save({ path: target, replace: true });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.value, { path: target });
    const info = await service.invoke('caseInfo', {});
    assert.ok(info.ok && info.value.path === target && info.value.counts.findings === 4);
    noPartials();
    // Back to the first case: saving over the case that is open is refused whatever the flag.
    assert.ok((await service.invoke('openCase', { path: fixturePath })).ok);
    const fresh = join(dir, 'brand-new.duckdb');
    assert.ok((await save({ path: fresh })).ok, 'a new name needs no confirmation');
    refused(await save({ path: fresh, replace: true }), 'BAD_REQUEST', /open/);
  } finally {
    scratch.cleanup();
  }
});
