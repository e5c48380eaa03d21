// Triage in the app against the real engine, on two files of the sample case (SRV-PROV01's Security log and
// an Entra sign-in export): a responder sets a finding's status, tags it and writes a note, finds it again
// after reloading the page, filters the table on it, tags an event in the raw viewer, reads all of it in
// the exported HTML report, and uses "Allowlist this" to lower a pen-test source. Screens are saved in
// test-output/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { sampleEvidenceDir } from '../support/paths.js';
import { importThroughUi, openAppSession, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

let session: AppSession;

const CREATED = 'SRV-PROV01\\temp.rvanloon';
const NOTE = 'Ask HR whether rvanloon started this week.';

before(async () => {
  session = await openAppSession();
  const evidence = join(session.caseDir, 'evidence');
  mkdirSync(evidence);
  for (const name of ['SRV-PROV01-Security.xml', 'entra-SigninLogs-loganalytics.json']) {
    copyFileSync(join(sampleEvidenceDir, name), join(evidence, name));
  }
  await importThroughUi(session.page, evidence);
});

after(async () => {
  await session?.close();
});

/** The AN1604 finding of the account created on SRV-PROV01, selected in the Findings table. */
async function openCreated(page: Page): Promise<void> {
  await page.click('[data-testid="nav-findings"]');
  const row = page.locator('[data-testid="finding-row"][data-analytic="AN1604"]', {
    hasText: 'temp.rvanloon',
  });
  await row.first().click();
  await page.waitForSelector(`[data-testid="finding-title"]:has-text("${CREATED.replace(/\\/g, '\\\\')}")`);
}

/** Waits until exactly `n` elements match (a function, not a string: the app's CSP forbids eval). */
async function waitForCount(page: Page, selector: string, n: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, n }) =>
      (
        globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
      ).document.querySelectorAll(selector).length === n,
    { selector, n },
  );
}

const inputValues = async (page: Page, selector: string): Promise<string[]> => {
  const inputs = page.locator(selector);
  const out: string[] = [];
  for (let i = 0; i < (await inputs.count()); i++) out.push(await inputs.nth(i).inputValue());
  return out;
};

const pressed = (page: Page, selector: string) => page.waitForSelector(`${selector}[aria-pressed="true"]`);

test('a finding gets a status, a tag, a bookmark and a note, shown in the table', async () => {
  const { page } = session;
  await openCreated(page);
  const review = '[data-testid="finding-review"]';
  await page.click(`${review} [data-testid="review-status-confirmed"]`);
  await pressed(page, `${review} [data-testid="review-status-confirmed"]`);
  await page.click(`${review} [data-testid="tag-toggle"][data-tag="suspicious"]`);
  await pressed(page, `${review} [data-testid="tag-toggle"][data-tag="suspicious"]`);
  await page.click(`${review} [data-testid="review-bookmark"]`);
  await pressed(page, `${review} [data-testid="review-bookmark"]`);
  await page.fill(`${review} [data-testid="review-note"]`, NOTE);
  await page.click(`${review} [data-testid="review-note-save"]`);
  await page.waitForSelector(`${review}[data-saving="false"] [data-testid="review-note-save"]:disabled`);
  assert.match(
    (await page.textContent('[data-testid="review-status-set"]')) ?? '',
    /^Confirmed since \d{4}-/,
  );

  const row = page.locator('[data-testid="finding-row"][data-analytic="AN1604"]', {
    hasText: 'temp.rvanloon',
  });
  await row.locator('[data-testid="review-status"][data-status="confirmed"]').waitFor();
  assert.deepEqual(await row.locator('[data-testid="tag-chip"]').allTextContents(), ['suspicious']);
  await screenshot(page, 'triage-finding');
});

test('the table filters to unreviewed findings and to a tag', async () => {
  const { page } = session;
  const all = await page.locator('[data-testid="finding-row"]').count();
  await page.selectOption('[data-testid="filter-status"]', 'new');
  await waitForCount(page, '[data-testid="finding-row"]', all - 1);
  assert.equal(
    await page
      .locator('[data-testid="finding-row"] [data-testid="review-status"]:not([data-status="new"])')
      .count(),
    0,
  );
  await page.selectOption('[data-testid="filter-status"]', '');
  await page.selectOption('[data-testid="filter-tag"]', 'suspicious');
  await waitForCount(page, '[data-testid="finding-row"]', 1);
  // Selected again after it was filtered away, the finding's detail shows its review as saved.
  await pressed(page, '[data-testid="finding-review"] [data-testid="review-status-confirmed"]');
  await pressed(page, '[data-testid="finding-review"] [data-testid="tag-toggle"][data-tag="suspicious"]');
  assert.match((await page.textContent('[data-testid="finding-row"]')) ?? '', /temp\.rvanloon/);
  await screenshot(page, 'triage-filter-tag');
  await page.selectOption('[data-testid="filter-tag"]', '');
});

test('after a reload of the page the finding still has its status, tag, bookmark and note', async () => {
  const { page } = session;
  await page.reload();
  await page.waitForSelector('[data-app-state="ready"]');
  await openCreated(page);
  const review = '[data-testid="finding-review"]';
  await pressed(page, `${review} [data-testid="review-status-confirmed"]`);
  await pressed(page, `${review} [data-testid="tag-toggle"][data-tag="suspicious"]`);
  await pressed(page, `${review} [data-testid="review-bookmark"]`);
  assert.equal(await page.inputValue(`${review} [data-testid="review-note"]`), NOTE);
});

