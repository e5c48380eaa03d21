// Puts a Node-side ApiClient behind window.accountscope in a page, the way the Electron preload would, so the
// UI can be driven against the fake case without an engine.
import type { Page } from 'playwright-core';
import type { ApiClient, ApiMethod } from '../../../shared/api.js';

export async function installFakeApi(page: Page, api: ApiClient): Promise<void> {
  await page.exposeBinding('__accountscopeFake', async (_source, method: ApiMethod, request: unknown) => {
    const fn = api[method] as (req: unknown) => Promise<unknown>;
    return fn(request);
  });
  await page.addInitScript(() => {
    type Bridge = { __accountscopeFake: (m: string, r: unknown) => Promise<unknown> };
    // The binding is looked up per call: it may be installed after this script runs.
    (globalThis as unknown as { accountscope: unknown }).accountscope = new Proxy(
      {},
      {
        get: (_target, method: string) => (request: unknown) =>
          (globalThis as unknown as Bridge).__accountscopeFake(method, request),
      },
    );
  });
}
