// Settings drive the analytics and the display: a new time zone changes every time shown, a changed
// threshold re-runs the analytics and changes the findings, and the case can be saved under a new name.
// Uses the small WS09 fixture (fixtures/hostile/), where AN1235 ties net.exe to the 4720 one second apart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../support/paths.js';
import {
  importThroughUi,
  openAppSession,
  waitForNumberBelow,
  type AppSession,
} from './support/appSession.js';
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

test('times render in UTC until the display time zone changes', async () => {
  const { page } = session;
  assert.match((await page.textContent('[data-testid="case-range"]')) ?? '', /2026-03-15 02:00:00 UTC/);
  await page.click('[data-testid="nav-settings"]');
  await page.fill('[data-testid="settings-timezone"]', 'Asia/Tokyo');
  await page.click('[data-testid="settings-save"]');
  await page.waitForSelector('[data-testid="settings-status"]:has-text("analytics re-ran")');
  // 02:00 UTC is 11:00 in Tokyo (UTC+9, no daylight saving).
  assert.match((await page.textContent('[data-testid="case-range"]')) ?? '', /2026-03-15 11:00:00 /);
});

test('a stricter threshold, saved, re-runs the analytics and drops the finding', async () => {
  const { page } = session;
  const findingsBefore = Number(await page.textContent('[data-testid="count-findings"]'));
  await page.fill('[data-testid="param-an1235_sequence_window_s"]', '0');
  await page.click('[data-testid="settings-save"]');
  await waitForNumberBelow(page, '[data-testid="count-findings"]', findingsBefore);
  await page.click('[data-testid="nav-findings"]');
  await page.waitForSelector('[data-testid="finding-row"]');
  assert.equal(await page.locator('[data-testid="finding-row"][data-analytic="AN1235"]').count(), 0);
});

test('save case as writes the case to the given path', async () => {
  const { page, caseDir } = session;
  const target = join(caseDir, 'saved-copy.duckdb');
  await page.click('[data-testid="save-case"]');
  await page.fill('[data-testid="case-path"]', target);
  await page.click('[data-testid="case-submit"]');
  await page.waitForSelector(
    '[data-testid="case-dialog-done"], [data-testid="case-dialog-save"] [data-testid="error-note"]',
  );
  assert.equal(
    await page.locator('[data-testid="case-dialog-save"] [data-testid="error-note"]').count(),
    0,
    await page.innerText('[data-testid="case-dialog-save"]'),
  );
  assert.ok(existsSync(target), `${target} was not written`);
  assert.match(
    (await page.textContent('[data-testid="case-dialog-done"]')) ?? '',
    /now working in this copy/,
  );
  // The header names the case the work goes on in, without a reload.
  await page.locator('[data-testid="case-name"]', { hasText: 'saved-copy' }).waitFor({ timeout: 10_000 });
  await page.click('[data-testid="modal-close"]');
});

test('save case as over an existing case asks first, and replaces it only when told', async () => {
  const { page, caseDir } = session;
  // The save above moved the work to the copy, so the first case file is closed: a case to replace.
  const original = join(caseDir, 'case.duckdb');
  await page.click('[data-testid="save-case"]');
  await page.fill('[data-testid="case-path"]', original);
  await page.click('[data-testid="case-submit"]');
  await page.waitForSelector('[data-testid="case-replace-confirm"]');
  assert.equal(await page.locator('[data-testid="case-dialog-done"]').count(), 0);
  await screenshot(page, 'case-replace-confirm');
  await page.click('[data-testid="case-replace"]');
  await page.waitForSelector('[data-testid="case-dialog-done"]');
  assert.match(
    (await page.textContent('[data-testid="case-dialog-done"]')) ?? '',
    /Case saved to .*case\.duckdb/,
  );
  await page.click('[data-testid="modal-close"]');
});

test('no request left the machine and no error was raised', () => {
  assert.deepEqual(session.guarded.externalRequests, []);
  assert.deepEqual(session.guarded.pageErrors, []);
});
