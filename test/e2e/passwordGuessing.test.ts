// The password-guessing analytic (T1110_001) in every screen, with nothing written for it in the UI: the
// sample case plus the real SMB password-guessing recording of ../shared/real-logs imported through the
// UI, then its finding on Findings (filter, explanation, triage), its card on Coverage, its parameters on
// Settings and its SQL on the SQL screen, run in the console. Skipped, saying why, where ../shared is
// absent. Screenshots: t1110-findings.png, t1110-coverage.png, t1110-settings.png, t1110-sql.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NEEDS_SHARED, realLogsDir, sampleEvidenceDir } from '../support/paths.js';
import { importThroughUi, openAppSession, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

const RECORDING = join(realLogsDir, 'sans-blue-team__DeepBlueCLI/evtx/smb-password-guessing-security.evtx');
let session: AppSession | undefined;

before(async () => {
  if (NEEDS_SHARED) return;
  session = await openAppSession();
  await importThroughUi(session.page, `${sampleEvidenceDir};${RECORDING}`);
});

after(async () => {
  await session?.close();
});

test(
  'Findings: the T1110_001 filter, its finding, explanation and triage',
  { skip: NEEDS_SHARED },
  async () => {
    const { page } = session!;
    await page.click('[data-testid="nav-findings"]');
    const toggle = page.locator('[data-testid="filter-analytic-T1110_001"]');
    await toggle.waitFor();
    assert.equal(
      await page.locator('label:has([data-testid="filter-analytic-T1110_001"])').getAttribute('title'),
      'Password guessing',
    );
    await toggle.click();
    const row = page.locator('[data-testid="finding-row"][data-analytic="T1110_001"]');
    await row.first().waitFor();
    const others = page.locator('[data-testid="finding-row"]:not([data-analytic="T1110_001"])');
    await others.first().waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await row.count(), 1);
    await row.first().click();
    await page.waitForSelector('[data-testid="finding-detail"] [data-testid="finding-explanation"]');
    assert.match(
      (await page.textContent('[data-testid="finding-title"]')) ?? '',
      /Password guessing against Administrator from 192\.168\.198\.149, password found/,
    );
    assert.match(
      (await page.textContent('[data-testid="finding-explanation"]')) ?? '',
      /3558 wrong password \(4625:0xc000006a\) and 2 account disabled/,
    );
    const triage = (await page.textContent('[data-testid="finding-triage"]')) ?? '';
    assert.match(triage, /signed in successfully after the guessing began/);
    assert.match(triage, /locked out \(4740\)/);
    assert.match(triage, /192\.168\.198\.149 is a private address/);
    await screenshot(page, 't1110-findings');
  },
);

test(
  'Coverage: its card, last in registry order, with the recording partial',
  { skip: NEEDS_SHARED },
  async () => {
    const { page } = session!;
    await page.click('[data-testid="nav-coverage"]');
    const card = page.locator('[data-testid="coverage-analytic"][data-analytic="T1110_001"]');
    await card.waitFor();
    const order = await page.$$eval('[data-testid="coverage-analytic"]', (cards) =>
      cards.map((c) => c.getAttribute('data-analytic')),
    );
    assert.equal(order.at(-1), 'T1110_001');
    const text = (await card.textContent()) ?? '';
    assert.match(text, /Password guessing/);
    assert.match(text, /DESKTOP-M5SN04R/);
    assert.match(text, /4625 failures but no successful logon/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 't1110-coverage');
  },
);

test('Settings: its parameters with their defaults', { skip: NEEDS_SHARED }, async () => {
  const { page } = session!;
  await page.click('[data-testid="nav-settings"]');
  await page.waitForSelector('[data-testid="settings-params"]');
  const group = page.locator('.param-group', { hasText: 'T1110_001 · Password guessing' });
  await group.waitFor();
  const text = (await group.textContent()) ?? '';
  for (const name of ['t1110_001_window_minutes', 't1110_001_min_failures', 't1110_001_success_minutes']) {
    assert.ok(text.includes(name), name);
  }
  await group.scrollIntoViewIfNeeded();
  await screenshot(page, 't1110-settings');
});

test('SQL: its detection, run as is in the console, finds the guessing', { skip: NEEDS_SHARED }, async () => {
  const { page } = session!;
  await page.click('[data-testid="nav-sql"]');
  await page.click('[data-testid="sql-pick-T1110_001"]');
  await page.waitForSelector('[data-testid="sql-text"]');
  assert.match(await page.inputValue('[data-testid="sql-text"]'), /^-- id: {6}T1110_001/);
  await page.click('[data-testid="sql-run"]');
  await page.waitForSelector('[data-testid="sql-result"]');
  assert.match((await page.textContent('[data-testid="sql-result"]')) ?? '', /192\.168\.198\.149/);
  await screenshot(page, 't1110-sql');
});
