// A user's page timeline in the event grid and the Bookmarks screen, against the real engine and the sample
// case: CORP\jdoe's events filtered by the role the account plays and by category, found and exported as
// shown; an empty Bookmarks screen that says how to bookmark; an event bookmarked (with a note) in the raw
// viewer and a finding bookmarked (with a tag) in its review, both on the Bookmarks screen after a reload,
// the events exported exactly; the screen worked with the keyboard alone, and a bookmark taken away there
// leaving the list at once. Screenshots go to test-output/screenshots/ (entity-grid-*, bookmarks-*).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { sampleEvidenceDir } from '../support/paths.js';
import { importThroughUi, openAppSession, texts, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

let session: AppSession;
const ENTITY = '[data-testid="entity-timeline"]';
const ENTITY_ROW = `${ENTITY} [data-testid="entity-event-row"]`;
const EVENTS = '[data-testid="bookmarked-events"]';
const NOTE = 'jdoe ran this from the RDP session';
const FINDING_NOTE = 'Created from the RDP session out of 10.0.4.7; ask the client who jdoe is.';

before(async () => {
  session = await openAppSession();
  await importThroughUi(session.page, sampleEvidenceDir);
});

after(async () => {
  await session?.close();
});

// The page's DOM, typed loosely: the tests compile without the DOM's types.
interface LooseElement {
  getAttribute(name: string): string | null;
  closest(selector: string): LooseElement | null;
}
interface LooseDoc {
  activeElement: LooseElement | null;
  querySelector(s: string): LooseElement | null;
}
type LooseWindow = { document: LooseDoc; location: { hash: string } };

const hash = () => session.page.evaluate(() => (globalThis as unknown as LooseWindow).location.hash);

function focused(name: string): Promise<string | null> {
  return session.page.evaluate(
    (n) => (globalThis as unknown as LooseWindow).document.activeElement?.getAttribute(n) ?? null,
    name,
  );
}

const total = async (page: Page, grid: string) => Number(await page.getAttribute(grid, 'data-total'));

/** Waits until a grid's total is `test`ed true (a function, not a string: the app's CSP forbids eval). */
async function waitForTotal(page: Page, grid: string, op: 'below' | 'is', n: number): Promise<void> {
  await page.waitForFunction(
    ({ grid, op, n }) => {
      const el = (globalThis as unknown as LooseWindow).document.querySelector(`${grid}[aria-busy="false"]`);
      const t = el?.getAttribute('data-total');
      if (t === null || t === undefined) return false;
      return op === 'below' ? Number(t) < n : Number(t) === n;
    },
    { grid, op, n },
  );
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await file.path();
  assert.ok(path, 'the download was not saved');
  return readFileSync(path, 'utf8');
}

async function openJdoe(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as LooseWindow).location.hash =
      `#/entity/user/${encodeURIComponent('CORP\\jdoe')}`;
  });
  await page.waitForSelector(`${ENTITY}[aria-busy="false"] [data-testid="entity-event-row"]`);
}

test('an empty Bookmarks screen says how to bookmark a finding and an event', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-bookmarks"]');
  await page.waitForSelector('[data-testid="bookmarks-empty"]');
  assert.equal(await hash(), '#/bookmarks');
  const text = (await page.textContent('[data-testid="bookmarks-empty"]')) ?? '';
  assert.match(text, /Nothing is bookmarked yet/);
  assert.match(text, /on Findings and press ☆ Bookmark in its review/);
  assert.match(text, /open it raw from any list of events .* press ☆ Bookmark in the viewer/);
  assert.equal(await page.locator(EVENTS).count(), 0, 'no empty grid under the explanation');
  await screenshot(page, 'bookmarks-empty');
});

