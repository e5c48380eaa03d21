// What the desktop shell (the Electron main process) tells the window, outside the API's request and
// reply: menu actions, engine restarts, a case opened or saved from the menu. Main sends these, the preload
// forwards them untouched, the renderer acts on them; all three use this one union. The browser mode has no
// shell and sends none.
import { isScreenId, type ScreenId } from './screens.js';

/** The IPC channel the events travel on (the preload keeps a copy the compiler checks against this). */
export const SHELL_EVENT_CHANNEL = 'accountscope:shell-event';

/** The engine process as the main process sees it; sent whenever it changes. */
export type EngineStatus =
  | { state: 'starting' | 'ready'; casePath: string }
  | { state: 'restarting'; casePath: string; message: string }
  | { state: 'failed'; casePath: string; message: string };

export type ShellEvent =
  | ({ type: 'engine' } & EngineStatus)
  /** Another case is open (File → Open or Save As): everything on screen is stale. */
  | { type: 'case-changed' }
  /** File → Import started an import the window should show. */
  | { type: 'import-started'; importId: string }
  /** View → a screen. */
  | { type: 'navigate'; screen: ScreenId }
  /** File → Export Report wrote a report to this path. */
  | { type: 'report-saved'; path: string }
  /**
   * File → Export Report → a format: the window asks for the report's options (the responder's local
   * paths, left out unless ticked), then has the shell save it (the preload's saveReport).
   */
  | { type: 'export-report'; format: ReportFormat }
  /** File → Merge Cases or Export Case started a case task the window should show. */
  | { type: 'task-started'; taskId: string; kind: 'merge' | 'export' };

export type ShellEventType = ShellEvent['type'];

/** The formats a report is exported in (the API's exportReport). */
export type ReportFormat = 'html' | 'json' | 'csv';
const REPORT_FORMATS: ReadonlySet<unknown> = new Set<ReportFormat>(['html', 'json', 'csv']);

const ENGINE_STATES: ReadonlySet<unknown> = new Set(['starting', 'ready', 'restarting', 'failed']);

/**
 * Checks a payload that arrived on the shell channel. The main process is trusted, but the check keeps a
 * version mismatch or a malformed event from reaching the screens as a half-filled object.
 */
export function isShellEvent(value: unknown): value is ShellEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const type = v['type'] as ShellEventType;
  switch (type) {
    case 'engine':
      return ENGINE_STATES.has(v['state']) && typeof v['casePath'] === 'string';
    case 'case-changed':
      return true;
    case 'import-started':
      return typeof v['importId'] === 'string' && v['importId'].length > 0;
    case 'navigate':
      return isScreenId(v['screen']);
    case 'report-saved':
      return typeof v['path'] === 'string';
    case 'export-report':
      return REPORT_FORMATS.has(v['format']);
    case 'task-started':
      return (
        typeof v['taskId'] === 'string' &&
        v['taskId'].length > 0 &&
        (v['kind'] === 'merge' || v['kind'] === 'export')
      );
    default: {
      const unknownType: never = type;
      void unknownType;
      return false;
    }
  }
}
