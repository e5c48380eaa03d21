// Pivots, process trees, the address and the keyboard, against the real engine and the sample case: from a
// finding to its actor's page (CORP\jdoe, linked to jdoe@contoso.example), a host and an IP; the backdoor's
// process tree, unfolded and refolded; Back and Forward through all of it, and a reload that lands on the
// same page; and a finding triaged with the keyboard alone. Every new view is saved as a screenshot.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvidenceDir } from '../support/paths.js';
import { importThroughUi, openAppSession, texts, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

let session: AppSession;

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
  querySelector(selector: string): LooseElement | null;
}
type LoosePage = { document: { activeElement: LooseElement | null }; location: { hash: string } };

const hash = () => session.page.evaluate(() => (globalThis as unknown as LoosePage).location.hash);

/** An attribute of the element that has the focus. */
function focused(name: string): Promise<string | null> {
  return session.page.evaluate(
    (n) => (globalThis as unknown as LoosePage).document.activeElement?.getAttribute(n) ?? null,
    name,
  );
}

/** Whether the focus is inside an element matching the selector. */
function focusInside(selector: string): Promise<boolean> {
  return session.page.evaluate(
    (sel) => !!(globalThis as unknown as LoosePage).document.activeElement?.closest(sel),
    selector,
  );
}

async function openBackdoorFinding(): Promise<void> {
  const { page } = session;
  await page.click('[data-testid="nav-findings"]');
  await page
    .locator('[data-testid="finding-row"][data-analytic="AN1604"]', { hasText: 'backdoor' })
    .first()
    .click();
  await page.waitForSelector('[data-testid="finding-detail"] [data-testid="finding-explanation"]');
}

