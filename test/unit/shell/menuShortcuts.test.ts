// The desktop menu leaves Ctrl+F (Cmd+F on macOS) to the window, where it opens the event grid's find
// (renderer/src/common/grid/findShortcut.ts): a menu accelerator is taken by the menu before the page sees
// the key, so an Edit > Find with that accelerator would swallow it. Every accelerator the menu claims is
// checked here, its own and those Electron's roles bring (the roles' defaults are Electron's, from
// lib/browser/api/menu-item-roles.ts; a role this table does not know fails the test until it is added).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { menuTemplate, type MenuActions, type MenuEntry } from '../../../electron/main/menu.js';

/** The accelerators Electron gives the roles the menu uses, per platform; a role menu lists its roles. */
const ROLES: Record<string, (isMac: boolean) => string[] | { submenu: string[] }> = {
  about: () => [],
  hide: () => ['Command+H'],
  // Linux and macOS; Windows has none (checking the union is the safe side).
  quit: () => ['CommandOrControl+Q'],
  close: () => ['CommandOrControl+W'],
  editMenu: (isMac) => ({
    submenu: ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'].concat(
      isMac ? ['pasteAndMatchStyle'] : [],
    ),
  }),
  undo: () => ['CommandOrControl+Z'],
  redo: (isMac) => (isMac ? ['Shift+CommandOrControl+Z'] : ['Control+Y', 'Shift+CommandOrControl+Z']),
  cut: () => ['CommandOrControl+X'],
  copy: () => ['CommandOrControl+C'],
  paste: () => ['CommandOrControl+V'],
  pasteAndMatchStyle: (isMac) => [isMac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V'],
  delete: () => [],
  selectAll: () => ['CommandOrControl+A'],
  resetZoom: () => ['CommandOrControl+0'],
  zoomIn: () => ['CommandOrControl+Plus'],
  zoomOut: () => ['CommandOrControl+-'],
  togglefullscreen: (isMac) => [isMac ? 'Control+Command+F' : 'F11'],
  toggleDevTools: (isMac) => [isMac ? 'Alt+Command+I' : 'Ctrl+Shift+I'],
};

/** An accelerator as the keys pressed: the modifiers, sorted, then the key, e.g. `ctrl+shift+f`. */
function chord(accelerator: string, isMac: boolean): string {
  const parts = accelerator.split('+').map((p) => p.toLowerCase());
  const key = parts.pop()!;
  const mods = parts.map((m) => {
    if (m === 'cmdorctrl' || m === 'commandorcontrol') return isMac ? 'meta' : 'ctrl';
    if (m === 'command' || m === 'cmd') return 'meta';
    if (m === 'control') return 'ctrl';
    if (m === 'option') return 'alt';
    return m;
  });
  return [...mods.sort(), key].join('+');
}

/** Every accelerator the menu claims, with the item that claims it. */
function claimed(items: readonly MenuEntry[], isMac: boolean, out = new Map<string, string>()) {
  const claim = (acc: string, who: string) => out.set(chord(acc, isMac), who);
  for (const item of items) {
    const who = item.label ?? item.role ?? '?';
    if (item.accelerator) claim(item.accelerator, who);
    if (item.role && !item.accelerator) {
      const known = ROLES[item.role];
      assert.ok(known, `role ${item.role}: add its default accelerators (Electron's) to this test`);
      const r = known(isMac);
      if (Array.isArray(r)) r.forEach((acc) => claim(acc, who));
      else
        claimed(
          r.submenu.map((role) => ({ role: role as MenuEntry['role'] })),
          isMac,
          out,
        );
    }
    if (item.submenu) claimed(item.submenu, isMac, out);
  }
  return out;
}

/** The grid's find: Ctrl or Cmd with F, Shift or not, never Alt (as findShortcut.ts reads the key). */
const FIND = (isMac: boolean) =>
  isMac ? ['meta+f', 'meta+shift+f', 'ctrl+f', 'ctrl+shift+f'] : ['ctrl+f', 'ctrl+shift+f'];

const actions = new Proxy({}, { get: () => () => undefined }) as MenuActions;

test('no menu item takes Ctrl+F or Cmd+F from the window, on any platform, in development or not', () => {
  for (const isMac of [false, true])
    for (const devTools of [false, true]) {
      const keys = claimed(menuTemplate(actions, { isMac, devTools, recent: ['/c/a.duckdb'] }), isMac);
      for (const find of FIND(isMac))
        assert.equal(keys.get(find), undefined, `${find} is taken by "${keys.get(find)}" (mac: ${isMac})`);
      // What the menu does claim with F: macOS's full screen (Ctrl+Cmd+F), which the page never gets
      // and findShortcut would not need.
      assert.deepEqual(
        [...keys.keys()].filter((k) => k.endsWith('+f')),
        isMac ? ['ctrl+meta+f'] : [],
      );
      // The menu claims what it says it does (the check sees its accelerators at all).
      assert.equal(keys.get(isMac ? 'meta+o' : 'ctrl+o'), 'Open Case…');
      assert.equal(keys.get(isMac ? 'meta+c' : 'ctrl+c'), 'copy');
    }
});

test('an Edit > Find with Ctrl/Cmd+F, or a role the table does not know, would fail the check', () => {
  const withFind: MenuEntry[] = [
    { label: 'Edit', submenu: [{ label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => undefined }] },
  ];
  assert.equal(claimed(withFind, false).get('ctrl+f'), 'Find…');
  assert.equal(claimed(withFind, true).get('meta+f'), 'Find…');
  assert.throws(
    () => claimed([{ role: 'viewMenu' as MenuEntry['role'] }], false),
    /role viewMenu: add its default/,
  );
});
