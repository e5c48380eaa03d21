// The password analytics (T1110_001 guessing, T1110_003 spraying) in every screen, with nothing written
// for them in the UI: the sample case plus the real SMB password-guessing and password-spray recordings
// of ../shared/real-logs imported through the UI, then their findings on Findings (filter, explanation,
// triage, what "Allowlist this" offers), their cards on Coverage, their parameters on Settings and their
// SQL on the SQL screen, run in the console. Skipped, saying why, where ../shared is absent. Screenshots:
// t1110-findings.png, t1110-coverage.png, t1110-settings.png, t1110-sql.png, t1110-003-findings.png,
// t1110-003-coverage.png, t1110-003-sql.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { analyticModules } from '../../electron/engine/analytics/index.js';
import { NEEDS_SHARED, realLogsDir, sampleEvidenceDir } from '../support/paths.js';
import { importThroughUi, openAppSession, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

const RECORDING = join(realLogsDir, 'sans-blue-team__DeepBlueCLI/evtx/smb-password-guessing-security.evtx');
const SPRAY = join(realLogsDir, 'sans-blue-team__DeepBlueCLI/evtx/password-spray.evtx');
let session: AppSession | undefined;

before(async () => {
  if (NEEDS_SHARED) return;
  session = await openAppSession();
  await importThroughUi(session.page, `${sampleEvidenceDir};${RECORDING};${SPRAY}`);
});

/** Shows only one analytic's findings and opens the first; returns how many rows it has. */
async function openOnly(page: Page, analytic: string): Promise<number> {
  await page.click('[data-testid="nav-findings"]');
  await page.locator(`[data-testid="filter-analytic-${analytic}"]`).waitFor();
  for (const box of await page.locator('[data-testid^="filter-analytic-"]').all()) {
    const id = (await box.getAttribute('data-testid'))!.slice('filter-analytic-'.length);
    if ((await box.isChecked()) !== (id === analytic)) await box.click();
  }
  const row = page.locator(`[data-testid="finding-row"][data-analytic="${analytic}"]`);
  await row.first().waitFor();
  const others = page.locator(`[data-testid="finding-row"]:not([data-analytic="${analytic}"])`);
  await others.first().waitFor({ state: 'detached', timeout: 10_000 });
  const count = await row.count();
  await row.first().click();
  await page.waitForSelector('[data-testid="finding-detail"] [data-testid="finding-explanation"]');
  return count;
}

/** What "Allowlist this" offers for the open finding, as [kind, value], and closes the dialog untouched. */
async function offered(page: Page): Promise<string[][]> {
  await page.click('[data-testid="allowlist-this"]');
  await page.waitForSelector('[data-testid="allowlist-dialog"]');
  const picks = await page.$$eval('[data-testid="allowlist-candidate"]', (inputs) =>
    inputs.map((i) => [i.getAttribute('data-kind') ?? '', i.getAttribute('data-value') ?? '']),
  );
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="allowlist-dialog"]', { state: 'detached' });
  return picks;
}

after(async () => {
  await session?.close();
});

test(
  'Findings: the T1110_001 filter, its finding, explanation and triage',
  { skip: NEEDS_SHARED },
  async () => {
    const { page } = session!;
    await page.click('[data-testid="nav-findings"]');
    await page.locator('[data-testid="filter-analytic-T1110_001"]').waitFor();
    assert.equal(
      await page.locator('label:has([data-testid="filter-analytic-T1110_001"])').getAttribute('title'),
      'Password guessing',
    );
    assert.equal(await openOnly(page, 'T1110_001'), 1);
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
    // The registry says a guessed account on the allowlist lowers the finding: the dialog offers it.
    assert.ok(
      (await offered(page)).some(([kind, value]) => kind === 'accounts' && value === 'Administrator'),
    );
  },
);

