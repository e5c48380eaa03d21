// Imports in the background with per-file progress, cancel, and the case file itself: open, save as.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiMethods, ImportStatus } from '../../../shared/api.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { projectRoot, tempDir } from '../../support/paths.js';
import { buildFixtureCase, fixtureAnalytics } from './apiFixture.js';

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'api');

async function ok<M extends keyof ApiMethods>(
  s: CaseService,
  method: M,
  req: ApiMethods[M][0],
): Promise<ApiMethods[M][1]> {
  const r = await s.invoke(method, req);
  if (!r.ok) assert.fail(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function until(s: CaseService, importId: string): Promise<ImportStatus> {
  for (let i = 0; i < 400; i++) {
    const status = await ok(s, 'importStatus', { importId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

test('startImport runs in the background and reports each file; a re-import is a duplicate', async () => {
  const { dir, cleanup } = tempDir('accountscope-import-');
  const fixture = await buildFixtureCase(dir, false);
  const service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
  try {
    const { importId } = await ok(service, 'startImport', { paths: [FIXTURES, join(dir, 'missing.xml')] });
    const status = await until(service, importId);
    assert.equal(status.state, 'done');
    const byName = Object.fromEntries(status.files.map((f) => [f.path.split(/[\\/]/).pop(), f]));
    assert.equal(byName['security-small.xml']!.state, 'done');
    assert.equal(byName['security-small.xml']!.events, 5);
    assert.equal(byName['security-small.xml']!.summary!.format, 'windows-xml');
    assert.equal(byName['signins-small.json']!.events, 3);
    assert.equal(byName['missing.xml']!.state, 'failed');
    assert.match(byName['missing.xml']!.summary!.errors[0]!.message, /cannot open/);
    const info = await ok(service, 'caseInfo', {});
    assert.equal(info.counts.winEvents, 13 + 5);
    assert.equal(info.sources.length, 5);

    const again = await until(service, (await ok(service, 'startImport', { paths: [FIXTURES] })).importId);
    assert.ok(
      again.files.every((f) => f.summary?.duplicate === true),
      'same hash: nothing added twice',
    );
    assert.equal((await ok(service, 'caseInfo', {})).counts.winEvents, 18);
    const unknown = await service.invoke('importStatus', { importId: 'no-such-import' });
    assert.ok(!unknown.ok && unknown.error.code === 'NOT_FOUND');
  } finally {
    await service.close();
    cleanup();
  }
});

test('the case file alone is the case after an import, an analysis and a settings change', async () => {
  const { dir, cleanup } = tempDir('accountscope-writethrough-');
  const fixture = await buildFixtureCase(dir, false);
  const service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
  // What a responder copies: the .duckdb without its .wal, opened read-only elsewhere.
  const copyAlone = async (name: string): Promise<CaseService> => {
    const copy = join(dir, name);
    copyFileSync(fixture.path, copy);
    return CaseService.open(copy, { analytics: fixtureAnalytics(fixture.winSha) });
  };
  try {
    await until(service, (await ok(service, 'startImport', { paths: [FIXTURES] })).importId);
    await ok(service, 'analyze', {});
    const settings = await ok(service, 'getSettings', {});
    await ok(service, 'setSettings', { ...settings, timeZone: 'Europe/Berlin' });
    assert.ok(existsSync(fixture.path));
    const copy = await copyAlone('alone.duckdb');
    try {
      const info = await ok(copy, 'caseInfo', {});
      assert.equal(info.counts.winEvents, 13 + 5, 'the imported events are in the file itself');
      assert.equal(info.counts.findings, 4, 'the findings are in the file itself');
      assert.equal((await ok(copy, 'getSettings', {})).timeZone, 'Europe/Berlin');
    } finally {
      await copy.close();
    }
  } finally {
    await service.close();
    cleanup();
  }
});

test('cancelImport stops a queued import: nothing of it is kept', async () => {
  const { dir, cleanup } = tempDir('accountscope-cancel-');
  const fixture = await buildFixtureCase(dir, false);
  const service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
  try {
    copyFileSync(join(FIXTURES, 'security-small.xml'), join(dir, 'a.xml'));
    // The first import holds the queue; the second waits behind it and is cancelled before it starts.
    const first = await ok(service, 'startImport', { paths: [join(FIXTURES, 'signins-small.json')] });
    const second = await ok(service, 'startImport', { paths: [join(dir, 'a.xml')] });
    assert.deepEqual(await ok(service, 'cancelImport', { importId: second.importId }), { cancelled: true });
    const analyzeWhileBusy = await service.invoke('analyze', {});
    assert.ok(!analyzeWhileBusy.ok && analyzeWhileBusy.error.code === 'BUSY');
    assert.equal((await until(service, first.importId)).state, 'done');
    const cancelled = await until(service, second.importId);
    assert.equal(cancelled.state, 'cancelled');
    assert.equal(cancelled.files[0]!.state, 'cancelled');
    assert.equal((await ok(service, 'caseInfo', {})).counts.winEvents, 13);
    assert.deepEqual(await ok(service, 'cancelImport', { importId: second.importId }), { cancelled: false });
  } finally {
    await service.close();
    cleanup();
  }
});

test('saveCaseAs writes a complete copy and continues in it; openCase switches cases', async () => {
  const { dir, cleanup } = tempDir('accountscope-save-');
  const fixture = await buildFixtureCase(dir);
  const service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
  try {
    const settings = await ok(service, 'getSettings', {});
    await ok(service, 'setSettings', { ...settings, timeZone: 'Asia/Tokyo' });
    const target = join(dir, 'saved.duckdb');
    assert.deepEqual(await ok(service, 'saveCaseAs', { path: target }), { path: target });
    assert.ok(existsSync(target));
    const info = await ok(service, 'caseInfo', {});
    assert.equal(info.path, target);
    assert.equal(info.counts.findings, 4);
    assert.equal(
      (await ok(service, 'getSettings', {})).timeZone,
      'Asia/Tokyo',
      'settings travel with the case',
    );

    const same = await service.invoke('saveCaseAs', { path: target });
    assert.ok(!same.ok && same.error.code === 'BAD_REQUEST');
    const noFolder = await service.invoke('saveCaseAs', { path: join(dir, 'nope', 'x.duckdb') });
    assert.ok(!noFolder.ok && noFolder.error.code === 'NOT_FOUND');

    const back = await ok(service, 'openCase', { path: fixture.path });
    assert.equal(back.path, fixture.path);
    const missing = await service.invoke('openCase', { path: join(dir, 'none.duckdb') });
    assert.ok(!missing.ok && missing.error.code === 'NOT_FOUND');
    writeFileSync(join(dir, 'notes.txt'), 'not a database at all');
    const notCase = await service.invoke('openCase', { path: join(dir, 'notes.txt') });
    assert.ok(!notCase.ok && notCase.error.code === 'BAD_REQUEST');
    assert.equal(
      (await ok(service, 'caseInfo', {})).path,
      fixture.path,
      'a refused open leaves the case as it was',
    );
  } finally {
    await service.close();
    cleanup();
  }
});
