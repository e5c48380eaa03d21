// What the Electron preload puts on window. The browser mode has neither; the app then talks HTTP.
import type { ApiResultClient } from '../../../shared/api';
import type { ReportFormat, ShellEvent } from '../../../shared/shellEvents';

declare global {
  interface Window {
    /** The API contract, exposed method by method through contextBridge; each answers with a Result. */
    accountscope?: ApiResultClient;
    /**
     * Electron-only helpers outside the contract: since Electron 32 a dropped File no longer carries its
     * path, so the preload has to resolve it (webUtils.getPathForFile).
     */
    accountscopeFiles?: { pathForFile(file: File): string };
    /**
     * Electron-only notifications from the shell: menu actions, engine restarts, case changes. Typed as the
     * preload promises; the listener still checks each event (isShellEvent) before acting on it.
     */
    accountscopeShell?: {
      onEvent(listener: (event: ShellEvent) => void): () => void;
      /** Shows a case or report the shell opened or saved in the system's file manager. */
      showInFolder?(path: string): Promise<unknown>;
      /**
       * File → Export Report with the options the window asked for: the shell builds the report, asks where
       * to save it and writes it. Answers a Result: the path, or null when the save was cancelled.
       */
      saveReport?(request: { format: ReportFormat; includePaths: boolean }): Promise<unknown>;
    };
  }
}

export {};
