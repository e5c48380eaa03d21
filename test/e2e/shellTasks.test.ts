// A merge or export the desktop File menu started (main calls startCaseTask, then sends `task-started`)
// is followed in the window: the dialog opens on that task, its bar moves with the task's progress, and
// it ends on the result: the merge's summary with each conflict and the value kept, or what an export
// wrote. Runs against the fake case: no engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ShellEvent } from '../../shared/shellEvents.js';
import { projectRoot } from '../support/paths.js';
import { launchChromium, openGuardedPage, screenshot, type GuardedPage } from './support/chromium.js';
import { texts } from './support/appSession.js';
import { createFakeApi } from './support/fakeApi.js';
import { installFakeApi, installFakeShell } from './support/fakeBridge.js';
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

test('File → Merge Cases…: the window follows the merge to its summary and conflicts', async () => {
  const { page } = guarded;
  await sendShellEvent({ type: 'task-started', taskId: 'task-merge', kind: 'merge' });
  await page.waitForSelector(
    '[data-testid="merge-dialog"] [data-testid="task-progress"][data-state="running"]',
  );
  assert.match(await page.innerText('[data-testid="task-step"]'), /win_events from/);
  await screenshot(page, 'merge-dialog-progress');
  await page.waitForSelector('[data-testid="merge-summary"]');
  assert.equal(await page.getAttribute('[role="progressbar"]', 'aria-valuenow'), '100');
  const cells = await texts(page, '[data-testid="merge-conflict"]:nth-child(3) td');
  assert.deepEqual(cells, ['timeZone', 'UTC (kept)', 'Europe/Amsterdam']);
  assert.match(await page.innerText('[data-testid="merge-summary"]'), /schema 6, upgraded in a copy/);
  assert.match(await page.innerText('[data-testid="merge-duplicates"]'), /WS01-Security\.xml/);
  await screenshot(page, 'merge-dialog-conflicts');
  await page.click('[data-testid="modal-close"]');
});

test('File → Export Case → Parquet: the window follows the export to what it wrote', async () => {
  const { page } = guarded;
  await sendShellEvent({ type: 'task-started', taskId: 'task-parquet', kind: 'export' });
  await page.waitForSelector('[data-testid="export-dialog"] [data-testid="task-progress"]');
  await page.waitForSelector('[data-testid="export-done"]');
  assert.match(await page.innerText('[data-testid="export-done"]'), /11 tables, 1,234,567 rows as Parquet/);
  await page.click('[data-testid="modal-close"]');
});