test(
  'Findings: the T1110_003 filter, the spray from DESKTOP-JR78RLP, its explanation, triage and allowlist picks',
  { skip: NEEDS_SHARED },
  async () => {
    const { page } = session!;
    assert.equal(
      await page.locator('label:has([data-testid="filter-analytic-T1110_003"])').getAttribute('title'),
      'Password spraying',
    );
    assert.equal(await openOnly(page, 'T1110_003'), 1);
    assert.equal(
      (await page.textContent('[data-testid="finding-title"]')) ?? '',
      'Password spraying of 41 accounts from DESKTOP-JR78RLP (DESKTOP-JR78RLP\\jwrig) against 172.16.144.128 port 445 (SMB)',
    );
    const explanation = (await page.textContent('[data-testid="finding-explanation"]')) ?? '';
    assert.match(explanation, /for 41 accounts over 5 min: 294 attempts/);
    assert.match(explanation, /The calling process is System \(pid 4\), the kernel's SMB client/);
    const triage = (await page.textContent('[data-testid="finding-triage"]')) ?? '';
    assert.match(triage, /Which accounts were tried, and are they real\?/);
    assert.match(triage, /Is DESKTOP-JR78RLP compromised\?/);
    assert.match(triage, /the Security log was cleared at 2019-04-30 19:27:00 UTC by DESKTOP-JR78RLP\\jwrig/);
    await screenshot(page, 't1110-003-findings');
    // A sprayed account on the allowlist lowers nothing, so none is offered; the sprayer and the host are.
    assert.deepEqual(await offered(page), [
      ['accounts', 'DESKTOP-JR78RLP\\jwrig'],
      ['hosts', 'DESKTOP-JR78RLP'],
    ]);
  },
);

test(
  'Coverage: its card, in registry order, with the recording partial',
  { skip: NEEDS_SHARED },
  async () => {
    const { page } = session!;
    await page.click('[data-testid="nav-coverage"]');
    const card = page.locator('[data-testid="coverage-analytic"][data-analytic="T1110_001"]');
    await card.waitFor();
    const order = await page.$$eval('[data-testid="coverage-analytic"]', (cards) =>
      cards.map((c) => c.getAttribute('data-analytic')),
    );
    assert.deepEqual(
      order,
      analyticModules().map((m) => m.id),
    );
    const text = (await card.textContent()) ?? '';
    assert.match(text, /Password guessing/);
    assert.match(text, /DESKTOP-M5SN04R/);
    assert.match(text, /4625 failures but no successful logon/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 't1110-coverage');
    const spray = page.locator('[data-testid="coverage-analytic"][data-analytic="T1110_003"]');
    const sprayText = (await spray.textContent()) ?? '';
    assert.match(sprayText, /Password spraying/);
    assert.match(sprayText, /DESKTOP-JR78RLP/);
    assert.match(sprayText, /4648 present but no process creation/);
    await spray.scrollIntoViewIfNeeded();
    await screenshot(page, 't1110-003-coverage');
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
  const spray =
    (await page.locator('.param-group', { hasText: 'T1110_003 · Password spraying' }).textContent()) ?? '';
  for (const name of ['t1110_003_window_minutes', 't1110_003_min_accounts', 't1110_003_high_accounts']) {
    assert.ok(spray.includes(name), name);
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

test(
  'SQL: the spray detection, run as is in the console, finds jwrig’s spray',
  { skip: NEEDS_SHARED },
  async () => {
    const { page } = session!;
    await page.click('[data-testid="nav-sql"]');
    await page.click('[data-testid="sql-pick-T1110_003"]');
    await page.waitForSelector('[data-testid="sql-text"]');
    assert.match(await page.inputValue('[data-testid="sql-text"]'), /^-- id: {6}T1110_003/);
    await page.click('[data-testid="sql-run"]');
    await page.waitForSelector('[data-testid="sql-result"]');
    assert.match((await page.textContent('[data-testid="sql-result"]')) ?? '', /jwrig/);
    await screenshot(page, 't1110-003-sql');
  },
);
