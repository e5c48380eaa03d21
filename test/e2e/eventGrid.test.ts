// The event grid against the real engine on the sample case: a column filter by value and by text, find
// next and previous (Ctrl+F, the match selected and marked), export of exactly what is shown as CSV and
// JSON lines, keyboard-only opening of a row, and a coverage cell's events in the same grid. Screenshots go
// to test-output/screenshots/ (grid-*.png).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { sampleLogsDir } from '../support/paths.js';
import { importThroughUi, openAppSession, texts, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

let session: AppSession;
const GRID = '[data-testid="timeline-events"]';
const ROW = `${GRID} [data-testid="timeline-event-row"]`;

before(async () => {
  session = await openAppSession();
  await importThroughUi(session.page, sampleLogsDir);
});

after(async () => {
  await session?.close();
});

async function settled(page: Page): Promise<void> {
  await page.waitForSelector(`${GRID}[aria-busy="false"] [data-testid="timeline-event-row"]`);
}

type Doc = { querySelector(s: string): { getAttribute(a: string): string | null } | null };

/** Waits until the grid holds fewer than `n` rows (a function: the app's CSP forbids string predicates). */
async function waitForTotalBelow(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    ({ grid, n }) =>
      Number(
        (globalThis as unknown as { document: Doc }).document.querySelector(grid)?.getAttribute('data-total'),
      ) < n,
    { grid: GRID, n },
  );
}

/** Waits until the selected row is (or, with `not`, is no longer) row `row`. */
async function waitForSelected(page: Page, row: number, not = false): Promise<void> {
  await page.waitForFunction(
    ({ sel, row, not }) => {
      const at = (globalThis as unknown as { document: Doc }).document
        .querySelector(sel)
        ?.getAttribute('data-row');
      return at != null && (Number(at) === row) !== not;
    },
    { sel: `${ROW}[aria-selected="true"]`, row, not },
  );
}

async function total(page: Page): Promise<number> {
  return Number(await page.getAttribute(GRID, 'data-total'));
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await file.path();
  assert.ok(path, 'the download was not saved');
  await page.waitForSelector('[data-testid="grid-export-note"]');
  return readFileSync(path, 'utf8');
}

test('the Timeline lists the whole case in one grid, only the rows in sight drawn', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-timeline"]');
  await settled(page);
  const all = await total(page);
  assert.ok(all > 20_000, `the sample case has ${all} events`);
  const drawn = await page.locator(ROW).count();
  assert.ok(drawn > 10 && drawn < 60, `${drawn} rows drawn for ${all} events`);
  assert.match((await page.textContent('[data-testid="grid-total"]')) ?? '', /events · sorted by time ▲/);
  await page.locator(GRID).scrollIntoViewIfNeeded();
  await screenshot(page, 'grid-timeline');
});

