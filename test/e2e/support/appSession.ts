// One end-to-end session: a fresh case in a temp folder, the real engine's browser-mode server on loopback,
// and a guarded Chromium page on the URL it printed. Everything is torn down by close().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../../electron/engine/server/startServer.js';
import { launchChromium, openGuardedPage, type GuardedPage } from './chromium.js';
import { removeTree } from '../../support/paths.js';

export interface AppSession {
  server: RunningServer;
  browser: Browser;
  guarded: GuardedPage;
  page: Page;
  caseDir: string;
  close(): Promise<void>;
}

export async function openAppSession(): Promise<AppSession> {
  const caseDir = mkdtempSync(join(tmpdir(), 'accountscope-e2e-'));
  const browser = await launchChromium();
  let server: RunningServer | undefined;
  try {
    server = await startServer({ casePath: join(caseDir, 'case.duckdb'), port: 0 });
    const guarded = await openGuardedPage(browser);
    await guarded.page.goto(server.url);
    await guarded.page.waitForSelector('[data-app-state="ready"]');
    const running = server;
    return {
      server: running,
      browser,
      guarded,
      page: guarded.page,
      caseDir,
      async close() {
        await guarded.close();
        await browser.close();
        // The server keeps files dropped into the page; this test's are of no further use.
        rmSync((await running.close()).runDir, { recursive: true, force: true });
        // The files dropped into the page are kept beside the case, read-only.
        removeTree(caseDir);
      },
    };
  } catch (e) {
    await browser.close();
    await server?.close();
    rmSync(caseDir, { recursive: true, force: true });
    throw e;
  }
}

/** Imports through the UI's path field and waits until the import and the automatic analysis are done. */
export async function importThroughUi(page: Page, path: string): Promise<void> {
  await page.click('[data-testid="nav-import"]');
  await page.fill('[data-testid="import-path"]', path);
  await page.click('[data-testid="import-start"]');
  await page.waitForSelector('[data-testid="import-progress"]:not([data-state="running"])', {
    timeout: 120_000,
  });
  await page.waitForSelector('[data-testid="analyze-status"][data-state="done"]', { timeout: 120_000 });
}

/** Text of every element matching the selector. */
export function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
}

/**
 * Waits until fewer than `n` elements match. A function, not a string: the app's CSP forbids eval, and
 * Playwright evaluates string predicates with it.
 */
export async function waitForFewer(page: Page, selector: string, n: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, n }) => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } })
        .document;
      return doc.querySelectorAll(selector).length < n;
    },
    { selector, n },
  );
}

/** Waits until the number shown by the element is below `n`. */
export async function waitForNumberBelow(page: Page, selector: string, n: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, n }) => {
      const doc = (
        globalThis as unknown as {
          document: { querySelector(s: string): { textContent: string | null } | null };
        }
      ).document;
      return Number(doc.querySelector(selector)?.textContent?.replace(/,/g, '')) < n;
    },
    { selector, n },
  );
}
