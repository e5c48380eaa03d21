// The Electron main process: one window on the app:// page, a hardened session, the engine in a utility
// process, IPC through the one validated wrapper, and the menus. Every security choice is made in
// windowSecurity.ts; this file only applies them.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  utilityProcess,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import { EngineProcess, type EngineChild, type EngineStatus } from './engineProcess.js';
import { FileActions } from './fileActions.js';
import { SHELL_EVENT_CHANNEL, type ShellEvent } from '../../shared/shellEvents.js';
import { registerApi, type SenderFacts } from './ipcBridge.js';
import { menuTemplate } from './menu.js';
import {
  APP_ENTRY,
  BlockedRequests,
  contentSecurityPolicy,
  isAllowedNavigation,
  isAllowedRequest,
  registerAppScheme,
  serveAppScheme,
  windowSecurityOptions,
} from './windowSecurity.js';

const here = dirname(fileURLToPath(import.meta.url));
const blocked = new BlockedRequests();
let mainWindow: BrowserWindow | null = null;

// Scheme privileges are fixed when Chromium starts, so this runs before anything awaits.
registerAppScheme(protocol);

/** `--case=PATH` or `--case PATH`; otherwise the default case in the user's data folder. */
function casePathFromArgs(argv: readonly string[]): string | null {
  const i = argv.findIndex((a) => a === '--case' || a.startsWith('--case='));
  if (i < 0) return null;
  return argv[i]!.startsWith('--case=') ? argv[i]!.slice('--case='.length) : (argv[i + 1] ?? null);
}

function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // The app talks to nothing but itself: any other request (http, https, file, ws, …) is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) blocked.record(details.url);
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy()],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}

function sendShellEvent(event: ShellEvent): void {
  const wc = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
  if (wc && !wc.isDestroyed()) wc.send(SHELL_EVENT_CHANNEL, event);
}

function spawnEngine(casePath: string): EngineChild {
  const child = utilityProcess.fork(join(here, 'engineHost.js'), [`--case=${casePath}`], {
    serviceName: 'AccountScope engine',
  });
  return {
    send: (m) => child.postMessage(m),
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.on('exit', l),
    kill: () => void child.kill(),
  };
}

/** The facts isTrustedSender judges: which frame sent the call, and is it the app window's top frame. */
function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const isMainFrame =
    frame !== null && frame.parent === null && win !== null && event.sender === win.webContents;
  return { frameUrl: frame?.url ?? null, isMainFrame };
}

function createWindow(ses: Session): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'AccountScope',
    backgroundColor: '#111827',
    webPreferences: { ...windowSecurityOptions(join(here, '..', 'preload', 'preload.cjs')), session: ses },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  // A crashed page is reloaded; the engine and the case are untouched by it.
  win.webContents.on('render-process-gone', () => {
    if (!win.isDestroyed()) void win.loadURL(APP_ENTRY);
  });
  void win.loadURL(APP_ENTRY);
  return win;
}

function engineStatusText(s: EngineStatus): string {
  return 'message' in s ? `${s.state}: ${s.message}` : `${s.state} (${s.casePath})`;
}

async function start(): Promise<void> {
  const casePath = casePathFromArgs(process.argv) ?? join(app.getPath('userData'), 'cases', 'default.duckdb');
  mkdirSync(dirname(casePath), { recursive: true });
  await app.whenReady();

  // Every web contents, present or future: no new windows, no navigation away, no <webview>.
  app.on('web-contents-created', (_e: unknown, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e: { preventDefault(): void }, url: string) => {
      if (!isAllowedNavigation(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e: { preventDefault(): void }, url: string) => {
      if (!isAllowedRequest(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e: { preventDefault(): void }) => e.preventDefault());
  });

  const ses = session.fromPartition('accountscope');
  hardenSession(ses);
  serveAppScheme(ses, join(app.getAppPath(), 'renderer-dist'));

  const engine = new EngineProcess(spawnEngine, casePath, (status) =>
    sendShellEvent({ type: 'engine', ...status }),
  );
  engine.start();
  registerApi(ipcMain, senderFacts, (call) => engine.call(call.method, call.request));

  const files = new FileActions(
    () => mainWindow,
    (m, r) => engine.call(m, r),
    sendShellEvent,
  );
  const info = (message: string, detail: string): void => {
    if (mainWindow)
      void dialog.showMessageBox(mainWindow, { type: 'info', title: 'AccountScope', message, detail });
  };
  const menu = menuTemplate(
    {
      openCase: () => void files.openCase(),
      saveCaseAs: () => void files.saveCaseAs(),
      importFiles: () => void files.importPaths('files'),
      importFolder: () => void files.importPaths('folder'),
      exportReport: (format) => void files.exportReport(format),
      navigate: (screen) => sendShellEvent({ type: 'navigate', screen }),
      showSecurityStatus: () =>
        info(
          `${blocked.total} outside request(s) blocked`,
          [
            `Engine: ${engineStatusText(engine.status)}`,
            `Content-Security-Policy: ${contentSecurityPolicy()}`,
            ...(blocked.lastBlocked.length ? ['Last blocked:', ...blocked.lastBlocked] : []),
          ].join('\n'),
        ),
      showAbout: () =>
        info(`AccountScope ${app.getVersion()}`, 'Offline triage of Windows and Entra ID account activity.'),
    },
    { isMac: process.platform === 'darwin', devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));

  mainWindow = createWindow(ses);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(ses);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => engine.stop());
}

if (!app.requestSingleInstanceLock()) app.quit();
else
  start().catch((e: Error) => {
    dialog.showErrorBox('AccountScope could not start', e.message);
    app.exit(1);
  });
