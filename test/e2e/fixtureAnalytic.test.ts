// A test-only analytic (test/fixtures/analytics/fx_log_clear), registered through the engine's registry
// before the app starts, appears in the UI with nothing written for it there: a filter toggle with its
// name, its finding in the Findings table with its explanation and triage, and its card on Coverage. The
// engine side is test/integration/analytics/fixtureAnalytic.test.ts. Screenshot: fixture-analytic.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { registerAnalytic } from '../../electron/engine/analytics/index.js';
import { fxLogClear } from '../fixtures/analytics/fx_log_clear/index.js';
import { sampleEvidenceDir } from '../support/paths.js';
import { importThroughUi, openAppSession, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

let session: AppSession;
let unregister: () => void;

before(async () => {
  unregister = registerAnalytic(fxLogClear);
  session = await openAppSession();
  await importThroughUi(session.page, sampleEvidenceDir);
});

after(async () => {
  await session?.close();
  unregister?.();
});

test('the Findings screen lists, filters and explains the registered analytic', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-findings"]');
  const toggle = page.locator('[data-testid="filter-analytic-FX_LOG_CLEAR"]');
  await toggle.waitFor();
  const label = page.locator('label:has([data-testid="filter-analytic-FX_LOG_CLEAR"])');
  assert.equal(await label.getAttribute('title'), 'Security log cleared');

  await toggle.click();
  const row = page.locator('[data-testid="finding-row"][data-analytic="FX_LOG_CLEAR"]');
  await row.first().waitFor();
  // The filter goes to the engine: the other analytics' rows leave when its answer lands.
  const others = page.locator('[data-testid="finding-row"]:not([data-analytic="FX_LOG_CLEAR"])');
  await others.first().waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await others.count(), 0);
  await row.first().click();
  await page.waitForSelector('[data-testid="finding-detail"] [data-testid="finding-explanation"]');
  assert.match(
    (await page.textContent('[data-testid="finding-explanation"]')) ?? '',
    /CORP\\jdoe cleared the Security log of WS02/,
  );
  assert.match(
    (await page.textContent('[data-testid="finding-detail"]')) ?? '',
    /Security log cleared · confidence high/,
  );
  assert.match((await page.textContent('[data-testid="finding-triage"]')) ?? '', /why the log was cleared/);
  await screenshot(page, 'fixture-analytic');
});

test('the Coverage screen has its card, in registry order after the built-in ones', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-coverage"]');
  await page.waitForSelector('[data-testid="coverage-analytic"][data-analytic="FX_LOG_CLEAR"]');
  const order = await page.$$eval('[data-testid="coverage-analytic"]', (cards) =>
    cards.map((c) => c.getAttribute('data-analytic')),
  );
  assert.equal(order.at(-1), 'FX_LOG_CLEAR');
  assert.ok(order.length >= 5, order.join(', '));
  const card = (await page.textContent('[data-analytic="FX_LOG_CLEAR"]')) ?? '';
  assert.match(card, /Security log cleared/);
  assert.match(card, /Sees everything it needs on every host/);
});
