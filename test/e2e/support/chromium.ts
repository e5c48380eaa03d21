// Launches Debian's Chromium through playwright-core and opens pages that police themselves: any request to
// a host other than loopback is recorded and blocked, any JavaScript dialog (an alert() smuggled in through
// evidence) is recorded, and page errors and CSP violations are collected for the test to assert on.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1440, height: 900 };
export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    // A clear failure, never a silent skip: CI installs Chromium (.ci/), so its absence is a broken machine.
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH; ` +
        'the end-to-end tests cannot run without a real browser.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}

export interface GuardedPage {
  context: BrowserContext;
  page: Page;
  /** Every request to a non-loopback address (each was aborted). */
  externalRequests: string[];
  /** Every alert/confirm/prompt the page tried to open (each was dismissed). */
  dialogs: string[];
  /** Uncaught page errors and console errors (CSP violations are reported there). */
  pageErrors: string[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:')
    return false;
  return !LOOPBACK.has(parsed.hostname);
}

export async function openGuardedPage(browser: Browser): Promise<GuardedPage> {
  const downloadsDir = mkdtempSync(join(tmpdir(), 'accountscope-dl-'));
  const context = await browser.newContext({
    viewport: VIEWPORT,
    acceptDownloads: true,
    colorScheme: 'dark',
  });
  const externalRequests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isExternal(url)) {
      externalRequests.push(url);
      await route.abort('blockedbyclient');
    } else {
      await route.continue();
    }
  });
  // Belt and braces: requests that bypass routing (service workers, preconnects) still show up here.
  context.on('request', (request) => {
    if (isExternal(request.url()) && !externalRequests.includes(request.url()))
      externalRequests.push(request.url());
  });

  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) pageErrors.push(`http ${response.status()}: ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });

  return {
    context,
    page,
    externalRequests,
    dialogs,
    pageErrors,
    async close() {
      await context.close();
      rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, dir = SCREENSHOT_DIR): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
