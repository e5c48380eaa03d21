// The whole app against the real engine and the bundled sample case, the way a responder uses it: import
// sample-logs/ through the UI, read the findings, open the backdoor account's story and its process chain,
// look at the timeline, sign-ins and SQL console, export a report. Each screen is saved as a screenshot in
// test-output/screenshots/. The page must never contact anything but the loopback server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { sampleEvidenceDir as sampleLogsDir } from '../support/paths.js';
import {
  importThroughUi,
  openAppSession,
  texts,
  waitForFewer,
  type AppSession,
} from './support/appSession.js';
import { screenshot } from './support/chromium.js';

let session: AppSession;

before(async () => {
  const files = readdirSync(sampleLogsDir, { recursive: true });
  assert.ok(files.length > 0, `the sample case is missing: ${sampleLogsDir} is empty`);
  session = await openAppSession();
});

after(async () => {
  await session?.close();
});

test('imports sample-logs/ through the path field and analyses it', async () => {
  const { page } = session;
  assert.ok(!page.url().includes('token='), 'the access token is still in the address bar');
  await importThroughUi(page, sampleLogsDir);
  const rows = await page.locator('[data-testid="import-summary-row"]').count();
  assert.ok(rows > 0, 'no per-file summary after the import');
  assert.match((await page.textContent('[data-testid="analyze-result"]')) ?? '', /^[1-9]\d* findings/);
  // The header refreshes after the analysis; a stale answer from before it must not stay there.
  await page.locator('[data-testid="count-findings"]', { hasNotText: /^0$/ }).waitFor({ timeout: 10_000 });
  await screenshot(page, 'import');
});

test('findings: the backdoor creation is listed, explained, and its evidence opens raw', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-findings"]');
  await page.waitForSelector('[data-testid="finding-row"]');
  const backdoor = page.locator('[data-testid="finding-row"][data-analytic="AN1604"]', {
    hasText: 'backdoor',
  });
  assert.ok((await backdoor.count()) > 0, 'no AN1604 finding for backdoor');
  await backdoor.first().click();
  await page.waitForSelector('[data-testid="finding-detail"] [data-testid="finding-explanation"]');
  assert.match((await page.textContent('[data-testid="finding-explanation"]')) ?? '', /backdoor/);
  assert.ok((await page.locator('[data-testid="finding-params"] tr').count()) > 0, 'no parameters shown');
  await screenshot(page, 'findings');

  await page.locator('[data-testid="evidence-row"] [data-testid="open-raw"]').first().click();
  const raw = (await (await page.waitForSelector('[data-testid="raw-text"]')).textContent()) ?? '';
  assert.match(raw, /<Event[\s>]/);
  await screenshot(page, 'raw-viewer');
  await page.click('[data-testid="modal-close"]');

  // The text filter goes to the engine and narrows the table.
  const all = await page.locator('[data-testid="finding-row"]').count();
  await page.fill('[data-testid="findings-filter-text"]', 'backdoor');
  await waitForFewer(page, '[data-testid="finding-row"]', all);
  const filtered = await texts(page, '[data-testid="finding-row"]');
  assert.ok(filtered.length > 0 && filtered.every((t) => /backdoor/i.test(t)), JSON.stringify(filtered));
  await page.fill('[data-testid="findings-filter-text"]', '');
});

test('accounts: the backdoor story shows cmd.exe → net.exe → net1.exe and the creating command line', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-accounts"]');
  await page.locator('[data-testid="account-row"]', { hasText: 'backdoor' }).first().click();
  await page.waitForSelector('[data-testid="account-story"] [data-testid="story-name"]:has-text("backdoor")');
  const images = (await texts(page, '[data-testid="lineage-image"]')).map((t) => t.trim().toLowerCase());
  const order = ['cmd.exe', 'net.exe', 'net1.exe'].map((name) => images.indexOf(name));
  assert.ok(
    order.every((i) => i >= 0) && order[0]! < order[1]! && order[1]! < order[2]!,
    `lineage is ${images.join(' → ')}`,
  );
  const commandLines = await texts(page, '[data-testid="lineage-node-cmdline"]');
  assert.ok(
    commandLines.some((c) => /\bnet1?(\.exe)?"?\s+user\s+backdoor\s.*\/add/i.test(c)),
    `command lines: ${JSON.stringify(commandLines)}`,
  );
  assert.ok((await page.locator('[data-testid="followup-point"]').count()) > 0, 'no events on the time axis');
  await screenshot(page, 'accounts');
});

