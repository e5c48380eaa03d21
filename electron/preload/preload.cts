// The preload: the only bridge between the sandboxed page and the main process. It exposes exactly the
// API contract's named functions (and a few small shell helpers), never ipcRenderer itself, so the page
// cannot send on any other channel; each function answers with the engine's Result. Sandboxed preloads
// cannot load ES modules or other files, which is why this is CommonJS (.cts) and lists the method names
// itself; the type checks below fail the build if that list and the contract ever differ.
// CommonJS under verbatimModuleSyntax: `import x = require()` is the only form that compiles to require(),
// and a sandboxed preload has no other way to load a module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { ApiMethod, ApiResultClient } from '../../shared/api.js';
import type * as shellEvents from '../../shared/shellEvents.js';
import type * as ipcBridge from '../main/ipcBridge.js';

const { contextBridge, ipcRenderer, webUtils } = electron;

const METHODS = [
  'caseInfo',
  'startImport',
  'importStatus',
  'cancelImport',
  'analyze',
  'listFindings',
  'getFinding',
  'rawEvent',
  'listAccounts',
  'accountStory',
  'timeline',
  'timelineEvents',
  'signinSources',
  'signinSource',
  'analytics',
  'analyticSql',
  'paramSpecs',
  'runSql',
  'getSettings',
  'setSettings',
  'exportReport',
  'openCase',
  'saveCaseAs',
  'newCase',
  'coverage',
  'coverageEvents',
  'triageTags',
  'setTriageTags',
  'setFindingReview',
  'eventTriage',
  'setEventTriage',
  'allowlistFromFinding',
  'entityPage',
  'entityEvents',
  'processTree',
  'processChildren',
  'eventGrid',
  'eventGridGroups',
  'eventGridFind',
  'eventGridValues',
  'eventGridColumns',
  'eventGridExport',
  'startCaseTask',
  'caseTaskStatus',
] as const satisfies readonly ApiMethod[];

// Both directions: no method missing from the list, no name in it that the contract lacks.
type Missing = Exclude<ApiMethod, (typeof METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;

// Kept literal, since this file cannot import at run time; the types make the build fail if either
// differs from the constant the main process uses.
const API_CHANNEL_PREFIX: typeof ipcBridge.API_CHANNEL_PREFIX = 'accountscope:api:';
const SHELL_EVENT_CHANNEL: typeof shellEvents.SHELL_EVENT_CHANNEL = 'accountscope:shell-event';
const SHOW_IN_FOLDER_CHANNEL: typeof ipcBridge.SHOW_IN_FOLDER_CHANNEL = 'accountscope:shell:show-in-folder';
const SAVE_REPORT_CHANNEL: typeof ipcBridge.SAVE_REPORT_CHANNEL = 'accountscope:shell:save-report';

/**
 * Each method answers with the engine's Result as it came over IPC, never throwing: an Error crossing
 * contextBridge keeps only its message, so the renderer turns Results into values or ApiErrors itself
 * (shared/apiClient.ts), the same way it does for the browser mode's HTTP replies.
 */
function buildApi(): ApiResultClient {
  const api: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const method of METHODS) {
    api[method] = (request: unknown) => ipcRenderer.invoke(`${API_CHANNEL_PREFIX}${method}`, request ?? {});
  }
  return api as ApiResultClient;
}

const api = buildApi();

const files = {
  /** Since Electron 32 a dropped File has no .path; this is the supported way to get it. */
  pathForFile: (file: unknown): string =>
    webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]),
};

const shell = {
  /** Subscribes to notifications from the shell (menu actions, engine restarts); returns an unsubscribe. */
  onEvent(listener: (event: shellEvents.ShellEvent) => void): () => void {
    // The IPC event object (with its sender) never reaches the page: only the payload does. The renderer
    // checks the payload (isShellEvent); this file cannot load the check at run time.
    const forward = (_e: unknown, payload: unknown): void => listener(payload as shellEvents.ShellEvent);
    ipcRenderer.on(SHELL_EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(SHELL_EVENT_CHANNEL, forward);
  },
  /**
   * Shows a case or report in the system's file manager. The main process answers only for a file it
   * opened or saved itself, with a Result like the API's.
   */
  showInFolder: (path: string): Promise<unknown> => ipcRenderer.invoke(SHOW_IN_FOLDER_CHANNEL, path),
  /**
   * File → Export Report, with the options the window asked for: the shell builds the report, asks where
   * to save it and writes it; the answer is a Result with the path (null when the save was cancelled).
   */
  saveReport: (request: ipcBridge.SaveReportRequest): Promise<unknown> =>
    ipcRenderer.invoke(SAVE_REPORT_CHANNEL, request),
};

contextBridge.exposeInMainWorld('accountscope', api);
contextBridge.exposeInMainWorld('accountscopeFiles', files);
contextBridge.exposeInMainWorld('accountscopeShell', shell);

export type Api = typeof api;
export type ShellApi = typeof shell;
export type FilesApi = typeof files;
