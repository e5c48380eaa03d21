// The one way the main process answers the window: every API method is registered through `handleApi`,
// which refuses a channel that is not in the contract, a sender that is not the app window's top-level
// frame on the app's own page, and a request that fails validation, before anything reaches the engine.
// It imports no Electron at run time (only its types), so the tests drive it with a stand-in ipcMain.
import { API_METHODS, type ApiRequest, type Result } from '../../shared/api.js';
import { isApiMethod, validateRequest, type ValidRequest } from '../../shared/apiValidate.js';
import type { IpcMainInvokeEvent } from 'electron';
import { isTrustedSender } from './windowSecurity.js';

export const API_CHANNEL_PREFIX = 'accountscope:api:';

export function apiChannel(method: string): string {
  return `${API_CHANNEL_PREFIX}${method}`;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface SenderFacts {
  frameUrl: string | null;
  isMainFrame: boolean;
}

export type RunApiCall = (call: ValidRequest) => Promise<Result<unknown>>;

function refused(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

export function handleApi(
  ipcMain: IpcMainLike,
  method: string,
  senderFacts: (event: IpcMainInvokeEvent) => SenderFacts,
  run: RunApiCall,
): void {
  if (!isApiMethod(method))
    throw new Error(`refusing to register "${method}": not a method of the API contract`);
  ipcMain.handle(apiChannel(method), async (event, ...args) => {
    const sender = senderFacts(event);
    if (!isTrustedSender(sender.frameUrl, sender.isMainFrame)) {
      return refused('FORBIDDEN_SENDER', 'only the app window may call the engine');
    }
    if (args.length > 1) return refused('BAD_REQUEST', `${method}: one request object per call`);
    const valid = validateRequest(method, args[0]);
    if (!valid.ok) return valid;
    try {
      return await run(valid.value);
    } catch (e) {
      return refused('INTERNAL', (e as Error).message);
    }
  });
}

/** Registers every method of the contract, and nothing else. */
export function registerApi(
  ipcMain: IpcMainLike,
  senderFacts: (event: IpcMainInvokeEvent) => SenderFacts,
  run: RunApiCall,
): void {
  for (const method of API_METHODS) handleApi(ipcMain, method, senderFacts, run);
}

/** The one shell call the window may make outside the API: show a file in the system's file manager. */
export const SHOW_IN_FOLDER_CHANNEL = 'accountscope:shell:show-in-folder';

/**
 * Registers Show in Folder for the window. Like the API it answers only the app window's top frame, and
 * it shows only a path the shell itself opened or saved (`known`): a page cannot make the file manager
 * open somewhere of its choosing.
 */
export function handleShowInFolder(
  ipcMain: IpcMainLike,
  senderFacts: (event: IpcMainInvokeEvent) => SenderFacts,
  known: (path: string) => boolean,
  show: (path: string) => void,
): void {
  ipcMain.handle(SHOW_IN_FOLDER_CHANNEL, (event, ...args): Result<null> => {
    const sender = senderFacts(event);
    if (!isTrustedSender(sender.frameUrl, sender.isMainFrame))
      return refused('FORBIDDEN_SENDER', 'only the app window may ask the shell');
    const path = args[0];
    if (args.length !== 1 || typeof path !== 'string' || path.length === 0 || path.length > 4096)
      return refused('BAD_REQUEST', 'show in folder: one path');
    if (!known(path))
      return refused('FORBIDDEN_PATH', 'only a case or report this window opened or saved can be shown');
    show(path);
    return { ok: true, value: null };
  });
}

/** The window's answer to File → Export Report: save the report with the options the responder chose. */
export const SAVE_REPORT_CHANNEL = 'accountscope:shell:save-report';

/** What the window asks to save: the API's exportReport request (format, and the local paths or not). */
export type SaveReportRequest = ApiRequest<'exportReport'>;

/**
 * Registers Save Report for the window. Like the API it answers only the app window's top frame, and the
 * request is checked exactly as the API's exportReport request is (a format, includePaths true or false,
 * nothing else) before the shell builds the report and asks where to save it. The answer is the path it
 * was saved to, or null when the responder cancelled the save dialog.
 */
export function handleSaveReport(
  ipcMain: IpcMainLike,
  senderFacts: (event: IpcMainInvokeEvent) => SenderFacts,
  save: (request: SaveReportRequest) => Promise<Result<{ path: string | null }>>,
): void {
  ipcMain.handle(SAVE_REPORT_CHANNEL, async (event, ...args): Promise<Result<{ path: string | null }>> => {
    const sender = senderFacts(event);
    if (!isTrustedSender(sender.frameUrl, sender.isMainFrame))
      return refused('FORBIDDEN_SENDER', 'only the app window may ask the shell');
    if (args.length !== 1) return refused('BAD_REQUEST', 'save report: one request object');
    const valid = validateRequest('exportReport', args[0]);
    if (!valid.ok) return valid;
    try {
      return await save(valid.value.request as SaveReportRequest);
    } catch (e) {
      return refused('INTERNAL', (e as Error).message);
    }
  });
}
