// Browser mode answers only the address it printed, with its #token. A page opened without it (a bookmark,
// the address typed by hand) says what happened and how to get a working address — naming `npm start` as
// well as `accountscope serve`, since most users start it the first way — and reaches nothing of the case.
// Screenshot: tokenless-page.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAppSession, type AppSession } from './support/appSession.js';
import { openGuardedPage, screenshot } from './support/chromium.js';

let session: AppSession;

before(async () => {
  session = await openAppSession();
});

after(async () => {
  await session?.close();
});

test('a page opened without its token explains itself and shows nothing of the case', async () => {
  const guarded = await openGuardedPage(session.browser);
  try {
    const { page } = guarded;
    await page.goto(session.server.url.replace(/#.*$/, ''));
    await page.waitForSelector('[data-app-state="error"]');
    const text = (await page.textContent('[data-testid="app"]')) ?? '';
    assert.match(text, /opened without its access key/);
    assert.match(text, /#token=…/);
    assert.match(text, /npm start/);
    assert.equal(await page.locator('[data-testid="count-findings"]').count(), 0);
    await screenshot(page, 'tokenless-page');
  } finally {
    await guarded.close();
  }
});