test('the details read as fields, with the JSON behind a disclosure', async () => {
  const { page } = session;
  const keys = await page.$$eval('[data-testid="detail-field"]', (els) =>
    els.map((e) => e.getAttribute('data-key')),
  );
  assert.ok(keys.includes('account') && keys.includes('followUps'), JSON.stringify(keys));
  const followUps = page.locator('[data-testid="detail-field"][data-key="followUps"] li');
  assert.ok((await followUps.count()) >= 1);
  assert.match((await followUps.first().textContent()) ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC · /);
  assert.equal(await page.isVisible('[data-testid="details-json"]'), false, 'the JSON starts folded');
  await page.locator('[data-testid="detail-field"][data-key="followUps"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'finding-details-fields');
});

test('an event opened raw gets a tag, a note and a bookmark', async () => {
  const { page } = session;
  await page.locator('[data-testid="evidence-row"] [data-testid="open-raw"]').first().click();
  await page.waitForSelector('[data-testid="raw-text"]');
  const bar = '[data-testid="event-triage"]';
  await page.click(`${bar} [data-testid="tag-toggle"][data-tag="follow up"]`);
  await pressed(page, `${bar} [data-testid="tag-toggle"][data-tag="follow up"]`);
  await page.click(`${bar} [data-testid="event-bookmark"]`);
  await pressed(page, `${bar} [data-testid="event-bookmark"]`);
  await page.fill(`${bar} [data-testid="event-note"]`, 'the 4720 itself');
  await page.click(`${bar} [data-testid="event-note-save"]`);
  await page.waitForSelector(`${bar}[data-saving="false"] [data-testid="event-note-save"]:disabled`);
  await screenshot(page, 'triage-raw-event');
  await page.click('[data-testid="modal-close"]');
  // Opened again, the event has what was set.
  await page.locator('[data-testid="evidence-row"] [data-testid="open-raw"]').first().click();
  await pressed(page, `${bar} [data-testid="event-bookmark"]`);
  assert.equal(await page.inputValue(`${bar} [data-testid="event-note"]`), 'the 4720 itself');
  await page.click('[data-testid="modal-close"]');
});

test('the exported HTML report carries the status, tag and note, and no local path', async () => {
  const { page, caseDir } = session;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="export-html"]'),
  ]);
  const html = readFileSync((await download.path())!, 'utf8');
  const section = html.slice(html.indexOf('temp.rvanloon</h3>') - 200);
  assert.match(section, /<span class="status confirmed">confirmed<\/span>/);
  assert.match(section, /<span class="tag">suspicious<\/span>/);
  assert.ok(section.includes(NOTE));
  assert.match(html, /Tagged and bookmarked events/);
  assert.ok(html.includes('the 4720 itself'));
  assert.ok(!html.includes(caseDir), 'the report names the case folder');
});

test('Allowlist this: the pen-test source address, with a reason, lowers its finding', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-findings"]');
  const row = page.locator('[data-testid="finding-row"][data-analytic="T1589"]', {
    hasText: '198.51.100.23',
  });
  await row.first().click();
  await page.waitForSelector('[data-testid="finding-title"]:has-text("198.51.100.23")');
  const before = await page.textContent('[data-testid="finding-detail"] .detail-head');
  assert.doesNotMatch(before ?? '', /\blow\b/);
  await page.click('[data-testid="allowlist-this"]');
  await page.waitForSelector('[data-testid="allowlist-dialog"]');
  await page.check('[data-testid="allowlist-candidate"][data-kind="sourceIps"][data-value="198.51.100.23"]');
  await page.fill('[data-testid="allowlist-reason"]', 'Authorised penetration test PT-2026-03');
  await screenshot(page, 'allowlist-this');
  await page.click('[data-testid="allowlist-submit"]');
  const result =
    (await (
      await page.waitForSelector('[data-testid="allowlist-result"]', { timeout: 120_000 })
    ).textContent()) ?? '';
  assert.match(
    result,
    /Lowered from medium to low: allowlisted \(sourceIp “198\.51\.100\.23”\) — Authorised penetration test PT-2026-03/,
  );
  await screenshot(page, 'allowlist-this-done');
  await page.click('[data-testid="allowlist-done"]');
  await page.waitForSelector('[data-testid="finding-detail"] .note:has-text("Lowered by the allowlist")');
  await row.locator('text=allowlisted').waitFor();
  // The Settings screen lists the new entry with its reason.
  await page.click('[data-testid="nav-settings"]');
  await page.waitForSelector('[data-testid="allowlist-sourceIps-value"]');
  const values = await inputValues(page, '[data-testid="allowlist-sourceIps-value"]');
  const reasons = await inputValues(page, '[data-testid="allowlist-sourceIps-reason"]');
  assert.deepEqual(values, ['198.51.100.23']);
  assert.deepEqual(reasons, ['Authorised penetration test PT-2026-03']);
  await page.locator('[data-testid="tag-set"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-tag-set');
});

test('the session made no request off the machine, opened no dialog, raised no error', () => {
  const { guarded } = session;
  assert.deepEqual(guarded.externalRequests, []);
  assert.deepEqual(guarded.dialogs, []);
  assert.deepEqual(guarded.pageErrors, []);
});
