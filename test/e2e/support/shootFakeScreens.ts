// Development aid, not a test: renders every screen against the fake case and saves screenshots to
// test-output/dev-screens/, to look at the UI without an engine. Run after a build:
//   node dist/test/e2e/support/shootFakeScreens.js
import { join } from 'node:path';
import { createFakeApi } from './fakeApi.js';
import { installFakeApi } from './fakeBridge.js';
import { launchChromium, openGuardedPage, screenshot } from './chromium.js';
import { serveDirectory } from './staticServer.js';

const OUT = join(process.cwd(), 'test-output', 'dev-screens');

const site = await serveDirectory(join(process.cwd(), 'renderer-dist'));
const browser = await launchChromium();
const guarded = await openGuardedPage(browser);
const { page } = guarded;
try {
  await installFakeApi(page, createFakeApi());
  await page.goto(site.url);
  await page.waitForSelector('[data-app-state="ready"]');

  await page.click('[data-testid="nav-import"]');
  await page.fill('[data-testid="import-path"]', '/evidence');
  await page.click('[data-testid="import-start"]');
  await page.waitForSelector(
    '[data-testid="import-progress"][data-state="running"] [data-testid="import-file"]',
  );
  await screenshot(page, 'import-running', OUT);
  await page.waitForSelector('[data-testid="import-progress"][data-state="done"]');
  await page.waitForSelector('[data-testid="analyze-status"][data-state="done"]');
  await screenshot(page, 'import', OUT);

  await page.click('[data-testid="nav-findings"]');
  await page.waitForSelector('[data-testid="finding-detail"]');
  await screenshot(page, 'findings', OUT);
  await page.click('[data-testid="finding-row"][data-finding-id="f-an1604-hostile"]');
  await page.waitForSelector('[data-testid="finding-detail"][data-finding-id="f-an1604-hostile"]');
  await screenshot(page, 'findings-hostile', OUT);
  await page.click('[data-testid="open-raw"]');
  await page.waitForSelector('[data-testid="raw-text"]');
  await screenshot(page, 'raw-viewer', OUT);
  await page.click('[data-testid="modal-close"]');

  await page.click('[data-testid="nav-accounts"]');
  await page.waitForSelector('[data-testid="account-story"]');
  await screenshot(page, 'accounts', OUT);

  await page.click('[data-testid="nav-timeline"]');
  await page.waitForSelector('[data-testid="timeline-chart"] .recharts-bar-rectangle');
  await page.waitForSelector('[data-testid="timeline-event-row"]');
  await screenshot(page, 'timeline', OUT);

  await page.click('[data-testid="nav-signins"]');
  await page.waitForSelector('[data-testid="signin-detail"]');
  await screenshot(page, 'signins', OUT);

  await page.click('[data-testid="nav-sql"]');
  await page.waitForSelector('[data-testid="sql-text"]');
  await page.click('[data-testid="sql-run"]');
  await page.waitForSelector('[data-testid="sql-row"]');
  await screenshot(page, 'sql', OUT);

  await page.click('[data-testid="nav-settings"]');
  await page.waitForSelector('[data-testid="settings-params"]');
  await screenshot(page, 'settings', OUT);

  console.log('screens in', OUT);
  console.log(
    'external requests:',
    guarded.externalRequests.length,
    'dialogs:',
    guarded.dialogs,
    'errors:',
    guarded.pageErrors,
  );
} finally {
  await guarded.close();
  await browser.close();
  await site.close();
}
