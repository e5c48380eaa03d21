// The application menu, as a template built from plain actions (no Electron at run time), so its shape is
// testable: File (case, recent cases and evidence), View (every screen of shared/screens.ts, in its
// order), Help.
import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { SCREENS, type ScreenId } from '../../shared/screens.js';
import type { ReportFormat } from '../../shared/shellEvents.js';

/** The roles the menu may use: Electron's own (a type-only import; nothing of Electron loads here). */
export type MenuRole = NonNullable<MenuItemConstructorOptions['role']>;

/**
 * One menu item as this file builds it: a narrower shape than Electron's MenuItemConstructorOptions (its
 * click takes no arguments), which Menu.buildFromTemplate accepts as it is.
 */
export interface MenuEntry {
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuEntry[];
}

export type { ReportFormat } from '../../shared/shellEvents.js';

export interface MenuActions {
  newCase(): void;
  openCase(): void;
  /** A case from File → Open Recent. */
  openRecent(path: string): void;
  clearRecent(): void;
  saveCaseAs(): void;
  /** Shows the open case's file in the system's file manager. */
  showCaseInFolder(): void;
  importFiles(): void;
  importFolder(): void;
  exportReport(format: ReportFormat): void;
  /** Merges this case with others the user picks into a new case (the window shows the progress). */
  mergeCases(): void;
  /** Exports the case as Parquet or a Timesketch timeline (the window shows the progress). */
  exportCase(kind: 'parquet' | 'timesketch'): void;
  navigate(screen: ScreenId): void;
  showSecurityStatus(): void;
  showAbout(): void;
}

/** Most cases File → Open Recent lists. */
export const MAX_RECENT_MENU = 10;

/** File → Open Recent: the case files, newest first, each labelled by name with its folder beside it. */
function recentMenu(actions: MenuActions, recent: readonly string[]): MenuEntry {
  const items: MenuEntry[] = recent.slice(0, MAX_RECENT_MENU).map((path, i) => ({
    // The label is shown as it is (no & mnemonics on Windows): a path's own & must not vanish.
    label: `${i < 9 ? `${i + 1}  ` : ''}${basename(path)} — ${path}`,
    click: () => actions.openRecent(path),
  }));
  return {
    label: 'Open Recent',
    submenu: [
      ...(items.length > 0 ? items : [{ label: 'No recent cases', enabled: false }]),
      { type: 'separator' },
      { label: 'Clear Recent', enabled: items.length > 0, click: () => actions.clearRecent() },
    ],
  };
}

export function menuTemplate(
  actions: MenuActions,
  opts: { isMac: boolean; devTools: boolean; recent?: readonly string[] },
): MenuEntry[] {
  const file: MenuEntry = {
    label: 'File',
    submenu: [
      { label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: () => actions.newCase() },
      { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', click: () => actions.openCase() },
      recentMenu(actions, opts.recent ?? []),
      { label: 'Save Case As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveCaseAs() },
      { label: 'Show Case in Folder', click: () => actions.showCaseInFolder() },
      { label: 'Merge Cases…', click: () => actions.mergeCases() },
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
      {
        label: 'Export Case',
        submenu: [
          { label: 'Parquet Folder (data lake)…', click: () => actions.exportCase('parquet') },
          { label: 'Timesketch Timeline…', click: () => actions.exportCase('timesketch') },
        ],
      },
      { type: 'separator' },
      { role: opts.isMac ? 'close' : 'quit' },
    ],
  };
  const view: MenuEntry = {
    label: 'View',
    submenu: [
      // CmdOrCtrl+1… in nav-bar order; a tenth screen would have no digit left and gets no shortcut.
      ...SCREENS.map(({ id, label }, i): MenuEntry => ({
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
      ...(opts.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const help: MenuEntry = {
    label: 'Help',
    submenu: [
      { label: 'Security Status…', click: () => actions.showSecurityStatus() },
      { label: 'About AccountScope', click: () => actions.showAbout() },
    ],
  };
  const appMenu: MenuEntry[] = opts.isMac
    ? [
        {
          label: 'AccountScope',
          submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }],
        },
      ]
    : [];
  return [...appMenu, file, { role: 'editMenu' }, view, help];
}