test("a user's timeline is the event grid: the role of the account, filters, find and export of what is shown", async () => {
  const { page } = session;
  await openJdoe(page);
  const all = await total(page, ENTITY);
  const header = ((await page.textContent('[data-testid="entity-page"] .entity-head')) ?? '').replace(
    /,/g,
    '',
  );
  assert.ok(header.includes(`${all} events`), `the grid holds the page's ${all} events: ${header}`);
  const roles = new Set(await texts(page, `${ENTITY_ROW} [data-testid="entity-event-role"]`));
  assert.ok(roles.size > 0 && [...roles].every((r) => r === 'actor' || r === 'target'), [...roles].join());
  await page.locator(ENTITY).scrollIntoViewIfNeeded();
  await screenshot(page, 'entity-grid-user');

  // Only what jdoe did, and only process starts: the role's value list, then the category chips.
  await page.click(`${ENTITY} .egrid-th[data-column="role"] [data-testid="grid-filter-open"]`);
  await page.locator('[data-testid="grid-value"]', { hasText: 'actor' }).click();
  await page.click('[data-testid="grid-filter-apply"]');
  await waitForTotal(page, ENTITY, 'below', all);
  const acted = await total(page, ENTITY);
  for (const box of await page.locator('[data-testid="entity-category"]').all())
    if ((await box.getAttribute('data-category')) !== 'process') await box.uncheck();
  await waitForTotal(page, ENTITY, 'below', acted);
  const shown = await total(page, ENTITY);
  assert.ok(shown > 0, 'jdoe started processes');
  assert.deepEqual(
    new Set(await texts(page, `${ENTITY_ROW} [data-testid="entity-event-role"]`)),
    new Set(['actor']),
  );
  assert.deepEqual(
    new Set(await texts(page, `${ENTITY_ROW} [data-column="category"]`)),
    new Set(['process']),
  );

  // Find: the net.exe that made the backdoor, selected and marked.
  await page.fill(`${ENTITY} [data-testid="grid-find"]`, 'backdoor');
  await page.press(`${ENTITY} [data-testid="grid-find"]`, 'Enter');
  await page.waitForSelector(`${ENTITY_ROW}[aria-selected="true"] mark`);
  await screenshot(page, 'entity-grid-filtered');

  const csv = await download(page, `${ENTITY} [data-testid="grid-export-csv"]`);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines.length, shown + 1, 'a header and one line per row shown');
  assert.equal(lines[0], '"Time (UTC)","Host","Event","Category","Role","Summary"');
  assert.ok(
    lines.slice(1).every((l) => l.includes(',"process","actor",')),
    csv.slice(0, 400),
  );
  const jsonl = await download(page, `${ENTITY} [data-testid="grid-export-jsonl"]`);
  const objects = jsonl
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(objects.length, shown);
  assert.ok(objects.every((o) => o['role'] === 'actor' && o['category'] === 'process'));
  assert.ok(objects.some((o) => /backdoor/.test(String(o['summary']))));
});

test('a bookmarked event and finding are on the Bookmarks screen after a reload; the events export exactly', async () => {
  const { page } = session;
  // The selected row (the backdoor's net.exe) opens raw; bookmarked with a note there.
  const row = page.locator(`${ENTITY_ROW}[aria-selected="true"]`);
  const summary = (await row.locator('[data-column="summary"]').textContent()) ?? '';
  assert.match(summary, /backdoor/);
  await row.locator('[data-testid="open-raw"]').click();
  await page.waitForSelector('[data-testid="raw-viewer"] [data-testid="raw-text"]');
  assert.ok(await page.isVisible('[data-testid="raw-open-tree"]'), 'a process start offers its process tree');
  await page.click('[data-testid="event-bookmark"]');
  await page.waitForSelector('[data-testid="event-bookmark"][aria-pressed="true"]');
  await page.fill('[data-testid="event-note"]', NOTE);
  await page.click('[data-testid="event-note-save"]');
  await page.waitForSelector('[data-testid="event-note-save"]:disabled');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="raw-viewer"]', { state: 'detached' });

  // The backdoor's creation, bookmarked and tagged in its review.
  await page.click('[data-testid="nav-findings"]');
  await page
    .locator('[data-testid="finding-row"][data-analytic="AN1604"]', { hasText: 'backdoor' })
    .first()
    .click();
  await page.waitForSelector('[data-testid="finding-detail"] [data-testid="finding-review"]');
  const findingId = await page.getAttribute('[data-testid="finding-detail"]', 'data-finding-id');
  await page.click('[data-testid="review-bookmark"]');
  await page.waitForSelector('[data-testid="review-bookmark"][aria-pressed="true"]');
  await page.click('[data-testid="review-tags"] [data-testid="tag-toggle"][data-tag="follow up"]');
  await page.waitForSelector('[data-testid="review-tags"] [data-tag="follow up"][aria-pressed="true"]');
  await page.click('[data-testid="review-status-confirmed"]');
  await page.waitForSelector('[data-testid="review-status-confirmed"][aria-pressed="true"]');
  await page.fill('[data-testid="review-note"]', FINDING_NOTE);
  await page.click('[data-testid="review-note-save"]');
  await page.waitForSelector('[data-testid="review-note-save"]:disabled');

  await page.reload();
  await page.waitForSelector('[data-app-state="ready"]');
  await page.click('[data-testid="nav-bookmarks"]');
  await page.waitForSelector(`${EVENTS}[aria-busy="false"] [data-testid="bookmarked-event-row"]`);
  assert.match((await page.textContent('[data-testid="bookmarks-counts"]')) ?? '', /1 finding · 1 event/);
  const finding = page.locator('[data-testid="bookmarked-finding"]');
  assert.equal(await finding.count(), 1);
  assert.equal(await finding.getAttribute('data-finding-id'), findingId);
  assert.equal(
    await finding.locator('[data-testid="review-status"]').getAttribute('data-status'),
    'confirmed',
  );
  assert.deepEqual(await texts(page, '[data-testid="bookmarked-finding-tags"] [data-testid="tag-chip"]'), [
    'follow up',
  ]);
  assert.deepEqual(await texts(page, '[data-testid="bookmarked-finding-note"]'), [FINDING_NOTE]);
  assert.equal(await total(page, EVENTS), 1);
  assert.deepEqual(await texts(page, `${EVENTS} [data-testid="bookmarked-event-note"]`), [NOTE]);
  assert.equal(
    await page.textContent(`${EVENTS} [data-testid="bookmarked-event-row"] [data-column="summary"]`),
    summary,
  );
  await screenshot(page, 'bookmarks');

  const csv = await download(page, `${EVENTS} [data-testid="grid-export-csv"]`);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines.length, 2, csv);
  assert.equal(lines[0], '"Time (UTC)","Host","Event","Summary","Note","Tags"');
  assert.ok(lines[1]!.includes(`"${NOTE}"`) && lines[1]!.includes('backdoor'), lines[1]);
  const jsonl = await download(page, `${EVENTS} [data-testid="grid-export-jsonl"]`);
  assert.deepEqual(
    jsonl
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as Record<string, unknown>)['note']),
    [NOTE],
  );
});

