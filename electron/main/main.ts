// The Electron main process: one window on the app:// page, a hardened session, the engine in a utility
// process, IPC through the one validated wrapper, and the menus. Every security choice is made in
// windowSecurity.ts; this file only applies them. One instance runs at a time: opening a case file while
// the app runs hands it to the running window (launchArgs.ts), which comes to the front and opens it.
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
  screen,
  session,
  shell,
  utilityProcess,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import { EngineProcess, type EngineChild, type EngineStatus } from './engineProcess.js';
import { FileActions } from './fileActions.js';
import { casePathFromArgs } from './launchArgs.js';
import { RecentCases } from './recentCases.js';
import { MIN_SIZE, initialBounds, readWindowState, writeWindowState } from './windowState.js';
import { SHELL_EVENT_CHANNEL, type ShellEvent } from '../../shared/shellEvents.js';
import { handleSaveReport, handleShowInFolder, registerApi, type SenderFacts } from './ipcBridge.js';
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

/**
 * macOS hands a case file opened from Finder or the Dock as an event, possibly before the app is ready:
 * until the shell can open it, it is kept here (and becomes the case the app starts on).
 */
let openFileBeforeReady: string | null = null;
let openFile: (path: string) => void = (path) => {
  openFileBeforeReady = path;
};
app.on('open-file', (event, path) => {
  event.preventDefault();
  openFile(path);
});

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

/** Brings the window to the front, out of the taskbar or Dock if need be. */
function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(ses: Session, stateFile: string): BrowserWindow {
  const state = readWindowState(stateFile);
  const win = new BrowserWindow({
    ...initialBounds(
      state,
      screen.getAllDisplays().map((d) => d.workArea),
    ),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'AccountScope',
    backgroundColor: '#111827',
    webPreferences: { ...windowSecurityOptions(join(here, '..', 'preload', 'preload.cjs')), session: ses },
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  // Size and place are saved as the window closes: its normal bounds, so a maximised window comes back
  // maximised over the place it had before.
  win.on('close', () => {
    try {
      if (!win.isFullScreen())
        writeWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // A read-only profile folder costs only the remembered place.
    }
  });
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
  await app.whenReady();
  const userData = app.getPath('userData');
  const casePath =
    casePathFromArgs(process.argv) ?? openFileBeforeReady ?? join(userData, 'cases', 'default.duckdb');
  mkdirSync(dirname(casePath), { recursive: true });
  const recent = new RecentCases(join(userData, 'recent-cases.json'));
  /** The files Show in Folder may show: the cases this run opened or saved, the reports it wrote. */
  const shownFiles = new Set<string>([casePath]);
  /** A case opened: File → Open Recent and the OS's recent documents list it first. */
  const remember = (path: string): void => {
    recent.add(path);
    app.addRecentDocument(path);
  };

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
    {
      caseOpened: (path) => {
        shownFiles.add(path);
        remember(path);
        setMenu();
      },
      reportSaved: (path) => void shownFiles.add(path),
    },
  );
  handleSaveReport(ipcMain, senderFacts, (request) => files.saveReport(request));
  handleShowInFolder(
    ipcMain,
    senderFacts,
    (path) => shownFiles.has(path),
    (path) => shell.showItemInFolder(path),
  );
  const info = (message: string, detail: string): void => {
    if (mainWindow)
      void dialog.showMessageBox(mainWindow, { type: 'info', title: 'AccountScope', message, detail });
  };
  const setMenu = (): void => {
    const menu = menuTemplate(
      {
        newCase: () => void files.newCase(),
        openCase: () => void files.openCase(),
        openRecent: (path) => void files.openCasePath(path),
        clearRecent: () => {
          recent.clear();
          app.clearRecentDocuments();
          setMenu();
        },
        saveCaseAs: () => void files.saveCaseAs(),
        showCaseInFolder: () => shell.showItemInFolder(engine.currentCase),
        importFiles: () => void files.importPaths('files'),
        importFolder: () => void files.importPaths('folder'),
        exportReport: (format) => files.exportReport(format),
        mergeCases: () => void files.mergeCases(),
        exportCase: (kind) => void files.exportCase(kind),
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
          info(
            `AccountScope ${app.getVersion()}`,
            'Offline triage of Windows and Entra ID account activity.',
          ),
      },
      { isMac: process.platform === 'darwin', devTools: !app.isPackaged, recent: recent.list() },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
  };
  remember(casePath);
  setMenu();

  const stateFile = join(userData, 'window-state.json');
  mainWindow = createWindow(ses, stateFile);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(ses, stateFile);
  });
  // A second launch (a case file double-clicked, `accountscope` run again) lands here: this window comes
  // forward and opens the case it names, if it names one; the second process then quits.
  const openNamedCase = (path: string): void => {
    focusWindow();
    if (path !== engine.currentCase) void files.openCasePath(path);
  };
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = casePathFromArgs(argv, workingDirectory);
    if (path) openNamedCase(path);
    else focusWindow();
  });
  openFile = openNamedCase;
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
