// Export… and Merge… in browser mode, on the real engine: the case exported as Parquet and as a
// Timesketch timeline with a progress bar, then merged with another analyst's case (the admin
// workstation's logs, with a time zone of its own) into a new case whose summary lists the conflict, and
// which then opens with the remote creation linked. The app's case keeps its lockdown throughout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writeSetting } from '../../electron/engine/service/settingsStore.js';
import { openCase } from '../../electron/engine/store/openCase.js';
import { projectRoot, sampleEvidenceDir } from '../support/paths.js';
import { importThroughUi, openAppSession, type AppSession } from './support/appSession.js';
import { screenshot } from './support/chromium.js';

let session: AppSession;
let otherCase: string;
const ev = (name: string) => join(sampleEvidenceDir, name);

before(async () => {
  session = await openAppSession();
  await importThroughUi(
    session.page,
    `${ev('DC01-Security-0309-0311.xml')}; ${ev('DC01-Security-0312-0315.xml')}`,
  );
  // Another analyst's case: the admin workstation, kept in a time zone of its own.
  otherCase = join(session.caseDir, 'adm01-analyst.duckdb');
  const r = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'bin', 'accountscope.js'),
      'import',
      ev('ADM01-Security-ps.xml'),
      ev('ADM01-Sysmon.xml'),
      '--case',
      otherCase,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  const db = await openCase(otherCase);
  await writeSetting(db.conn, 'timeZone', 'Europe/Amsterdam');
  db.close();
});

after(async () => {
  await session?.close();
});

/** What the app's own connections say of their lockdown. */
async function lockdown(): Promise<unknown> {
  const r = await session.server.service.invoke('runSql', {
    sql: `SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked,
                 current_setting('allowed_directories')::VARCHAR AS dirs, current_setting('allowed_paths')::VARCHAR AS paths`,
  });
  assert.ok(r.ok);
  return r.value.rows[0];
}

async function exportThroughUi(page: Page, format: 'parquet' | 'timesketch', path: string): Promise<string> {
  await page.click('[data-testid="export-case"]');
  await page.click(`[data-testid="export-format-${format}"]`);
  await page.fill('[data-testid="export-path"]', path);
  await page.click('[data-testid="export-start"]');
  await page.waitForSelector('[data-testid="task-progress"][data-state="done"]', { timeout: 120_000 });
  return page.innerText('[data-testid="export-done"]');
}

test('Export… writes the case as Parquet and as a Timesketch timeline, with a progress bar', async () => {
  const { page, caseDir } = session;
  const before = await lockdown();
  const lake = join(caseDir, 'lake');
  await page.click('[data-testid="export-case"]');
  await page.fill('[data-testid="export-path"]', lake);
  await screenshot(page, 'export-dialog');
  await page.click('[data-testid="modal-close"]');

  const said = await exportThroughUi(page, 'parquet', lake);
  assert.match(said, /Wrote \d+ tables, [\d,]+ rows as Parquet into/);
  assert.equal(
    await page.getAttribute('[data-testid="task-progress"] [role="progressbar"]', 'aria-valuenow'),
    '100',
  );
  await screenshot(page, 'export-parquet-done');
  const manifest = JSON.parse(readFileSync(join(lake, 'manifest.json'), 'utf8')) as { caseFile: string };
  assert.equal(manifest.caseFile, 'case.duckdb');
  await page.click('[data-testid="modal-close"]');

  const file = join(caseDir, 'timeline.jsonl');
  assert.match(await exportThroughUi(page, 'timesketch', file), /Wrote [\d,]+ timeline lines/);
  assert.ok(existsSync(file));
  await page.click('[data-testid="modal-close"]');

  // A folder that is not empty is refused in the dialog, at once.
  await page.click('[data-testid="export-case"]');
  await page.fill('[data-testid="export-path"]', lake);
  await page.click('[data-testid="export-start"]');
  await page.waitForSelector('[data-testid="export-dialog"] [data-testid="error-note"]');
  assert.match(
    await page.innerText('[data-testid="export-dialog"] [data-testid="error-note"]'),
    /not an empty folder/,
  );
  await page.click('[data-testid="modal-close"]');
  assert.deepEqual(await lockdown(), before, 'the open case keeps its lockdown');
});

test('Merge… combines this case with another analyst’s, lists the conflict, and opens the merged case', async () => {
  const { page, caseDir } = session;
  const before = await lockdown();
  const target = join(caseDir, 'all-analysts.duckdb');
  await page.click('[data-testid="merge-cases"]');
  await page.waitForSelector('[data-testid="merge-dialog"]');
  assert.equal(await page.isChecked('[data-testid="merge-with-open"]'), true);
  await page.fill('[data-testid="merge-paths"]', otherCase);
  await page.fill('[data-testid="merge-target"]', target);
  assert.equal(await page.innerText('[data-testid="merge-start"]'), 'Merge 2 cases');
  await screenshot(page, 'merge-dialog');
  await page.click('[data-testid="merge-start"]');
  await page.waitForSelector('[data-testid="merge-summary"]', { timeout: 180_000 });
  const conflicts = await page.$$eval('[data-testid="merge-conflict"]', (rows) =>
    rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ')),
  );
  assert.equal(conflicts.length, 1);
  assert.match(conflicts[0]!, /timeZone.*UTC \(kept\).*Europe\/Amsterdam/);
  assert.ok(Number((await page.innerText('[data-testid="merge-findings"]')).replace(/,/g, '')) > 0);
  await screenshot(page, 'merge-dialog-result');
  assert.ok(existsSync(target));
  assert.deepEqual(await lockdown(), before, 'the open case keeps its lockdown');

  await page.click('[data-testid="merge-open"]');
  await page.locator('[data-testid="case-name"]', { hasText: 'all-analysts.duckdb' }).waitFor();
  await page.waitForSelector('main[data-testid="screen-findings"]');
  const findings = await session.server.service.invoke('listFindings', { analytic: ['AN1604'] });
  assert.ok(findings.ok);
  const svcReport = findings.value.rows.find((f) => f.accounts.some((a) => /svc-report/.test(a)));
  assert.ok(svcReport, 'the creation of svc-report is in the merged case');
  assert.match(
    JSON.stringify(svcReport),
    /ADM01/,
    'linked to the admin workstation the other analyst imported',
  );
});