test('the Bookmarks screen with the keyboard alone: one Tab stop per table, Enter opens; a bookmark taken away leaves at once', async () => {
  const { page } = session;
  await page.focus('[data-testid="nav-bookmarks"]');
  let tabs = 0;
  while ((await focused('data-testid')) !== 'bookmarked-finding' && tabs < 30) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  assert.ok(tabs < 30, 'Tab never reached the bookmarked findings');
  const findingId = await focused('data-finding-id');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`[data-testid="finding-detail"][data-finding-id="${findingId}"]`);
  assert.equal(await hash(), `#/findings/${findingId}`);
  await page.goBack();
  await page.waitForSelector(`${EVENTS}[aria-busy="false"] [data-testid="bookmarked-event-row"]`);

  // From the findings' table, the next Tab stops go through the grid's tools to its rows: one stop.
  await page.focus('[data-testid="bookmarked-finding"]');
  for (tabs = 0; tabs < 30 && (await focused('data-testid')) !== 'grid-body'; tabs++)
    await page.keyboard.press('Tab');
  assert.equal(await focused('data-testid'), 'grid-body');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector(`${EVENTS} [data-testid="bookmarked-event-row"][aria-selected="true"]`);
  await page.keyboard.press('Tab');
  assert.notEqual(await focused('data-testid'), 'grid-body', 'the grid is one Tab stop');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused('data-testid'), 'grid-body');
  await page.keyboard.press('Enter');
  await page.waitForSelector(
    '[data-testid="raw-viewer"] [data-testid="event-bookmark"][aria-pressed="true"]',
  );
  await page.click('[data-testid="event-bookmark"]');
  await page.waitForSelector('[data-testid="event-bookmark"][aria-pressed="false"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="raw-viewer"]', { state: 'detached' });
  // No reload: the grid reads its rows again, and says how to bookmark one.
  await waitForTotal(page, EVENTS, 'is', 0);
  assert.match(
    (await page.textContent(`${EVENTS} [data-testid="grid-empty"]`)) ?? '',
    /^No event is bookmarked\. An event: open it raw .* press ☆ Bookmark in the viewer/,
  );
  assert.equal(await page.locator('[data-testid="bookmarked-finding"]').count(), 1);
  await screenshot(page, 'bookmarks-no-events');
});

test('the session made no request off the machine, opened no dialog, raised no error', () => {
  const { guarded } = session;
  assert.deepEqual(guarded.externalRequests, []);
  assert.deepEqual(guarded.dialogs, []);
  assert.deepEqual(guarded.pageErrors, []);
});
