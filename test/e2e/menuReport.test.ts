// File → Export Report in the desktop app asks what the header's report buttons ask: whether the report
// names the responder's local paths. The menu's format arrives as main sends it (an `export-report` shell
// event); the dialog opens on that format with the paths left out, and what the responder chose goes to
// the shell's saveReport (which builds, saves and confirms the report: test/integration/service/
// menuReport.test.ts). Runs against the fake case: no engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ShellEvent } from '../../shared/shellEvents.js';
import { projectRoot } from '../support/paths.js';
import { launchChromium, openGuardedPage, screenshot, type GuardedPage } from './support/chromium.js';
import { createFakeApi } from './support/fakeApi.js';
import { answerSaveReport, installFakeApi, installFakeShell, savedReports } from './support/fakeBridge.js';
import { serveDirectory } from './support/staticServer.js';

let site: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let guarded: GuardedPage;
let sendShellEvent: (event: ShellEvent) => Promise<void>;

before(async () => {
  site = await serveDirectory(join(projectRoot, 'renderer-dist'));
  browser = await launchChromium();
  guarded = await openGuardedPage(browser);
  await installFakeApi(guarded.page, createFakeApi());
  sendShellEvent = await installFakeShell(guarded.page);
  await guarded.page.goto(site.url);
  await guarded.page.waitForSelector('[data-app-state="ready"]');
});

after(async () => {
  await guarded?.close();
  await browser?.close();
  await site?.close();
});

const dialog = '[data-testid="report-dialog"]';

test('File → Export Report → HTML: the paths are left out unless ticked, and the choice goes to the shell', async () => {
  const { page } = guarded;
  await sendShellEvent({ type: 'export-report', format: 'html' });
  await page.waitForSelector(dialog);
  assert.equal(await page.isChecked('[data-testid="report-format-html"]'), true);
  assert.equal(await page.isChecked('[data-testid="report-include-paths"]'), false);
  assert.match(await page.innerText('[data-testid="report-paths-note"]'), /file name only/);
  await screenshot(page, 'menu-report-dialog');
  await answerSaveReport(page, { path: '/reports/client.html' });
  await page.click('[data-testid="report-save"]');
  await page.waitForSelector(dialog, { state: 'detached' });
  assert.deepEqual(await savedReports(page), [{ format: 'html', includePaths: false }]);
  // The shell confirmed the save: the window says where, as for any report the menu saved.
  assert.match(await page.innerText('[data-testid="report-saved"]'), /\/reports\/client\.html/);
});

test('ticking local paths, another format, a failure shown in the dialog, and a fresh dialog each time', async () => {
  const { page } = guarded;
  await sendShellEvent({ type: 'export-report', format: 'csv' });
  await page.waitForSelector(dialog);
  assert.equal(await page.isChecked('[data-testid="report-format-csv"]'), true);
  await page.click('[data-testid="report-format-json"]');
  await page.click('[data-testid="report-include-paths"]');
  assert.match(await page.innerText('[data-testid="report-paths-note"]'), /for your own use/);
  await answerSaveReport(page, { error: 'the engine is not running; restart the app' });
  await page.click('[data-testid="report-save"]');
  await page.waitForSelector(`${dialog} >> text=the engine is not running`);
  await screenshot(page, 'menu-report-dialog-paths-error');
  await answerSaveReport(page, { path: null });
  await page.click('[data-testid="report-save"]');
  await page.waitForSelector(dialog, { state: 'detached' });
  assert.deepEqual((await savedReports(page)).slice(1), [
    { format: 'json', includePaths: true },
    { format: 'json', includePaths: true },
  ]);

  // The next export starts with the paths left out again; Escape closes without saving.
  await sendShellEvent({ type: 'export-report', format: 'json' });
  await page.waitForSelector(dialog);
  assert.equal(await page.isChecked('[data-testid="report-include-paths"]'), false);
  await page.keyboard.press('Escape');
  await page.waitForSelector(dialog, { state: 'detached' });
  assert.equal((await savedReports(page)).length, 3);
});