test("a finding's actor opens its own page: both identities, logons, accounts it made, its findings", async () => {
  const { page } = session;
  await openBackdoorFinding();
  const findingId = await page.getAttribute('[data-testid="finding-detail"]', 'data-finding-id');
  assert.equal(await hash(), `#/findings/${findingId}`);
  await page.click('[data-testid="finding-detail"] [data-testid="pivot-user"][data-pivot="CORP\\\\jdoe"]');
  await page.waitForSelector('[data-testid="entity-page"][data-kind="user"]');
  assert.equal(await hash(), `#/entity/user/${encodeURIComponent('CORP\\jdoe')}`);
  assert.equal((await page.textContent('[data-testid="entity-name"]'))?.trim(), 'CORP\\jdoe');
  const identities = await texts(page, '[data-testid="entity-identity"]');
  assert.ok(
    identities.some((t) => t.includes('jdoe@contoso.example') && /linked by name/.test(t)),
    identities.join('|'),
  );
  const created = await texts(page, '[data-testid="entity-account"][data-action="created"]');
  assert.ok(
    created.some((t) => t.includes('WS01\\backdoor')),
    created.join('|'),
  );
  const logons = await texts(page, '[data-testid="entity-logon"]');
  assert.ok(
    logons.some((t) => /RDP/.test(t) && t.includes('10.0.4.7')),
    logons.join('|'),
  );
  const roles = await page.$$eval('[data-testid="entity-finding"]', (els) =>
    els.map((e) => `${e.getAttribute('data-finding-id')} ${e.textContent}`),
  );
  assert.ok(
    roles.some((r) => r.startsWith(findingId!) && /actor/.test(r)),
    roles.join('|'),
  );
  assert.ok(
    roles.some((r) => /T1589/.test(r) && /target/.test(r)),
    'jdoe@contoso.example was probed',
  );
  await page.waitForSelector('[data-testid="entity-event-row"]');
  await screenshot(page, 'pivot-user');

  // The timeline narrows to a category, from the engine.
  const total = await page.locator('[data-testid="entity-event-row"]').count();
  for (const box of await page.locator('[data-testid="entity-category"]').all())
    if ((await box.getAttribute('data-category')) !== 'signin') await box.uncheck();
  await page.waitForSelector('[data-testid="entity-timeline"][aria-busy="false"]');
  const summaries = await texts(page, '[data-testid="entity-event-summary"]');
  assert.ok(summaries.length > 0 && summaries.length < total, `${summaries.length} of ${total}`);
  assert.ok(
    summaries.every((s) => /signed in/.test(s)),
    summaries.join('|'),
  );
  await page.locator('[data-testid="entity-timeline"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'pivot-user-signins');
});

test('a host and an IP have pages too, reached from the pages before them', async () => {
  const { page } = session;
  await page
    .locator('[data-testid="entity-logons"] [data-testid="pivot-ip"][data-pivot="10.0.4.7"]')
    .first()
    .click();
  await page.waitForSelector('[data-testid="entity-page"][data-kind="ip"][data-key="10.0.4.7"]');
  await screenshot(page, 'pivot-ip');
  await page.locator('[data-testid="entity-related-host"] [data-testid="pivot-host"]').first().click();
  await page.waitForSelector('[data-testid="entity-page"][data-kind="host"]');
  const accounts = await texts(page, '[data-testid="entity-account"]');
  assert.ok(accounts.length > 0, 'the host page lists the accounts made or enumerated on it');
  await screenshot(page, 'pivot-host');
});

test("the backdoor's process tree: chain highlighted, siblings and children, unfolded and folded", async () => {
  const { page } = session;
  await openBackdoorFinding();
  await page.click('[data-testid="open-finding-tree"]');
  await page.waitForSelector('[data-testid="process-tree"]');
  assert.match(await hash(), /^#\/process\?finding=/);
  const highlighted = await page.$$eval('[data-testid="tree-node"][data-highlighted="true"]', (els) =>
    els.map((e) => e.getAttribute('data-image')),
  );
  for (const image of ['cmd.exe', 'net.exe', 'net1.exe'])
    assert.ok(highlighted.includes(image), highlighted.join());
  const focus = page.locator('[data-testid="tree-node"][data-relation="focus"]');
  assert.equal(await focus.getAttribute('data-image'), 'net1.exe');
  // cmd.exe's other work in the RDP session is there: whoami and the other net commands.
  const images = await page.$$eval('[data-testid="tree-node"]', (els) =>
    els.map((e) => e.getAttribute('data-image')),
  );
  assert.ok(images.includes('whoami.exe'), images.join());
  await screenshot(page, 'process-tree');

  // Fold cmd.exe: its children go; unfold: they come back.
  const cmd = page
    .locator('[data-testid="tree-node"][data-image="cmd.exe"][data-highlighted="true"]')
    .first();
  const before = await page.locator('[data-testid="tree-node"]').count();
  await cmd.locator('> .tree-row [data-testid="tree-toggle"]').click();
  assert.equal(await cmd.getAttribute('aria-expanded'), 'false');
  const folded = await page.locator('[data-testid="tree-node"]').count();
  assert.ok(folded < before, `${folded} nodes after folding, ${before} before`);
  await cmd.locator('> .tree-row [data-testid="tree-toggle"]').click();
  assert.equal(await page.locator('[data-testid="tree-node"]').count(), before);

  // From an account story's chain (no finding), the other net.exe commands of cmd.exe are siblings whose
  // own children are not loaded yet: unfolding one loads them from the engine.
  await page.click('[data-testid="nav-accounts"]');
  await page.locator('[data-testid="account-row"]', { hasText: 'backdoor' }).first().click();
  await page.waitForSelector('[data-testid="account-story"] [data-testid="story-name"]:has-text("backdoor")');
  await page
    .locator('[data-testid="lineage-image"]', { hasText: /^net\.exe$/ })
    .first()
    .click();
  await page.waitForSelector('[data-testid="tree-node"][data-relation="focus"][data-image="net.exe"]');
  assert.match(await hash(), /^#\/process\?host=/);
  const closed = page
    .locator('[data-testid="tree-node"][data-relation="sibling"][aria-expanded="false"]')
    .first();
  const key = await closed.getAttribute('data-key');
  await closed.locator('> .tree-row [data-testid="tree-toggle"]').click();
  await page.waitForSelector(
    `[data-testid="tree-node"][data-key="${key}"][aria-expanded="true"] [data-testid="tree-node"][data-relation="child"]`,
  );
  await screenshot(page, 'process-tree-unfolded');

  // Each node opens its event.
  await focus.locator('> .tree-row [data-testid="tree-events"]').click();
  assert.match((await (await page.waitForSelector('[data-testid="raw-text"]')).textContent()) ?? '', /net/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="raw-viewer"]', { state: 'detached' });
});

test('Back and Forward walk through findings and pivots; a reload lands on the same page', async () => {
  const { page } = session;
  await openBackdoorFinding();
  const finding = await hash();
  await page.click('[data-testid="finding-detail"] [data-testid="pivot-user"][data-pivot="CORP\\\\jdoe"]');
  await page.waitForSelector('[data-testid="entity-page"][data-kind="user"]');
  const user = await hash();
  await page
    .locator('[data-testid="entity-logons"] [data-testid="pivot-ip"][data-pivot="10.0.4.7"]')
    .first()
    .click();
  await page.waitForSelector('[data-testid="entity-page"][data-kind="ip"]');
  const ip = await hash();
  const steps: Array<['back' | 'forward', string, string]> = [
    ['back', user, '[data-testid="entity-page"][data-kind="user"]'],
    ['back', finding, '[data-testid="finding-detail"] [data-testid="finding-explanation"]'],
    ['forward', user, '[data-testid="entity-page"][data-kind="user"]'],
    ['forward', ip, '[data-testid="entity-page"][data-kind="ip"][data-key="10.0.4.7"]'],
  ];
  for (const [way, expected, shown] of steps) {
    if (way === 'back') await page.goBack();
    else await page.goForward();
    await page.waitForSelector(shown);
    assert.equal(await hash(), expected, way);
  }
  // The finding shown after Back is the one that was selected.
  await page.goBack();
  await page.goBack();
  await page.waitForSelector('[data-testid="finding-detail"] [data-testid="finding-explanation"]');
  assert.equal(
    await page.getAttribute('[data-testid="finding-detail"]', 'data-finding-id'),
    finding.slice('#/findings/'.length),
  );
  await page.goForward();
  await page.goForward();
  await page.waitForSelector('[data-testid="entity-page"][data-kind="ip"]');
  // A reload keeps the page (the token stays in the tab's session storage).
  await page.reload();
  await page.waitForSelector('[data-app-state="ready"]');
  await page.waitForSelector('[data-testid="entity-page"][data-kind="ip"][data-key="10.0.4.7"]');
  assert.equal(await hash(), ip);
  await page.goBack();
  await page.waitForSelector('[data-testid="entity-page"][data-kind="user"]');
});

test('keyboard only: Tab to the findings table, arrows, Enter opens, Escape returns focus', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-findings"]');
  await page.waitForSelector('[data-testid="finding-row"]');
  await page.focus('[data-testid="findings-filter-text"]');
  // The analytic and severity filters, then the sort headers, then one stop for the whole table.
  let tabs = 0;
  while ((await focused('data-testid')) !== 'finding-row' && tabs < 30) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  assert.ok(tabs < 30, 'Tab never reached the findings table');
  const rowAt = () => focused('data-finding-id');
  const first = await rowAt();
  await page.keyboard.press('Tab');
  assert.notEqual(await focused('data-testid'), 'finding-row', 'the table is one Tab stop');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await rowAt(), first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = await rowAt();
  assert.notEqual(third, first);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`[data-testid="finding-detail"][data-finding-id="${third}"]`);
  assert.equal(await hash(), `#/findings/${third}`);
  // On into the detail with Tab, to the evidence grid (one Tab stop); ArrowDown selects its first event,
  // Enter opens it raw, Escape closes the viewer and gives focus back to the grid.
  const onEvidenceGrid = (): Promise<boolean> =>
    page.evaluate(() => {
      const el = (globalThis as unknown as LoosePage).document.activeElement;
      return (
        el?.getAttribute('data-testid') === 'grid-body' && !!el.querySelector('[data-testid="evidence-row"]')
      );
    });
  for (tabs = 0; tabs < 200; tabs++) {
    if (await onEvidenceGrid()) break;
    await page.keyboard.press('Tab');
  }
  assert.ok(tabs < 200, 'Tab never reached the evidence');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('[data-testid="evidence-row"][aria-selected="true"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="raw-viewer"]');
  // Focus stays in the dialog whatever Tab does.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await focusInside('[data-testid="raw-viewer"]'), `Tab ${i + 1} left the dialog`);
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="raw-viewer"]', { state: 'detached' });
  assert.ok(await onEvidenceGrid(), 'focus went back to the evidence grid that opened the dialog');
  await screenshot(page, 'keyboard-triage');
});

