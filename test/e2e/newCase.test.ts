// New case… in browser mode (issue 12, item 8): an empty case at a path the user names, the header
// showing the full path (shortened in the middle when long, whole on hover), a non-case file refused and
// a case replaced only after the user confirms.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../support/paths.js';
import { importThroughUi, openAppSession, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

const FIXTURE = join(projectRoot, 'test', 'e2e', 'fixtures', 'hostile', 'Security-hostile.xml');
let session: AppSession;

before(async () => {
  session = await openAppSession();
  await importThroughUi(session.page, FIXTURE);
});

after(async () => {
  await session?.close();
});

async function newCase(path: string): Promise<void> {
  const { page } = session;
  await page.click('[data-testid="new-case"]');
  await page.fill('[data-testid="case-path"]', path);
  await page.click('[data-testid="case-submit"]');
}

test('New case… creates an empty case at the path named, switches to it and shows its full path', async () => {
  const { page, caseDir } = session;
  // A long folder: the header shortens it in the middle, keeping the file name whole.
  const folder = join(
    caseDir,
    'clients',
    'northwind-traders-incident-2026-03',
    'domain-controllers',
    'evidence',
  );
  mkdirSync(folder, { recursive: true });
  const target = join(folder, 'northwind-dc.duckdb');
  assert.notEqual(await page.textContent('[data-testid="count-winEvents"]'), '0');
  await newCase(target);
  await page.waitForSelector('main[data-testid="screen-import"]');
  await page.locator('[data-testid="case-name"]', { hasText: 'northwind-dc.duckdb' }).waitFor();
  assert.ok(existsSync(target));
  assert.equal(await page.textContent('[data-testid="count-winEvents"]'), '0');
  assert.equal(await page.textContent('[data-testid="count-findings"]'), '0');
  // The whole path is in the header, and on hover.
  assert.equal(await page.getAttribute('[data-testid="case-name"]', 'title'), target);
  assert.equal((await page.textContent('[data-testid="case-name"]'))?.replaceAll('\u200e', ''), target);
  // It does not fit: the folder is cut (an ellipsis in the middle of the path), the file name is not.
  const cut = await page.$eval('[data-testid="case-folder-tail"]', (e) => e.scrollWidth > e.clientWidth);
  assert.ok(cut, 'the long folder is shortened');
  const nameBox = await page.locator('[data-testid="case-name"] .case-file').boundingBox();
  const blockBox = await page.locator('[data-testid="case-name"]').boundingBox();
  assert.ok(nameBox && blockBox && nameBox.x + nameBox.width <= blockBox.x + blockBox.width + 1);
  await screenshot(page, 'new-case-header');
});

test('New case… never writes over a file that is not a case, and asks before replacing a case', async () => {
  const { page, caseDir } = session;
  const notes = join(caseDir, 'notes.duckdb');
  writeFileSync(notes, 'the analyst notes');
  await newCase(notes);
  await page.waitForSelector('[data-testid="case-dialog-new"] [data-testid="error-note"]');
  assert.match(
    await page.innerText('[data-testid="case-dialog-new"] [data-testid="error-note"]'),
    /not an AccountScope case/,
  );
  assert.equal(readFileSync(notes, 'utf8'), 'the analyst notes');
  await page.click('[data-testid="modal-close"]');

  // The first case (closed since the new one opened) has events: replacing it asks first.
  const original = join(caseDir, 'case.duckdb');
  await newCase(original);
  await page.waitForSelector('[data-testid="case-replace-confirm"]');
  assert.match(await page.innerText('[data-testid="case-replace-confirm"]'), /with an empty case/);
  await screenshot(page, 'new-case-replace-confirm');
  await page.click('[data-testid="case-replace"]');
  await page.waitForSelector('main[data-testid="screen-import"]');
  await page.waitForSelector(`[data-testid="case-name"][title="${original}"]`);
  assert.equal(await page.textContent('[data-testid="count-winEvents"]'), '0');
});

test('no request left the machine and no error was raised', () => {
  assert.deepEqual(session.guarded.externalRequests, []);
  assert.deepEqual(session.guarded.pageErrors, []);
});
