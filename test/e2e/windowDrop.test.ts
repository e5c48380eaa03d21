// Files dropped anywhere on the window: in the desktop app (a preload that resolves dropped files to
// paths) they import from where they are and the window moves to Import; in browser mode the drop opens
// Import and the page stays the app (the browser never navigates to the dropped file).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ApiClient } from '../../shared/api.js';
import { projectRoot } from '../support/paths.js';
import { launchChromium, openGuardedPage, type GuardedPage } from './support/chromium.js';
import { createFakeApi } from './support/fakeApi.js';
import { installFakeApi } from './support/fakeBridge.js';
import { serveDirectory } from './support/staticServer.js';

let site: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;

before(async () => {
  site = await serveDirectory(join(projectRoot, 'renderer-dist'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function openApp(desktop: boolean): Promise<{ guarded: GuardedPage; started: string[][] }> {
  const guarded = await openGuardedPage(browser);
  const api: ApiClient = createFakeApi();
  const started: string[][] = [];
  const start = api.startImport;
  api.startImport = (request) => (started.push(request.paths), start(request));
  await installFakeApi(guarded.page, api);
  if (desktop)
    await guarded.page.addInitScript(() => {
      (globalThis as unknown as { accountscopeFiles: unknown }).accountscopeFiles = {
        pathForFile: (f: { name: string }) => `/evidence/${f.name}`,
      };
    });
  await guarded.page.goto(site.url);
  await guarded.page.waitForSelector('main[data-testid="screen-findings"]');
  return { guarded, started };
}

/** Drops files on the Findings screen as the OS does: dragover, then drop, on an element of the page. */
async function dropOn(guarded: GuardedPage, names: string[]): Promise<boolean> {
  return guarded.page.evaluate((files) => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(f: unknown): void } };
      File: new (parts: string[], name: string) => unknown;
      DragEvent: new (type: string, init: object) => { defaultPrevented: boolean };
      document: { querySelector(s: string): { dispatchEvent(e: unknown): boolean } };
    };
    const dt = new g.DataTransfer();
    for (const name of files) dt.items.add(new g.File(['x'], name));
    const target = g.document.querySelector('main h1, main');
    target.dispatchEvent(new g.DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    const drop = new g.DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(drop);
    return drop.defaultPrevented;
  }, names);
}

test('in the desktop app, files dropped on any screen import from where they are', async () => {
  const { guarded, started } = await openApp(true);
  try {
    assert.equal(await dropOn(guarded, ['Security.evtx', 'signins.json']), true);
    await guarded.page.waitForSelector('main[data-testid="screen-import"]');
    assert.deepEqual(started, [['/evidence/Security.evtx', '/evidence/signins.json']]);
  } finally {
    await guarded.close();
  }
});

test('in browser mode, a drop outside the drop zone opens Import and never leaves the app', async () => {
  const { guarded, started } = await openApp(false);
  try {
    assert.equal(await dropOn(guarded, ['Security.evtx']), true);
    await guarded.page.waitForSelector('main[data-testid="screen-import"]');
    assert.deepEqual(started, []);
    assert.ok(guarded.page.url().startsWith(site.url));
  } finally {
    await guarded.close();
  }
});
