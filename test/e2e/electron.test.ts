// The desktop app itself, driven through Playwright's Electron support. It needs an Electron binary,
// which cannot be downloaded on machines without internet: where none is present (no
// ELECTRON_OVERRIDE_DIST_PATH, no installed electron package) the test is skipped and says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { _electron } from 'playwright-core';
import { findElectron } from '../../electron/main/findElectron.js';
import { API_METHODS, type Result } from '../../shared/api.js';
import { buildFixtureCase } from '../integration/service/apiFixture.js';
import { projectRoot, tempDir } from '../support/paths.js';

test('the Electron app opens a case, exposes only the API, and blocks the outside world', async (t) => {
  const electron = findElectron(projectRoot);
  if (!electron.found) {
    const reason = `Electron binary not present on this machine: ${electron.reason}`;
    console.log(reason);
    t.skip(reason);
    return;
  }
  const { dir, cleanup } = tempDir('accountscope-electron-');
  const fixture = await buildFixtureCase(dir);
  const app = await _electron.launch({
    executablePath: electron.path,
    args: [projectRoot, `--case=${fixture.path}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' },
  });
  try {
    const page = await app.firstWindow();
    await page.waitForSelector('[data-app-state="ready"]', { timeout: 30_000 });
    assert.match(page.url(), /^app:\/\/accountscope\/index\.html/);

    const surface = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      return {
        api: Object.keys((w['accountscope'] as object) ?? {}).sort(),
        files: Object.keys((w['accountscopeFiles'] as object) ?? {}),
        hasRequire: typeof w['require'],
        hasProcess: typeof w['process'],
        hasIpc: 'ipcRenderer' in w,
      };
    });
    assert.deepEqual(surface.api, [...API_METHODS].sort());
    assert.deepEqual(surface.files, ['pathForFile']);
    assert.equal(surface.hasRequire, 'undefined');
    assert.equal(surface.hasProcess, 'undefined');
    assert.equal(surface.hasIpc, false);

    type Page = {
      accountscope: { caseInfo(r: object): Promise<Result<{ counts: { findings: number } }>> };
      open(url: string): unknown;
    };
    // The bridge answers with the engine's Result; the UI's client unwraps it.
    const info = await page.evaluate(() => (globalThis as unknown as Page).accountscope.caseInfo({}));
    assert.ok(info.ok, JSON.stringify(info));
    assert.equal(info.value.counts.findings, 4);

    // The renderer can neither reach the network nor open windows.
    const outside = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    assert.equal(outside, 'blocked');
    const popup = await page.evaluate(
      () => (globalThis as unknown as Page).open('https://example.com/') === null,
    );
    assert.equal(popup, true);
  } finally {
    await app.close();
    cleanup();
  }
});
