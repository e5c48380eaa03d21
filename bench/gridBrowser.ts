// Child process of the bench: the event grid in a real browser on the bench case, through the browser-mode
// server, timed from the user's action to the rows on screen (the engine's answer, the HTTP round trip and
// React's drawing together), each action two seconds after the last has settled, as a user reads. Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH); says so and stops
// without it. `node dist/bench/gridBrowser.js CASE` runs it alone.
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../electron/engine/server/startServer.js';

const [casePath] = process.argv.slice(2);
if (!casePath) throw new Error('usage: gridBrowser CASE');
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.log(`\nevent grid in the browser: not measured (no Chromium at ${executablePath})`);
  process.exit(0);
}

const GRID = '[data-testid="timeline-events"]';
const ROW = `${GRID} [data-testid="timeline-event-row"]`;
type Doc = {
  querySelector(s: string): { getAttribute(a: string): string | null; textContent: string | null } | null;
};

/** Waits until the grid is idle, every row in sight is drawn (none waiting for its page), and `ready` holds. */
async function settled(page: Page, ready: string): Promise<void> {
  await page.waitForFunction(
    ({ grid, row, ready }) => {
      const doc = (globalThis as unknown as { document: Doc }).document;
      return (
        doc.querySelector(`${grid}[aria-busy="false"]`) !== null &&
        doc.querySelector(`${row}.pending`) === null &&
        doc.querySelector(ready) !== null
      );
    },
    { grid: GRID, row: ROW, ready },
    { timeout: 120_000, polling: 'raf' },
  );
}

async function timed(
  label: string,
  act: () => Promise<unknown>,
  done: () => Promise<unknown>,
): Promise<void> {
  const t = performance.now();
  await act();
  await done();
  console.log(`  ${label.padEnd(52)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
}

const server = await startServer({ casePath, port: 0 });
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu'],
  headless: true,
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('[data-app-state="ready"]', { timeout: 120_000 });
  console.log('\nevent grid in the browser (Chromium, browser mode; from the action to the rows drawn):');
  await timed(
    "open the Timeline: the grid's first rows (beside the chart)",
    () => page.click('[data-testid="nav-timeline"]'),
    () => settled(page, `${ROW}:not(.pending)`),
  );
  const total = Number(await page.getAttribute(GRID, 'data-total'));
  console.log(`  (${total} events in the case)`);
  await timed(
    'scroll to the middle of the case',
    () =>
      page.$eval(`${GRID} [data-testid="grid-body"]`, (el) => {
        const box = el as unknown as { scrollTop: number; scrollHeight: number; clientHeight: number };
        box.scrollTop = (box.scrollHeight - box.clientHeight) / 2;
      }),
    () => settled(page, `${ROW}[data-row="${Math.floor(total / 2)}"]`),
  );
  await page.fill(`${GRID} [data-testid="grid-find"]`, 'svchost');
  await timed(
    'find next "svchost" (Enter to the row selected)',
    () => page.press(`${GRID} [data-testid="grid-find"]`, 'Enter'),
    () => settled(page, `${ROW}[aria-selected="true"]`),
  );
  await page.click(`${GRID} .egrid-th[data-column="host"] [data-testid="grid-filter-open"]`);
  await page.locator('[data-testid="grid-value"]').nth(2).waitFor();
  await page.locator('[data-testid="grid-value"]').nth(2).click();
  await timed(
    'filter by a host (Apply to rows)',
    () => page.click('[data-testid="grid-filter-apply"]'),
    () =>
      settled(page, `${GRID}:not([data-total="${total}"]) [data-testid="timeline-event-row"]:not(.pending)`),
  );
  await timed(
    'sort by event id (click to rows)',
    () => page.click(`${GRID} .egrid-th[data-column="event_id"] [data-testid="grid-sort"]`),
    () => settled(page, `${GRID} .egrid-th[data-column="event_id"][aria-sort="ascending"]`),
  );
  // A grid on a screen without a chart: a coverage cell's events.
  await page.click('[data-testid="nav-coverage"]');
  await page.waitForSelector('[data-testid="coverage-matrix"]', { timeout: 300_000 });
  const cell = page.locator('[data-testid="coverage-cell"][data-key="4624"]').first();
  const cellGrid = '[data-testid="coverage-events"]';
  await timed(
    "open a coverage cell: the grid's first rows",
    () => cell.click(),
    () =>
      page.waitForFunction(
        (grid) => {
          const doc = (globalThis as unknown as { document: Doc }).document;
          return (
            doc.querySelector(`${grid}[aria-busy="false"] [data-testid="coverage-event-row"]`) !== null &&
            doc.querySelector(`${grid} .egrid-row.pending`) === null
          );
        },
        cellGrid,
        { timeout: 120_000, polling: 'raf' },
      ),
  );
} finally {
  await browser.close();
  await server.close();
}
