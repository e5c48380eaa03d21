// The Electron APIs the shell uses, as the module `electron` for the compiler: tsconfig.json maps the
// import here (`paths`), so the build checks against these declarations on every machine, whether or not
// the optional `electron` package installed (it needs its binary download and Node >= 22.12). The shapes
// follow Electron's documented API, kept to what is used; where the real package is present,
// test/unit/shell/electronTypes.test.ts also compiles the shell against its own electron.d.ts, so a
// declaration here that the real API does not honour fails a test there.

type Listener = (...args: any[]) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface WebFrameMain {
  readonly url: string;
  readonly parent: WebFrameMain | null;
  readonly top: WebFrameMain | null;
}

export interface IpcMainInvokeEvent {
  readonly senderFrame: WebFrameMain | null;
  readonly sender: WebContents;
}

export interface IpcMain {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface HandlerDetails {
  url: string;
}

export interface WebContents {
  readonly mainFrame: WebFrameMain;
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: HandlerDetails) => { action: 'deny' } | { action: 'allow' }): void;
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview' | 'render-process-gone',
    listener: Listener,
  ): this;
  isDestroyed(): boolean;
  executeJavaScript(code: string): Promise<unknown>;
  getOSProcessId(): number;
}

export interface WebPreferences {
  preload?: string;
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webSecurity?: boolean;
  allowRunningInsecureContent?: boolean;
  webviewTag?: boolean;
  experimentalFeatures?: boolean;
  navigateOnDragDrop?: boolean;
  spellcheck?: boolean;
  session?: Session;
}

export interface BrowserWindowConstructorOptions {
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  minWidth?: number;
  minHeight?: number;
  show?: boolean;
  title?: string;
  backgroundColor?: string;
  webPreferences?: WebPreferences;
}

export class BrowserWindow {
  constructor(options?: BrowserWindowConstructorOptions);
  readonly webContents: WebContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): this;
  on(event: 'closed' | 'close' | 'resize' | 'move' | 'maximize' | 'unmaximize', listener: () => void): this;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  getNormalBounds(): Rectangle;
  getBounds(): Rectangle;
  setBounds(bounds: Partial<Rectangle>): void;
  destroy(): void;
  isDestroyed(): boolean;
  static getAllWindows(): BrowserWindow[];
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Display {
  workArea: Rectangle;
}
export const screen: { getAllDisplays(): Display[] };

export const shell: { showItemInFolder(fullPath: string): void };

export interface OnBeforeRequestDetails {
  url: string;
  resourceType: string;
}

export interface OnHeadersReceivedDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

export interface Session {
  webRequest: {
    onBeforeRequest(
      listener: (details: OnBeforeRequestDetails, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: OnHeadersReceivedDetails,
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (wc: WebContents, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (wc: WebContents | null, permission: string) => boolean): void;
  protocol: Protocol;
}

export const session: { fromPartition(partition: string): Session; defaultSession: Session };

export interface CustomScheme {
  scheme: string;
  privileges?: {
    standard?: boolean;
    secure?: boolean;
    supportFetchAPI?: boolean;
    corsEnabled?: boolean;
    stream?: boolean;
  };
}

export interface Protocol {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}
export const protocol: Protocol;

export interface App {
  whenReady(): Promise<void>;
  on(
    event: 'window-all-closed' | 'activate' | 'before-quit' | 'web-contents-created',
    listener: Listener,
  ): this;
  /** Another launch of the app (its argv and folder) while this one holds the single-instance lock. */
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): this;
  /** macOS: a file opened with the app (Finder, the Dock); call preventDefault to handle it. */
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): this;
  addRecentDocument(path: string): void;
  /** Per process; `sandboxed` (OS-level sandbox) is reported on macOS and Windows only. */
  getAppMetrics(): Array<{ pid: number; type: string; sandboxed?: boolean }>;
  clearRecentDocuments(): void;
  quit(): void;
  exit(code?: number): void;
  getPath(name: 'userData' | 'temp' | 'documents' | 'home'): string;
  getVersion(): string;
  getAppPath(): string;
  requestSingleInstanceLock(): boolean;
  readonly isPackaged: boolean;
}
export const app: App;
export const ipcMain: IpcMain;

export interface UtilityProcess {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  kill(): boolean;
}
export const utilityProcess: {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; stdio?: 'inherit' | 'ignore' | 'pipe' },
  ): UtilityProcess;
};

export interface FileFilter {
  name: string;
  extensions: string[];
}
export interface OpenDialogReturnValue {
  canceled: boolean;
  filePaths: string[];
}
export interface SaveDialogReturnValue {
  canceled: boolean;
  filePath?: string;
}
export const dialog: {
  showOpenDialog(
    window: BrowserWindow,
    options: {
      title?: string;
      properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>;
      filters?: FileFilter[];
    },
  ): Promise<OpenDialogReturnValue>;
  showSaveDialog(
    window: BrowserWindow,
    options: {
      title?: string;
      defaultPath?: string;
      filters?: FileFilter[];
      properties?: Array<'showOverwriteConfirmation'>;
    },
  ): Promise<SaveDialogReturnValue>;
  showMessageBox(
    window: BrowserWindow,
    options: {
      type?: 'info' | 'warning' | 'error';
      title?: string;
      message: string;
      detail?: string;
      buttons?: string[];
      defaultId?: number;
      cancelId?: number;
    },
  ): Promise<{ response: number }>;
  showErrorBox(title: string, content: string): void;
};

export interface MenuItemConstructorOptions {
  label?: string;
  role?:
    | 'close'
    | 'quit'
    | 'editMenu'
    | 'resetZoom'
    | 'zoomIn'
    | 'zoomOut'
    | 'togglefullscreen'
    | 'toggleDevTools'
    | 'about'
    | 'hide';
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItemConstructorOptions[];
}
export interface MenuItem {
  readonly label: string;
  readonly submenu?: Menu;
  click(): void;
}
export class Menu {
  readonly items: MenuItem[];
  static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
  static setApplicationMenu(menu: Menu | null): void;
  static getApplicationMenu(): Menu | null;
}

export const net: { fetch(input: string): Promise<Response> };

// Renderer-side (preload) APIs.
export const contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
export interface IpcRendererEvent {
  readonly sender: unknown;
}
export const ipcRenderer: {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
};
export const webUtils: { getPathForFile(file: File): string };
/** The DOM's File, as the preload sees it (its tsconfig has no DOM library). */
export interface File {
  readonly name: string;
}