test('filter by values and by text, then find next and previous', async () => {
  const { page } = session;
  const all = await total(page);
  await page.click(`${GRID} .egrid-th[data-column="host"] [data-testid="grid-filter-open"]`);
  await page.locator('[data-testid="grid-value"]', { hasText: 'WS01.corp.local' }).click();
  await page.click('[data-testid="grid-filter-apply"]');
  await page.waitForSelector('[data-testid="grid-filter-chip"][data-column="host"]');
  await waitForTotalBelow(page, all);
  await settled(page);
  const hosts = new Set(await texts(page, `${ROW} [data-column="host"]`));
  assert.deepEqual([...hosts], ['WS01.corp.local']);
  const onWs01 = await total(page);

  // Command lines naming `net user`: a text filter on a column the grid does not show yet.
  await page.click(`${GRID} [data-testid="grid-columns-open"]`);
  await page.click('[data-testid="grid-column-option"][data-column="command_line"]');
  await page.keyboard.press('Escape');
  await page.click(`${GRID} .egrid-th[data-column="command_line"] [data-testid="grid-filter-open"]`);
  await page.fill('[data-testid="grid-filter-text"]', 'NET USER');
  await page.click('[data-testid="grid-filter-apply"]');
  await waitForTotalBelow(page, onWs01);
  await settled(page);
  const commands = await texts(page, `${ROW} [data-column="command_line"]`);
  assert.ok(commands.length > 0 && commands.every((c) => /net user/i.test(c)), JSON.stringify(commands));

  // Find: Ctrl+F goes to the box; Enter finds the next row holding the text, which is selected and marked.
  await page.keyboard.press('Control+f');
  assert.equal(
    await page.evaluate(() =>
      (
        globalThis as unknown as {
          document: { activeElement: { getAttribute(a: string): string | null } | null };
        }
      ).document.activeElement?.getAttribute('data-testid'),
    ),
    'grid-find',
  );
  await page.keyboard.type('backdoor');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${ROW}[aria-selected="true"] mark`);
  const first = Number(await page.getAttribute(`${ROW}[aria-selected="true"]`, 'data-row'));
  assert.match((await page.textContent(`${ROW}[aria-selected="true"]`)) ?? '', /backdoor/i);
  assert.match(
    (await page.textContent('[data-testid="grid-find-status"]')) ?? '',
    new RegExp(`Row ${first + 1}`),
  );
  await page.click('[data-testid="grid-find-next"]');
  await waitForSelected(page, first, true);
  const second = Number(await page.getAttribute(`${ROW}[aria-selected="true"]`, 'data-row'));
  assert.ok(second !== first);
  await page.click('[data-testid="grid-find-prev"]');
  await waitForSelected(page, first);
  await screenshot(page, 'grid-timeline-filtered-find');
});

test('export gives exactly the rows and columns shown, as CSV and as JSON lines', async () => {
  const { page } = session;
  const shown = await total(page);
  const columns = await page.$$eval(`${GRID} .egrid-th[data-column]`, (ths) =>
    ths.map((t) => t.getAttribute('data-column')),
  );
  const csv = await download(page, `${GRID} [data-testid="grid-export-csv"]`);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines.length, shown + 1, 'a header and one line per row');
  assert.equal(lines[0], '"Time (UTC)","Host","Event","Category","Summary","Command line"');
  assert.deepEqual(columns, ['time', 'host', 'event_id', 'category', 'summary', 'command_line']);
  assert.ok(
    lines.slice(1).every((l) => l.includes('"WS01.corp.local"') && /net user/i.test(l)),
    csv.slice(0, 500),
  );
  const jsonl = await download(page, `${GRID} [data-testid="grid-export-jsonl"]`);
  const objects = jsonl
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(objects.length, shown);
  assert.deepEqual(Object.keys(objects[0]!), columns);
  assert.ok(objects.every((o) => o['host'] === 'WS01.corp.local'));
});

test('the keyboard alone moves through the rows and opens one raw', async () => {
  const { page } = session;
  const remove = page.locator('[data-testid="grid-filter-remove"]');
  while ((await remove.count()) > 0) await remove.first().click();
  await settled(page);
  await page.focus(`${GRID} [data-testid="grid-body"]`);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute(`${ROW}[aria-selected="true"]`, 'data-row'), '2');
  await page.keyboard.press('End');
  await page.waitForSelector(`${ROW}[aria-selected="true"][data-row="${(await total(page)) - 1}"]`);
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="raw-viewer"] [data-testid="raw-text"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="raw-viewer"]', { state: 'detached' });
});

test('a coverage cell lists its events in the same grid, filterable and exportable', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-coverage"]');
  await page.click(
    '[data-testid="coverage-row"][data-host="WS01.corp.local"] [data-testid="coverage-cell"][data-key="4688"]',
  );
  const cell = '[data-testid="coverage-events"]';
  await page.waitForSelector(`${cell}[aria-busy="false"] [data-testid="coverage-event-row"]`);
  const count = Number(
    (
      await page.textContent(
        `[data-testid="coverage-row"][data-host="WS01.corp.local"] [data-testid="coverage-cell"][data-key="4688"]`,
      )
    )?.replace(/,/g, ''),
  );
  assert.equal(
    Number(await page.getAttribute(cell, 'data-total')),
    count,
    'the grid holds the cell’s events',
  );
  const ids = new Set(
    await texts(page, `${cell} [data-testid="coverage-event-row"] [data-column="event_id"]`),
  );
  assert.deepEqual([...ids], ['4688']);
  await page.locator(cell).scrollIntoViewIfNeeded();
  await screenshot(page, 'grid-coverage-cell');
});
