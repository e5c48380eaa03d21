// New case (issue 12, item 8): an empty case at a path the user names, which the app then works in.
// The same rules as Save case as: a .duckdb name only, never over anything that is not already an
// AccountScope case, over a case only when the caller says so, built under a temporary name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../../shared/api.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { tempDir } from '../../support/paths.js';
import { buildFixtureCase, fixtureAnalytics } from './apiFixture.js';

let dir: string;
let cleanup: () => void;
let service: CaseService;
let fixturePath: string;

before(async () => {
  const t = tempDir('accountscope-newcase-');
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
const create = (request: Record<string, unknown>): Promise<Result<unknown>> =>
  service.call('newCase', request);

function refused(r: Result<unknown>, code: string, message: RegExp): void {
  assert.ok(!r.ok, `not refused: ${JSON.stringify(r)}`);
  assert.equal(r.error.code, code, r.error.message);
  assert.match(r.error.message, message);
}

const noPartials = (): void =>
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.includes('.saving')),
    [],
    'no temporary file is left behind',
  );

test('a new case is empty, lives at the path given, and the app works in it from then on', async () => {
  const target = join(dir, 'client-2026.duckdb');
  const r = await create({ path: target });
  assert.ok(r.ok, JSON.stringify(r));
  const info = r.value as { path: string; counts: Record<string, number>; sources: unknown[] };
  assert.equal(info.path, target);
  assert.deepEqual(info.counts, { winEvents: 0, signins: 0, audits: 0, findings: 0 });
  assert.deepEqual(info.sources, []);
  assert.equal(service.casePath, target);
  assert.ok(existsSync(target));
  assert.ok(!existsSync(`${target}.wal`), 'the new case file is whole on its own');
  noPartials();
  // The case it left is as it was.
  const back = await service.invoke('openCase', { path: fixturePath });
  assert.ok(back.ok && back.value.counts.findings === 4);
});

test('a name that is not a .duckdb case file, or anything but a case, is refused and nothing is written', async () => {
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'the analyst notes');
  refused(await create({ path: notes }), 'BAD_REQUEST', /\.duckdb/);
  const text = join(dir, 'report.duckdb');
  writeFileSync(text, 'not a database');
  const link = join(dir, 'link.duckdb');
  symlinkSync(notes, link);
  for (const path of [text, link]) {
    for (const replace of [false, true])
      refused(await create({ path, replace }), 'BAD_REQUEST', /not an AccountScope case/);
  }
  assert.equal(readFileSync(notes, 'utf8'), 'the analyst notes');
  assert.equal(readFileSync(text, 'utf8'), 'not a database');
  refused(await create({ path: join(dir, 'no-such-folder', 'x.duckdb') }), 'NOT_FOUND', /no folder/);
  refused(await create({ path: fixturePath, replace: true }), 'BAD_REQUEST', /already open/);
  assert.equal(service.casePath, fixturePath);
  noPartials();
});

test('an existing case is replaced by an empty one only with replace: true', async () => {
  const scratch = tempDir('accountscope-newcase-other-');
  try {
    const other = await buildFixtureCase(scratch.dir, false);
    const target = join(dir, 'older.duckdb');
    writeFileSync(target, readFileSync(other.path));
    const before = readFileSync(target);
    refused(await create({ path: target }), 'EXISTS', /already.*case.*replace/i);
    assert.deepEqual(readFileSync(target), before, 'the existing case is untouched');
    assert.equal(service.casePath, fixturePath);
    const r = await create({ path: target, replace: true });
    assert.ok(r.ok, JSON.stringify(r));
    const info = await service.invoke('caseInfo', {});
    assert.ok(info.ok && info.value.path === target && info.value.counts.winEvents === 0);
    noPartials();
  } finally {
    scratch.cleanup();
  }
});
