// Evidence is attacker-controlled: a command line can hold markup. This imports a Security log whose 4688
// command lines are `<img src=x onerror=alert(1)>` and `powershell -c "<script>alert(2)</script>"` (fixture
// in fixtures/hostile/) and checks that Findings, Timeline and the raw viewer show them as text: no dialog
// ever opens, no such element ever exists in the DOM, and the page makes no request off the machine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { projectRoot } from '../support/paths.js';
import { importThroughUi, openAppSession, texts, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

const HOSTILE_FILE = join(projectRoot, 'test', 'e2e', 'fixtures', 'hostile', 'Security-hostile.xml');
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';

let session: AppSession;

before(async () => {
  session = await openAppSession();
  await importThroughUi(session.page, HOSTILE_FILE);
});

after(async () => {
  await session?.close();
});

/** No element the evidence tried to inject, and only the app's own bundle as a script. */
async function assertNoInjectedElements(where: string): Promise<void> {
  const { page } = session;
  assert.equal(await page.locator('img').count(), 0, `${where}: an <img> element exists`);
  assert.equal(await page.locator('[onerror]').count(), 0, `${where}: an element with onerror exists`);
  const scripts = await page.$$eval('script', (els) => els.map((e) => e.getAttribute('src') ?? 'inline'));
  assert.ok(
    scripts.every((src) => src.includes('/assets/')),
    `${where}: unexpected script elements ${scripts.join(', ')}`,
  );
}

test('findings show the hostile command line as text', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-findings"]');
  await page.waitForSelector('[data-testid="finding-row"]');
  await page.click('[data-testid="finding-row"][data-analytic="AN1235"]');
  await page.waitForSelector('[data-testid="finding-detail"] [data-testid="lineage-cmdline"]');
  const commandLines = await texts(page, '[data-testid="finding-detail"] [data-testid="lineage-cmdline"]');
  assert.ok(commandLines.includes(IMG), `command lines shown: ${JSON.stringify(commandLines)}`);
  await assertNoInjectedElements('findings');
  await screenshot(page, 'hostile-findings');
});

test('the raw viewer shows the XML as text', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-timeline"]');
  await page.waitForSelector('[data-testid="timeline-event-row"]');
  const row = page.locator('[data-testid="timeline-event-row"]', { hasText: IMG });
  await row.locator('[data-testid="open-raw"]').click();
  const raw = await page.waitForSelector('[data-testid="raw-text"]');
  const text = (await raw.textContent()) ?? '';
  // The stored record is the original XML, so the markup appears in its escaped form.
  assert.match(text, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(text, /<EventID>4688<\/EventID>/);
  await assertNoInjectedElements('raw viewer');
  await screenshot(page, 'hostile-raw-viewer');
  await page.click('[data-testid="modal-close"]');
});

test('the timeline lists both hostile events as text', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-timeline"]');
  await page.waitForSelector('[data-testid="timeline-event-row"]');
  const summaries = await texts(page, '[data-testid="timeline-event-summary"]');
  assert.ok(
    summaries.some((s) => s.includes(IMG)),
    `summaries: ${JSON.stringify(summaries)}`,
  );
  assert.ok(
    summaries.some((s) => s.includes(SCRIPT)),
    `summaries: ${JSON.stringify(summaries)}`,
  );
  await assertNoInjectedElements('timeline');
  await screenshot(page, 'hostile-timeline');
});

test('the account story shows the chain with the hostile parent as text', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-accounts"]');
  await page.waitForSelector('[data-testid="account-story"]');
  const lines = await texts(page, '[data-testid="lineage-node-cmdline"]');
  assert.ok(lines.includes(IMG), `tree command lines: ${JSON.stringify(lines)}`);
  await assertNoInjectedElements('accounts');
});

test('no dialog opened, no page error, no request left the machine', () => {
  const { guarded } = session;
  assert.deepEqual(guarded.dialogs, [], 'a dialog opened: evidence was executed');
  assert.deepEqual(guarded.externalRequests, [], 'the page contacted a non-loopback address');
  assert.deepEqual(guarded.pageErrors, []);
});
