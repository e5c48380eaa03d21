// The menu's shape: the File actions the design asks for, one View entry per screen of shared/screens.ts
// (in nav-bar order, each with its own shortcut), dev tools only in development. That every View entry
// really reaches its screen in the window is test/e2e/shellNavigation.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_RECENT_MENU,
  menuTemplate,
  type MenuActions,
  type MenuEntry,
} from '../../../electron/main/menu.js';
import { SCREENS } from '../../../shared/screens.js';

function recorder(): { actions: MenuActions; log: string[] } {
  const log: string[] = [];
  const actions: MenuActions = {
    newCase: () => log.push('newCase'),
    openCase: () => log.push('openCase'),
    openRecent: (p) => log.push(`recent:${p}`),
    clearRecent: () => log.push('clearRecent'),
    saveCaseAs: () => log.push('saveCaseAs'),
    showCaseInFolder: () => log.push('showCase'),
    importFiles: () => log.push('importFiles'),
    importFolder: () => log.push('importFolder'),
    exportReport: (f) => log.push(`export:${f}`),
    mergeCases: () => log.push('merge'),
    exportCase: (k) => log.push(`exportCase:${k}`),
    navigate: (s) => log.push(`navigate:${s}`),
    showSecurityStatus: () => log.push('security'),
    showAbout: () => log.push('about'),
  };
  return { actions, log };
}

const find = (items: MenuEntry[], label: string) => items.find((i) => i.label === label)!;
const labels = (items: MenuEntry[] | undefined) => (items ?? []).filter((i) => i.label).map((i) => i.label);

test('File offers new, open, recent cases, save as, show in folder, merge, import files and folders, each report format and the case exports', () => {
  const { actions, log } = recorder();
  const menu = menuTemplate(actions, { isMac: false, devTools: false });
  const file = find(menu, 'File').submenu!;
  assert.deepEqual(labels(file), [
    'New Case…',
    'Open Case…',
    'Open Recent',
    'Save Case As…',
    'Show Case in Folder',
    'Merge Cases…',
    'Import Files…',
    'Import Folder…',
    'Export Report',
    'Export Case',
  ]);
  for (const item of file) item.click?.();
  for (const item of find(file, 'Export Report').submenu!) item.click?.();
  for (const item of find(file, 'Export Case').submenu!) item.click?.();
  assert.deepEqual(log, [
    'newCase',
    'openCase',
    'saveCaseAs',
    'showCase',
    'merge',
    'importFiles',
    'importFolder',
    'export:html',
    'export:json',
    'export:csv',
    'exportCase:parquet',
    'exportCase:timesketch',
  ]);
  assert.deepEqual(labels(find(menu, 'Help').submenu!), ['Security Status…', 'About AccountScope']);
});

test('View has one entry per screen, in nav-bar order, each navigating there with its own shortcut', () => {
  const { actions, log } = recorder();
  const view = find(menuTemplate(actions, { isMac: false, devTools: false }), 'View').submenu!;
  const screenItems = view.filter((i) => i.click);
  for (const item of screenItems) item.click?.();
  assert.deepEqual(
    log,
    SCREENS.map((s) => `navigate:${s.id}`),
  );
  assert.deepEqual(
    screenItems.map((i) => i.label),
    SCREENS.map((s) => s.label),
  );
  const shortcuts = screenItems.map((i) => i.accelerator);
  assert.deepEqual(
    shortcuts,
    SCREENS.map((_, i) => `CmdOrCtrl+${i + 1}`),
  );
});

test('developer tools appear only in development', () => {
  const { actions } = recorder();
  const prod = find(menuTemplate(actions, { isMac: false, devTools: false }), 'View').submenu!;
  assert.ok(!prod.some((i) => i.role === 'toggleDevTools'));
  const dev = find(menuTemplate(actions, { isMac: false, devTools: true }), 'View').submenu!;
  assert.ok(dev.some((i) => i.role === 'toggleDevTools'));
});

test('Open Recent lists the recent cases newest first, opens the one clicked, and can be cleared', () => {
  const { actions, log } = recorder();
  const recent = ['/cases/b & c.duckdb', '/cases/a.duckdb'];
  const open = find(
    find(menuTemplate(actions, { isMac: false, devTools: false, recent }), 'File').submenu!,
    'Open Recent',
  ).submenu!;
  assert.deepEqual(labels(open), [
    '1  b & c.duckdb — /cases/b & c.duckdb',
    '2  a.duckdb — /cases/a.duckdb',
    'Clear Recent',
  ]);
  for (const item of open) item.click?.();
  assert.deepEqual(log, ['recent:/cases/b & c.duckdb', 'recent:/cases/a.duckdb', 'clearRecent']);

  const empty = find(
    find(menuTemplate(actions, { isMac: false, devTools: false }), 'File').submenu!,
    'Open Recent',
  ).submenu!;
  assert.deepEqual(
    empty.filter((i) => i.label).map((i) => [i.label, i.enabled]),
    [
      ['No recent cases', false],
      ['Clear Recent', false],
    ],
  );

  const many = Array.from({ length: 15 }, (_, i) => `/cases/c${i}.duckdb`);
  const long = find(
    find(menuTemplate(actions, { isMac: false, devTools: false, recent: many }), 'File').submenu!,
    'Open Recent',
  ).submenu!;
  assert.equal(long.filter((i) => i.click && i.label !== 'Clear Recent').length, MAX_RECENT_MENU);
});