test('a threshold out of range is refused in Settings before it reaches the engine', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-settings"]');
  await page.waitForSelector('[data-testid="param-t1589_min_distinct_users"]');
  await page.fill('[data-testid="param-t1589_min_distinct_users"]', '-3');
  assert.match(
    (await page.textContent('[data-testid="param-t1589_min_distinct_users-problem"]')) ?? '',
    /must be at least 1/,
  );
  assert.equal(await page.isDisabled('[data-testid="settings-save"]'), true);
  await page
    .locator('[data-testid="param-t1589_min_distinct_users"]')
    .evaluate((el) =>
      (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }),
    );
  await screenshot(page, 'settings-invalid');
  await page.fill('[data-testid="param-t1589_min_distinct_users"]', '15');
});

test('opening a story from a finding selects it in the Accounts list, probed ones folded into a group', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-findings"]');
  await page.locator('[data-testid="finding-row"][data-analytic="T1589"]').first().click();
  await page.locator('[data-testid="open-account-story"]').first().click();
  await page.waitForSelector('[data-testid="account-story"]');
  const key = await page.getAttribute('[data-testid="account-story"]', 'data-account-key');
  const selected = page.locator('[data-testid="account-row"][aria-current="true"]');
  assert.equal(await selected.getAttribute('data-account-key'), key);
  assert.ok(await selected.isVisible(), 'the selected account is scrolled into view');
  assert.equal(await page.getAttribute('[data-testid="probed-toggle"]', 'aria-expanded'), 'true');
  await screenshot(page, 'accounts-probed-selected');
  // Created and enumerated accounts come first, then the actors.
  const first = page.locator('[data-testid="account-row"]').first();
  assert.match((await first.textContent()) ?? '', /created|enumerated/);
  assert.ok((await page.locator('[data-testid="actor-row"]').count()) > 0, 'the actors are listed');
  await screenshot(page, 'accounts-grouped');
});

test('the session made no request off the machine, opened no dialog, raised no error', () => {
  const { guarded } = session;
  assert.deepEqual(guarded.externalRequests, []);
  assert.deepEqual(guarded.dialogs, []);
  assert.deepEqual(guarded.pageErrors, []);
});
