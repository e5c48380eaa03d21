// Every screen is reachable from everywhere a screen is offered: the nav bar lists each screen of
// shared/screens.ts and opens it, and each entry of the Electron View menu, sent to the window as the main
// process sends it (a `navigate` shell event), opens its screen. A screen missing from the nav bar, the
// View menu or the window's handling of shell events fails here. Runs against the fake case: no engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { menuTemplate, type MenuEntry } from '../../electron/main/menu.js';
import { SCREENS, type ScreenId } from '../../shared/screens.js';
import type { ShellEvent } from '../../shared/shellEvents.js';
import { projectRoot } from '../support/paths.js';
import { launchChromium, openGuardedPage, screenshot, type GuardedPage } from './support/chromium.js';
import { createFakeApi } from './support/fakeApi.js';
import { installFakeApi, installFakeShell, shownInFolder } from './support/fakeBridge.js';
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

async function shownScreen(): Promise<string | null> {
  const id = await guarded.page.getAttribute('main.screen', 'data-testid');
  return id?.replace(/^screen-/, '') ?? null;
}

test('the nav bar lists every screen, in order, and each entry opens its screen', async () => {
  const { page } = guarded;
  const entries = await page.$$eval('nav [data-testid^="nav-"]', (els) =>
    els.map((e) => ({
      id: e.getAttribute('data-testid')!.slice('nav-'.length),
      label: e.querySelector('.nav-label')?.textContent ?? '',
    })),
  );
  assert.deepEqual(
    entries,
    SCREENS.map((s) => ({ id: s.id, label: s.label })),
  );
  // From the last screen backwards, so each click is a real change of screen.
  for (const { id } of [...SCREENS].reverse()) {
    await page.click(`[data-testid="nav-${id}"]`);
    await page.waitForSelector(`main[data-testid="screen-${id}"]`);
    assert.equal(await page.getAttribute(`[data-testid="nav-${id}"]`, 'aria-current'), 'page');
  }
});

test('each View menu entry, sent as the main process sends it, opens its screen', async () => {
  const { page } = guarded;
  const asked: ScreenId[] = [];
  const menu = menuTemplate(
    {
      newCase: () => undefined,
      openCase: () => undefined,
      openRecent: () => undefined,
      clearRecent: () => undefined,
      saveCaseAs: () => undefined,
      showCaseInFolder: () => undefined,
      importFiles: () => undefined,
      importFolder: () => undefined,
      exportReport: () => undefined,
      mergeCases: () => undefined,
      exportCase: () => undefined,
      navigate: (screen) => asked.push(screen),
      showSecurityStatus: () => undefined,
      showAbout: () => undefined,
    },
    { isMac: false, devTools: false },
  );
  const view = menu.find((m) => m.label === 'View')!.submenu as MenuEntry[];
  const reached: string[] = [];
  for (const item of view.filter((i) => i.click)) {
    item.click!();
    const screen = asked.at(-1)!;
    await sendShellEvent({ type: 'navigate', screen });
    // A screen the window ignores shows up in the comparison below, not as a timeout.
    await page
      .waitForSelector(`main[data-testid="screen-${screen}"]`, { timeout: 5_000 })
      .catch(() => undefined);
    reached.push((await shownScreen())!);
  }
  assert.deepEqual(
    reached,
    SCREENS.map((s) => s.id),
  );
});

test('a malformed shell event changes nothing', async () => {
  const { page } = guarded;
  await page.click('[data-testid="nav-findings"]');
  await page.waitForSelector('main[data-testid="screen-findings"]');
  await page.evaluate(() => {
    type G = { __shellListeners: Set<(e: unknown) => void> };
    for (const l of (globalThis as unknown as G).__shellListeners) l({ type: 'navigate', screen: 'nowhere' });
  });
  await sendShellEvent({ type: 'case-changed' });
  assert.equal(await shownScreen(), 'findings');
  assert.deepEqual(guarded.pageErrors, []);
});

test('a report saved from the File menu is confirmed with its path and a Show in folder button', async () => {
  const { page } = guarded;
  const path = '/home/analyst/Reports/ACME incident — report 2026-12-02.html';
  await sendShellEvent({ type: 'report-saved', path });
  const notice = page.locator('[data-testid="report-saved"]');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /Report saved to \/home\/analyst\/Reports\/ACME incident/);
  await screenshot(page, 'report-saved-notice');
  await notice.getByRole('button', { name: 'Show in folder' }).click();
  assert.deepEqual(await shownInFolder(page), [path]);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await notice.waitFor({ state: 'detached' });
});
