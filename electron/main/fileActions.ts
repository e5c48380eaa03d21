// What the File menu does: native dialogs for paths, then the same API calls the page makes. The engine
// validates these calls like any other; results are shown in the window, failures in a message box.
import { writeFile } from 'node:fs/promises';
import { dialog, type BrowserWindow } from 'electron';
import type { ApiMethod, CaseInfo, CaseTaskRequest, Result } from '../../shared/api.js';
import type { ShellEvent } from '../../shared/shellEvents.js';
import type { SaveReportRequest } from './ipcBridge.js';
import type { ReportFormat } from './menu.js';
import { saveReport } from './reportSave.js';

export type CallEngine = (method: ApiMethod, request: unknown) => Promise<Result<unknown>>;
export type SendShellEvent = (event: ShellEvent) => void;

const CASE_FILTER = [{ name: 'AccountScope case', extensions: ['duckdb'] }];
const EVIDENCE_FILTER = [
  { name: 'Event logs (EVTX, XML, JSON)', extensions: ['evtx', 'xml', 'json', 'jsonl', 'ndjson', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];
const REPORT_FILTERS: Record<ReportFormat, Array<{ name: string; extensions: string[] }>> = {
  html: [{ name: 'HTML report', extensions: ['html'] }],
  json: [{ name: 'JSON report', extensions: ['json'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
};

/** What the shell keeps track of as files are opened and saved: the recent cases, what Show in Folder may show. */
export interface FileHooks {
  caseOpened(path: string): void;
  reportSaved(path: string): void;
}

export class FileActions {
  constructor(
    private readonly window: () => BrowserWindow | null,
    private readonly call: CallEngine,
    private readonly notify: SendShellEvent,
    private readonly hooks: FileHooks,
  ) {}

  private async failed(result: Result<unknown>, what: string): Promise<boolean> {
    if (result.ok) return false;
    const win = this.window();
    if (win)
      await dialog.showMessageBox(win, {
        type: 'error',
        title: 'AccountScope',
        message: `Could not ${what}.`,
        detail: result.error.message,
      });
    return true;
  }

  async openCase(): Promise<void> {
    const win = this.window();
    if (!win) return;
    const choice = await dialog.showOpenDialog(win, {
      title: 'Open case',
      properties: ['openFile'],
      filters: CASE_FILTER,
    });
    if (choice.canceled || !choice.filePaths[0]) return;
    await this.openCasePath(choice.filePaths[0]);
  }

  /** Opens a case by path: from the dialog, File → Open Recent, or a case file the OS handed over. */
  async openCasePath(path: string): Promise<void> {
    const result = await this.call('openCase', { path });
    if ((await this.failed(result, `open the case ${path}`)) || !result.ok) return;
    this.hooks.caseOpened((result.value as CaseInfo).path);
    this.notify({ type: 'case-changed' });
  }

  saveCaseAs(): Promise<void> {
    return this.writeCase('saveCaseAs', 'Save case as', 'case.duckdb', 'save the case', 'with this one');
  }

  /** File → New Case: an empty case at a name the user gives, which the window then shows. */
  newCase(): Promise<void> {
    return this.writeCase('newCase', 'New case', 'new-case.duckdb', 'create the case', 'with an empty case');
  }

  /** Asks for a case file name, then saves or creates the case there, asking before replacing a case. */
  private async writeCase(
    method: 'saveCaseAs' | 'newCase',
    title: string,
    defaultPath: string,
    what: string,
    replacement: string,
  ): Promise<void> {
    const win = this.window();
    if (!win) return;
    const choice = await dialog.showSaveDialog(win, {
      title,
      defaultPath,
      filters: CASE_FILTER,
      // Linux asks before replacing a file only when told to (macOS and Windows always ask).
      properties: ['showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return;
    const path = /\.duckdb$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.duckdb`;
    // The dialog's own question covers the name it returned, not one with .duckdb added to it.
    let result = await this.call(method, { path, replace: path === choice.filePath });
    if (!result.ok && result.error.code === 'EXISTS') {
      const { response } = await dialog.showMessageBox(win, {
        type: 'warning',
        title: 'AccountScope',
        message: `${path} is already a case. Replace it ${replacement}?`,
        detail: 'The case now in that file will be lost.',
        buttons: ['Replace', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      });
      if (response !== 0) return;
      result = await this.call(method, { path, replace: true });
    }
    if ((await this.failed(result, what)) || !result.ok) return;
    // Both answers carry the path of the case now open (saveCaseAs's copy, newCase's CaseInfo).
    this.hooks.caseOpened((result.value as { path: string }).path);
    this.notify({ type: 'case-changed' });
    // A new case is empty: the window goes where evidence is added.
    if (method === 'newCase') this.notify({ type: 'navigate', screen: 'import' });
  }

  async importPaths(kind: 'files' | 'folder'): Promise<void> {
    const win = this.window();
    if (!win) return;
    const choice = await dialog.showOpenDialog(win, {
      title: kind === 'files' ? 'Import log files' : 'Import a folder of logs',
      properties: kind === 'files' ? ['openFile', 'multiSelections'] : ['openDirectory'],
      ...(kind === 'files' ? { filters: EVIDENCE_FILTER } : {}),
    });
    if (choice.canceled || choice.filePaths.length === 0) return;
    const result = await this.call('startImport', { paths: choice.filePaths });
    if (!(await this.failed(result, 'start the import')) && result.ok) {
      this.notify({ type: 'import-started', importId: (result.value as { importId: string }).importId });
    }
  }

  /** Starts a case task and hands it to the window, which shows its progress and result. */
  private async startTask(request: CaseTaskRequest, what: string): Promise<void> {
    const result = await this.call('startCaseTask', request);
    if ((await this.failed(result, what)) || !result.ok) return;
    const { taskId } = result.value as { taskId: string };
    this.notify({ type: 'task-started', taskId, kind: request.kind === 'merge' ? 'merge' : 'export' });
  }

  /** File → Merge Cases: the cases to merge with the open one, then the new case's name. */
  async mergeCases(): Promise<void> {
    const win = this.window();
    if (!win) return;
    const info = await this.call('caseInfo', {});
    if ((await this.failed(info, 'read the open case')) || !info.ok) return;
    const open = (info.value as CaseInfo).path;
    const picked = await dialog.showOpenDialog(win, {
      title: 'Merge cases: choose the cases to merge with this one',
      properties: ['openFile', 'multiSelections'],
      filters: CASE_FILTER,
    });
    if (picked.canceled || picked.filePaths.length === 0) return;
    const target = await dialog.showSaveDialog(win, {
      title: 'Merged case: a new file',
      defaultPath: 'merged.duckdb',
      filters: CASE_FILTER,
    });
    if (target.canceled || !target.filePath) return;
    const path = /\.duckdb$/i.test(target.filePath) ? target.filePath : `${target.filePath}.duckdb`;
    const paths = [open, ...picked.filePaths.filter((p) => p !== open)];
    await this.startTask({ kind: 'merge', paths, target: path }, 'merge the cases');
  }

  /** File → Export Case: a new or empty folder for Parquet, or a .jsonl file for Timesketch. */
  async exportCase(kind: 'parquet' | 'timesketch'): Promise<void> {
    const win = this.window();
    if (!win) return;
    if (kind === 'parquet') {
      const choice = await dialog.showOpenDialog(win, {
        title: 'Export as Parquet: choose a new or empty folder',
        properties: ['openDirectory'],
      });
      if (choice.canceled || !choice.filePaths[0]) return;
      await this.startTask({ kind: 'parquet', dir: choice.filePaths[0] }, 'export the case');
      return;
    }
    const choice = await dialog.showSaveDialog(win, {
      title: 'Export as a Timesketch timeline',
      defaultPath: 'timeline.jsonl',
      filters: [{ name: 'Timesketch timeline (JSON lines)', extensions: ['jsonl'] }],
    });
    if (choice.canceled || !choice.filePath) return;
    const file = /\.jsonl$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.jsonl`;
    await this.startTask({ kind: 'timesketch', file }, 'export the case');
  }

  /**
   * File → Export Report → a format: the window asks for the report's options (its dialog), then calls
   * saveReport through the preload.
   */
  exportReport(format: ReportFormat): void {
    this.notify({ type: 'export-report', format });
  }

  /** Builds the report with the options the window sent, asks where to save it, and writes it there. */
  async saveReport(request: SaveReportRequest): Promise<Result<{ path: string | null }>> {
    const saved = await saveReport(
      {
        call: this.call,
        chooseFile: async (report, format) => {
          const win = this.window();
          if (!win) return null;
          const choice = await dialog.showSaveDialog(win, {
            title: 'Export report',
            defaultPath: report.filename,
            filters: REPORT_FILTERS[format],
          });
          return choice.canceled || !choice.filePath ? null : choice.filePath;
        },
        write: (path, content) => writeFile(path, content, 'utf8'),
      },
      request,
    );
    if (saved.ok && saved.value.path) {
      this.hooks.reportSaved(saved.value.path);
      this.notify({ type: 'report-saved', path: saved.value.path });
    }
    return saved;
  }
}
