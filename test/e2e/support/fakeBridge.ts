// Puts a Node-side ApiClient behind window.accountscope in a page, the way the Electron preload does, so the
// UI can be driven against the fake case without an engine; and, for the shell's side, a stand-in for the
// preload's accountscopeShell that the test feeds events into.
import type { Page } from 'playwright-core';
import { ApiError, type ApiClient, type ApiMethod, type Result } from '../../../shared/api.js';
import type { ShellEvent } from '../../../shared/shellEvents.js';

/** Like the preload, the bridge answers with Results: the page's own client turns them into values or errors. */
export async function installFakeApi(page: Page, api: ApiClient): Promise<void> {
  await page.exposeBinding(
    '__accountscopeFake',
    async (_source, method: ApiMethod, request: unknown): Promise<Result<unknown>> => {
      const fn = api[method] as (req: unknown) => Promise<unknown>;
      try {
        return { ok: true, value: await fn(request) };
      } catch (e) {
        const code = e instanceof ApiError ? e.code : 'INTERNAL';
        return { ok: false, error: { code, message: (e as Error).message } };
      }
    },
  );
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

type ShellListener = (event: unknown) => void;
interface FakeShellGlobal {
  accountscopeShell: {
    onEvent(listener: ShellListener): () => void;
    showInFolder(path: string): Promise<unknown>;
    saveReport(request: unknown): Promise<unknown>;
  };
  __shellListeners: Set<ShellListener>;
  /** The paths the page asked the shell to show in their folder. */
  __shownInFolder: string[];
  /** The reports the page asked the shell to save, with their options. */
  __savedReports: unknown[];
  /** How the next saveReport answers: saved at a path, cancelled (null), or failed with a message. */
  __saveReportAnswer: { path: string | null } | { error: string };
}

/** The reports the page asked the fake shell to save, in order (format and includePaths). */
export async function savedReports(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (globalThis as unknown as FakeShellGlobal).__savedReports);
}

/**
 * How the fake shell answers the page's next saveReport: saved at `path` (then, as main does, it sends
 * `report-saved`), cancelled in the save dialog (`path: null`), or failed with a message.
 */
export async function answerSaveReport(
  page: Page,
  answer: { path: string | null } | { error: string },
): Promise<void> {
  await page.evaluate((a) => {
    (globalThis as unknown as FakeShellGlobal).__saveReportAnswer = a;
  }, answer);
}

/** What the page asked the fake shell to show in the file manager, in order. */
export async function shownInFolder(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as FakeShellGlobal).__shownInFolder);
}

/** Gives the page a shell like the preload's; returns how to send it an event, as main would. */
export async function installFakeShell(page: Page): Promise<(event: ShellEvent) => Promise<void>> {
  await page.addInitScript(() => {
    const g = globalThis as unknown as FakeShellGlobal;
    g.__shellListeners = new Set();
    g.__shownInFolder = [];
    g.__savedReports = [];
    g.__saveReportAnswer = { path: '/reports/accountscope-report.html' };
    g.accountscopeShell = {
      onEvent(listener) {
        g.__shellListeners.add(listener);
        return () => void g.__shellListeners.delete(listener);
      },
      showInFolder(path) {
        g.__shownInFolder.push(path);
        return Promise.resolve({ ok: true, value: null });
      },
      saveReport(request) {
        g.__savedReports.push(request);
        const a = g.__saveReportAnswer;
        if ('error' in a)
          return Promise.resolve({ ok: false, error: { code: 'CASE_ERROR', message: a.error } });
        if (a.path !== null)
          for (const listener of g.__shellListeners) listener({ type: 'report-saved', path: a.path });
        return Promise.resolve({ ok: true, value: { path: a.path } });
      },
    };
  });
  return async (event) => {
    await page.evaluate((e) => {
      const g = globalThis as unknown as FakeShellGlobal;
      for (const listener of g.__shellListeners) listener(e);
    }, event);
  };
}
