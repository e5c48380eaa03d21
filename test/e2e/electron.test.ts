// The desktop app itself, driven through Playwright's Electron support. It needs an Electron binary: the
// optional `electron` package where it installed (online, Node >= 22.12), or ELECTRON_OVERRIDE_DIST_PATH.
// Where neither is present every test here is skipped and says why.
//
// What it checks against the running app, not against option objects: the window's security settings as
// Electron applied them, the CSP stopping an inline script, navigation, new windows, permissions and
// outside requests refused, an IPC call from any other page refused; the View menu listing every screen;
// File → Open Case… through the native dialog (stubbed in the main process, which is where the dialog
// lives); recent cases; Show in Folder; the window's size and place across a restart; and a second launch
// handing its case file to the running window.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { findElectron } from '../../electron/main/findElectron.js';
import { API_METHODS, type CaseInfo, type Result } from '../../shared/api.js';
import { SCREENS } from '../../shared/screens.js';
import { buildFixtureCase } from '../integration/service/apiFixture.js';
import { projectRoot, tempDir } from '../support/paths.js';

const electron = findElectron(projectRoot);

function skipWithoutElectron(t: TestContext): string | null {
  if (electron.found) return electron.path;
  const reason = `Electron binary not present on this machine: ${electron.reason}`;
  console.log(reason);
  t.skip(reason);
  return null;
}

interface Running {
  app: ElectronApplication;
  page: Page;
}

