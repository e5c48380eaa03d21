// The application menu, as a template built from plain actions (no Electron import), so its shape is
// testable: File (case and evidence), View (every screen of shared/screens.ts, in its order), Help.
import type { MenuItemConstructorOptions } from 'electron';
import { SCREENS, type ScreenId } from '../../shared/screens.js';

export type ReportFormat = 'html' | 'json' | 'csv';

export interface MenuActions {
  openCase(): void;
  saveCaseAs(): void;
  importFiles(): void;
  importFolder(): void;
  exportReport(format: ReportFormat): void;
  navigate(screen: ScreenId): void;
  showSecurityStatus(): void;
  showAbout(): void;
}

export function menuTemplate(
  actions: MenuActions,
  opts: { isMac: boolean; devTools: boolean },
): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', click: () => actions.openCase() },
      { label: 'Save Case As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveCaseAs() },
      { type: 'separator' },
      { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles() },
      { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+I', click: () => actions.importFolder() },
      { type: 'separator' },
      {
        label: 'Export Report',
        submenu: [
          { label: 'HTML (for the client)…', click: () => actions.exportReport('html') },
          { label: 'JSON…', click: () => actions.exportReport('json') },
          { label: 'CSV of Findings…', click: () => actions.exportReport('csv') },
        ],
      },
      { type: 'separator' },
      { role: opts.isMac ? 'close' : 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // CmdOrCtrl+1… in nav-bar order; a tenth screen would have no digit left and gets no shortcut.
      ...SCREENS.map(({ id, label }, i): MenuItemConstructorOptions => ({
        label,
        ...(i < 9 ? { accelerator: `CmdOrCtrl+${i + 1}` } : {}),
        click: () => actions.navigate(id),
      })),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      // Developer tools only in a development run: a packaged build gives evidence handlers no console.
      ...(opts.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' }] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    submenu: [
      { label: 'Security Status…', click: () => actions.showSecurityStatus() },
      { label: 'About AccountScope', click: () => actions.showAbout() },
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = opts.isMac
    ? [
        {
          label: 'AccountScope',
          submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }],
        },
      ]
    : [];
  return [...appMenu, file, { role: 'editMenu' }, view, help];
}