test('timeline: the chart draws the case and a brushed range re-queries the engine', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-timeline"]');
  await page.waitForSelector('[data-testid="timeline-chart"] path.recharts-rectangle');
  const paths = await page.$$eval('[data-testid="timeline-chart"] path.recharts-rectangle', (els) =>
    els.map((e) => e.getAttribute('d') ?? ''),
  );
  assert.ok(paths.filter((d) => d.trim().length > 0).length > 0, 'no bar has a drawn path');
  await page.waitForSelector('[data-testid="timeline-event-row"]');
  await screenshot(page, 'timeline');

  const before = await page.textContent('[data-testid="timeline-range"]');
  const rangeBefore = await page.getAttribute('[data-testid="timeline-events"]', 'data-range');
  const traveller = page.locator('[data-testid="timeline-chart"] .recharts-brush-traveller').first();
  const box = await traveller.boundingBox();
  assert.ok(box, 'the brush has no handle');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 400, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForSelector('[data-testid="timeline-reset"]');
  assert.notEqual(await page.textContent('[data-testid="timeline-range"]'), before);
  // The events below follow the brushed range, re-queried from the engine.
  const zoomed = await page.waitForSelector('[data-testid="timeline-events"][aria-busy="false"]');
  assert.notEqual(await zoomed.getAttribute('data-range'), rangeBefore);
  await page.click('[data-testid="timeline-reset"]');
});

test('sign-ins: per-IP sources with a username chart', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-signins"]');
  await page.waitForSelector('[data-testid="signin-source-row"]');
  await page.waitForSelector(
    '[data-testid="signin-detail"] [data-testid="signin-chart"] path.recharts-curve',
  );
  assert.ok((await page.locator('[data-testid="signin-user-row"]').count()) > 0, 'no usernames listed');
  await screenshot(page, 'signins');
});

test('SQL console: runs an analytic and shows its rows', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-sql"]');
  await page.click('[data-testid="sql-pick-AN1604"]');
  assert.match((await page.inputValue('[data-testid="sql-text"]')) ?? '', /select/i);
  await page.click('[data-testid="sql-run"]');
  await page.waitForSelector('[data-testid="sql-result"], [data-testid="sql-error"]');
  assert.equal(await page.locator('[data-testid="sql-error"]').count(), 0, await page.innerText('body'));
  assert.ok((await page.locator('[data-testid="sql-row"]').count()) > 0, 'the analytic returned no rows');
  await page.locator('[data-testid="sql-result"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'sql');
});

test('settings: every parameter is editable', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-settings"]');
  await page.waitForSelector('[data-testid="settings-params"] .param-input');
  assert.ok((await page.locator('[data-testid="settings-params"] tr').count()) > 5);
  await screenshot(page, 'settings');
});

test('report: the HTML export downloads a report naming the finding', async () => {
  const { page } = session;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="export-html"]'),
  ]);
  assert.match(download.suggestedFilename(), /\.html?$/);
  const html = readFileSync((await download.path())!, 'utf8');
  assert.match(html, /<html/i);
  assert.match(html, /backdoor/);
});

test('the session made no request off the machine, opened no dialog, raised no error', () => {
  const { guarded } = session;
  assert.deepEqual(guarded.externalRequests, []);
  assert.deepEqual(guarded.dialogs, []);
  assert.deepEqual(guarded.pageErrors, []);
});