async function launch(executablePath: string, casePath: string, userData: string): Promise<Running> {
  const app = await _electron.launch({
    executablePath,
    args: [projectRoot, `--case=${casePath}`, `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' },
  });
  const page = await app.firstWindow();
  await page.waitForSelector('[data-app-state="ready"]', { timeout: 30_000 });
  return { app, page };
}

type PageGlobals = {
  accountscope: { caseInfo(r: object): Promise<Result<CaseInfo>> };
  accountscopeShell: { showInFolder(path: string): Promise<Result<null>> };
  open(url: string): unknown;
};

const caseInfo = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as PageGlobals).accountscope.caseInfo({}));

/** Waits until the engine behind the window has the case at `path` open. */
async function waitForCase(page: Page, path: string): Promise<void> {
  await page.waitForFunction(
    (p) =>
      (globalThis as unknown as PageGlobals).accountscope
        .caseInfo({})
        .then((r) => r.ok && r.value.path === p),
    path,
    { timeout: 20_000 },
  );
}

/** The labels of a top-level menu's items (and of one submenu below it). */
function menuLabels(app: ElectronApplication, top: string, sub?: string): Promise<string[]> {
  return app.evaluate(
    ({ Menu }, [topLabel, subLabel]) => {
      const menu = Menu.getApplicationMenu()!.items.find((i) => i.label === topLabel)!.submenu!;
      const items = subLabel ? menu.items.find((i) => i.label === subLabel)!.submenu!.items : menu.items;
      return items.filter((i) => i.label).map((i) => i.label);
    },
    [top, sub] as const,
  );
}

test('the Electron app opens a case, exposes only the API, and blocks the outside world', async (t) => {
  const executable = skipWithoutElectron(t);
  if (!executable) return;
  const { dir, cleanup } = tempDir('accountscope-electron-');
  const fixture = await buildFixtureCase(dir);
  const { app, page } = await launch(executable, fixture.path, join(dir, 'user-data'));
  try {
    assert.match(page.url(), /^app:\/\/accountscope\/index\.html/);

    // The renderer as Electron runs it: in an OS-level sandbox where Electron reports that (macOS and
    // Windows); everywhere, the page world has no Node (below) and the API arrives only through
    // contextBridge, which refuses to work without context isolation.
    const sandboxed = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const pid = BrowserWindow.getAllWindows()[0]!.webContents.getOSProcessId();
      return electronApp.getAppMetrics().find((m) => m.pid === pid)?.sandboxed ?? null;
    });
    if (sandboxed !== null) assert.equal(sandboxed, true);

    const surface = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      return {
        api: Object.keys((w['accountscope'] as object) ?? {}).sort(),
        files: Object.keys((w['accountscopeFiles'] as object) ?? {}),
        shell: Object.keys((w['accountscopeShell'] as object) ?? {}).sort(),
        hasRequire: typeof w['require'],
        hasProcess: typeof w['process'],
        hasIpc: 'ipcRenderer' in w,
      };
    });
    assert.deepEqual(surface.api, [...API_METHODS].sort());
    assert.deepEqual(surface.files, ['pathForFile']);
    assert.deepEqual(surface.shell, ['onEvent', 'showInFolder']);
    assert.equal(surface.hasRequire, 'undefined');
    assert.equal(surface.hasProcess, 'undefined');
    assert.equal(surface.hasIpc, false);

    // The bridge answers with the engine's Result; the UI's client unwraps it.
    const info = await caseInfo(page);
    assert.ok(info.ok, JSON.stringify(info));
    assert.equal(info.value.counts.findings, 4);

    // The CSP stops an inline script the page did not ship.
    const inlineRan = await page.evaluate(() => {
      type El = { textContent: string };
      const doc = (
        globalThis as unknown as {
          document: { createElement(t: string): El; head: { appendChild(e: El): void } };
        }
      ).document;
      const s = doc.createElement('script');
      s.textContent = 'globalThis.__inlineRan = true';
      doc.head.appendChild(s);
      return (globalThis as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    assert.equal(inlineRan, false);

    // No network, no new windows, no permissions, no navigation away.
    const outside = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    assert.equal(outside, 'blocked');
    const popup = await page.evaluate(
      () => (globalThis as unknown as PageGlobals).open('https://example.com/') === null,
    );
    assert.equal(popup, true);
    const permission = await page.evaluate(() =>
      (
        globalThis as unknown as { Notification: { requestPermission(): Promise<string> } }
      ).Notification.requestPermission(),
    );
    assert.equal(permission, 'denied');
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    assert.match(page.url(), /^app:\/\/accountscope\/index\.html/);

    // The same preload on any other page gets FORBIDDEN_SENDER from every method.
    const preload = join(projectRoot, 'dist', 'electron', 'preload', 'preload.cjs');
    const foreign = await app.evaluate(async ({ BrowserWindow }, preload) => {
      const w = new BrowserWindow({
        show: false,
        webPreferences: { preload, sandbox: true, contextIsolation: true },
      });
      await w.loadURL('data:text/html,<p>not the app</p>');
      const answer = await w.webContents.executeJavaScript('window.accountscope.caseInfo({})');
      w.destroy();
      return answer as { ok: boolean; error?: { code: string } };
    }, preload);
    assert.equal(foreign.ok, false);
    assert.equal(foreign.error?.code, 'FORBIDDEN_SENDER');
  } finally {
    await app.close();
    cleanup();
  }
});

test('menus, native dialogs, recent cases and Show in Folder work in the running app', async (t) => {
  const executable = skipWithoutElectron(t);
  if (!executable) return;
  const { dir, cleanup } = tempDir('accountscope-electron-');
  const first = await buildFixtureCase(join(dir, 'first'));
  const second = await buildFixtureCase(join(dir, 'second'), false);
  const { app, page } = await launch(executable, first.path, join(dir, 'user-data'));
  try {
    const view = await menuLabels(app, 'View');
    assert.deepEqual(
      view.slice(0, SCREENS.length),
      SCREENS.map((s) => s.label),
    );

    // File → Open Case…: the dialog (stubbed where it lives, in main) returns the second case.
    await app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({
        canceled: false,
        filePaths: [path],
      })) as typeof dialog.showOpenDialog;
    }, second.path);
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()!.items.find((i) => i.label === 'File')!.submenu!;
      file.items.find((i) => i.label === 'Open Case…')!.click();
    });
    await waitForCase(page, second.path);
    const recent = await menuLabels(app, 'File', 'Open Recent');
    assert.ok(recent[0]?.endsWith(second.path), recent.join('\n'));
    assert.ok(
      recent.some((l) => l.endsWith(first.path)),
      recent.join('\n'),
    );

    // Show in Folder: the case the shell opened, yes; anything else, no.
    await app.evaluate(({ shell }) => {
      const shown: string[] = [];
      (globalThis as unknown as { __shown: string[] }).__shown = shown;
      shell.showItemInFolder = (p: string) => void shown.push(p);
    });
    const ok = await page.evaluate(
      (p) => (globalThis as unknown as PageGlobals).accountscopeShell.showInFolder(p),
      second.path,
    );
    assert.deepEqual(ok, { ok: true, value: null });
    const refused = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).accountscopeShell.showInFolder('/etc/passwd'),
    );
    assert.equal(refused.ok, false);
    assert.deepEqual(await app.evaluate(() => (globalThis as unknown as { __shown: string[] }).__shown), [
      second.path,
    ]);
  } finally {
    await app.close();
    cleanup();
  }
});

test('the window comes back where it was, and a second launch hands its case to the running window', async (t) => {
  const executable = skipWithoutElectron(t);
  if (!executable) return;
  const { dir, cleanup } = tempDir('accountscope-electron-');
  const first = await buildFixtureCase(join(dir, 'first'));
  const second = await buildFixtureCase(join(dir, 'second'), false);
  const userData = join(dir, 'user-data');
  try {
    let running = await launch(executable, first.path, userData);
    const placed = { x: 40, y: 60, width: 1100, height: 700 };
    await running.app.evaluate(
      ({ BrowserWindow }, b) => BrowserWindow.getAllWindows()[0]!.setBounds(b),
      placed,
    );
    await running.app.close();

    running = await launch(executable, first.path, userData);
    const bounds = await running.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.getBounds(),
    );
    assert.deepEqual(
      { width: bounds.width, height: bounds.height },
      { width: placed.width, height: placed.height },
    );

    // A second process with the same profile gets no lock: it passes its argv on and quits.
    const exited = await new Promise<number | null>((resolve) => {
      const child = spawn(executable, [projectRoot, second.path, `--user-data-dir=${userData}`], {
        stdio: 'ignore',
      });
      child.on('exit', (code) => resolve(code));
    });
    assert.equal(exited, 0);
    await waitForCase(running.page, second.path);
    await running.app.close();
  } finally {
    cleanup();
  }
});
