// A binary .evtx dropped on the Import screen, as a responder drops a log from a triage collection: it is
// sent to the engine, recognised by its content, imported with progress, analysed, and its account
// creation is a finding whose raw event the viewer renders from the .evtx file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { varietyEvtx } from '../support/varietyEvents.js';
import { openAppSession, texts, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

let session: AppSession;
let evtx: Buffer;

before(async () => {
  evtx = varietyEvtx(27);
  session = await openAppSession();
});

after(async () => {
  await session?.close();
});

test('an .evtx dropped on the Import screen imports, and its account creation is a finding', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-import"]');
  // Runs in the page: the DOM's own DataTransfer and File (the tests are compiled without DOM types).
  const transfer = await page.evaluateHandle((base64: string) => {
    const dom = globalThis as unknown as {
      atob(s: string): string;
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: unknown[], name: string) => unknown;
    };
    const bytes = Uint8Array.from(dom.atob(base64), (c) => c.charCodeAt(0));
    const data = new dom.DataTransfer();
    data.items.add(new dom.File([bytes], 'Security.evtx'));
    return data;
  }, evtx.toString('base64'));
  await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer: transfer });
  await page.waitForSelector('[data-testid="import-progress"]:not([data-state="running"])', {
    timeout: 120_000,
  });
  await page.waitForSelector('[data-testid="analyze-status"][data-state="done"]', { timeout: 120_000 });
  const summary = await texts(page, '[data-testid="import-summary"]');
  assert.match(summary.join(' '), /Security\.evtx/);
  assert.match(summary.join(' '), /27/);
  await screenshot(page, 'evtx-drop-import');

  await page.click('[data-testid="nav-findings"]');
  await page.waitForSelector('[data-testid="finding-row"][data-analytic="AN1604"]');
  await page.click('[data-testid="finding-row"][data-analytic="AN1604"]');
  await page.waitForSelector('[data-testid="finding-detail"]');
  const detail = (await page.textContent('[data-testid="finding-detail"]')) ?? '';
  assert.match(detail, /svc\d+/);
  await page
    .locator('[data-testid="evidence-row"]', { hasText: '4720' })
    .locator('[data-testid="open-raw"]')
    .first()
    .click();
  const raw = (await (await page.waitForSelector('[data-testid="raw-text"]')).textContent()) ?? '';
  assert.match(raw, /<EventID>4720<\/EventID>/);
  assert.match((await page.textContent('[data-testid="raw-origin"]')) ?? '', /rendered from the \.evtx file/);
  await screenshot(page, 'evtx-drop-raw-viewer');
  await page.click('[data-testid="modal-close"]');
});
