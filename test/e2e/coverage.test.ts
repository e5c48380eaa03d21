// The Coverage screen against the real engine on the sample case: WS02's missing process telemetry and
// its cleared logs, WS01's silent afternoon, each analytic's blind hosts in words, the events behind a
// matrix cell opened raw, and a finding's triage checklist answered from the case. Screenshots go to
// test-output/screenshots/ (coverage*.png, findings-triage.png).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleLogsDir } from '../support/paths.js';
import { importThroughUi, openAppSession, texts, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

let session: AppSession;

before(async () => {
  session = await openAppSession();
  await importThroughUi(session.page, sampleLogsDir);
});

after(async () => {
  await session?.close();
});

const cell = (host: string, key: string) =>
  `[data-testid="coverage-row"][data-host="${host}"] [data-testid="coverage-cell"][data-key="${key}"]`;

test('the matrix shows what each host logs, with state in colour and in words', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-coverage"]');
  await page.waitForSelector('[data-testid="coverage-matrix"]');
  const hosts = await page.$$eval('[data-testid="coverage-row"]', (rows) =>
    rows.map((r) => r.getAttribute('data-host')),
  );
  assert.deepEqual(hosts, [
    'ADM01.corp.local',
    'DC01.corp.local',
    'FS01.corp.local',
    'SRV-PROV01.corp.local',
    'WS01.corp.local',
    'WS02.corp.local',
    'Entra ID',
  ]);
  // WS02 has no process creation at all; WS01 has both 4688 and Sysmon.
  for (const key of ['4688', 'sysmon_1']) {
    assert.equal(await page.getAttribute(cell('WS02.corp.local', key), 'data-state'), 'absent');
    assert.equal((await page.textContent(cell('WS02.corp.local', key)))?.trim(), 'none');
    assert.equal(await page.getAttribute(cell('WS01.corp.local', key), 'data-state'), 'present');
  }
  assert.equal((await page.textContent(cell('WS02.corp.local', 'log_cleared')))?.trim(), '2');
  assert.ok((await page.locator('[data-testid="coverage-legend"] li').count()) >= 3, 'no legend');
  await screenshot(page, 'coverage');
});

test('each analytic names the hosts where it is blind or partial, in words', async () => {
  const { page } = session;
  const an1604 = await texts(page, '[data-testid="coverage-analytic"][data-analytic="AN1604"] .blind-item');
  assert.ok(
    an1604.some((t) => /Partial on.*WS02/.test(t) && /4720 present but no process creation/.test(t)),
    JSON.stringify(an1604),
  );
  const an1235 = await texts(page, '[data-testid="coverage-analytic"][data-analytic="AN1235"] .blind-item');
  assert.ok(
    an1235.some((t) => /Blind on.*DC01.*WS02|Blind on.*WS02/.test(t)),
    JSON.stringify(an1235),
  );
  await page.locator('[data-testid="coverage-analytics-panel"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'coverage-analytics');
});

test('spans: WS01 shows its silent afternoon, WS02 its two log clears and who made them', async () => {
  const { page } = session;
  const ws01Gaps = page.locator(
    '[data-testid="span-lane"][data-host="WS01.corp.local"] [data-testid="span-gap"]',
  );
  assert.equal(await ws01Gaps.count(), 1);
  assert.match((await ws01Gaps.first().textContent()) ?? '', /silent 3\.1 h/);
  // The two clears are 31 s apart: one marker on the axis, labelled with both, each named on hover.
  const clears = page.locator(
    '[data-testid="span-lane"][data-host="WS02.corp.local"] [data-testid="span-clear"]',
  );
  assert.equal(await clears.count(), 1);
  const marker = (await clears.first().textContent()) ?? '';
  assert.match(marker, /Security log cleared \(1102\).*by CORP\\jdoe/);
  assert.match(marker, /Windows PowerShell log cleared \(104\)/);
  assert.match(marker, /2 logs cleared$/);
  const rows = await texts(page, '[data-testid="coverage-clear-row"]');
  assert.equal(rows.length, 2);
  assert.ok(rows[0]!.includes('Security') && rows[0]!.includes('CORP\\jdoe'), rows[0]);
  assert.ok(rows[1]!.includes('Windows PowerShell') && rows[1]!.includes('CORP\\jdoe'), rows[1]);
  await page.locator('[data-testid="coverage-spans-panel"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'coverage-spans');
});

test('a cell lists the events behind it, and each opens raw', async () => {
  const { page } = session;
  await page.locator('[data-testid="coverage-matrix"]').scrollIntoViewIfNeeded();
  await page.click(`${cell('WS02.corp.local', 'log_cleared')} button`);
  await page.waitForSelector(
    '[data-testid="coverage-events"][aria-busy="false"] [data-testid="coverage-event-row"]',
  );
  assert.equal(await page.locator('[data-testid="coverage-event-row"]').count(), 2);
  await page.locator('[data-testid="coverage-events"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'coverage-events');
  await page.locator('[data-testid="coverage-event-row"] [data-testid="open-raw"]').first().click();
  const raw = (await (await page.waitForSelector('[data-testid="raw-text"]')).textContent()) ?? '';
  assert.match(raw, /<EventID[^>]*>1102<\/EventID>/);
  assert.match(raw, /jdoe/);
  await page.click('[data-testid="modal-close"]');
});

test('the findings detail shows the triage checklist answered from the case', async () => {
  const { page } = session;
  await page.click('[data-testid="nav-findings"]');
  await page.fill('[data-testid="findings-filter-text"]', 'helpdesk_tmp');
  const row = page.locator('[data-testid="finding-row"][data-analytic="AN1604"]', {
    hasText: 'helpdesk_tmp',
  });
  await row.first().waitFor();
  await row.first().click();
  await page.waitForSelector('[data-testid="finding-triage"] [data-testid="triage-step"]');
  const answers = await texts(page, '[data-testid="triage-answer"]');
  assert.ok(
    answers.some((a) => /Security log was cleared at 2026-03-13 19:44:10 UTC by CORP\\jdoe/.test(a)),
    answers.join('\n'),
  );
  assert.ok(
    answers.some((a) => /logs no process creation/.test(a)),
    answers.join('\n'),
  );
  assert.ok(
    answers.some((a) => /added to Administrators \(privileged\)/.test(a)),
    answers.join('\n'),
  );
  await page.locator('[data-testid="finding-triage"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'findings-triage');
  await page.fill('[data-testid="findings-filter-text"]', '');
});

test('the coverage session made no request off the machine and raised no error', () => {
  const { guarded } = session;
  assert.deepEqual(guarded.externalRequests, []);
  assert.deepEqual(guarded.dialogs, []);
  assert.deepEqual(guarded.pageErrors, []);
});
