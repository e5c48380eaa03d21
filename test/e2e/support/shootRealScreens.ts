// Development aid, not a test: imports the given files or folders into a fresh case through the real
// engine's browser mode and saves a screenshot of every screen to test-output/dev-screens-real/.
//   node dist/test/e2e/support/shootRealScreens.js sample-logs [more paths…]
import { resolve, join } from 'node:path';
import { importThroughUi, openAppSession } from './appSession.js';
import { screenshot } from './chromium.js';

const OUT = join(process.cwd(), 'test-output', 'dev-screens-real');
const paths = process.argv.slice(2).map((p) => resolve(p));
if (paths.length === 0) {
  console.error('usage: shootRealScreens.js PATH [PATH…]');
  process.exit(2);
}

const session = await openAppSession();
const { page } = session;
try {
  await screenshot(page, 'empty-import', OUT);
  await importThroughUi(page, paths.join(';'));
  await screenshot(page, 'import', OUT);
  const screens: Array<[string, string]> = [
    ['findings', '[data-testid="finding-detail"], [data-testid="empty-state"]'],
    ['accounts', '[data-testid="account-story"], [data-testid="empty-state"]'],
    ['timeline', '[data-testid="timeline-event-row"], [data-testid="empty-state"]'],
    ['signins', '[data-testid="signin-detail"], [data-testid="empty-state"]'],
    ['sql', '[data-testid="sql-text"]'],
    ['settings', '[data-testid="settings-params"]'],
  ];
  for (const [name, ready] of screens) {
    await page.click(`[data-testid="nav-${name}"]`);
    await page.waitForSelector(ready);
    if (name === 'sql') {
      await page.click('[data-testid="sql-run"]');
      await page.waitForSelector('[data-testid="sql-result"], [data-testid="sql-error"]');
    }
    await screenshot(page, name, OUT);
  }
  console.log('screens in', OUT);
  console.log('external:', session.guarded.externalRequests, 'dialogs:', session.guarded.dialogs);
  console.log('errors:', session.guarded.pageErrors);
} finally {
  await session.close();
}
