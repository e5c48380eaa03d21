// Ctrl/Cmd+F opens a grid's find: the grid holding focus, else the one last used; never a grid behind an
// open dialog, which keeps the keyboard (the key is then left alone: the browser's own find, in browser
// mode, can search the dialog's text).
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { focusFindOf, registerGrid } from '../../../../../renderer/src/common/grid/findShortcut';

/** A node of a fake DOM: `contains` follows the parent links, `closest('section')` finds a section. */
class FakeNode {
  constructor(
    readonly name: string,
    readonly parent: FakeNode | null = null,
  ) {}
  contains(other: unknown): boolean {
    for (let n = other as FakeNode | null; n; n = n.parent) if (n === this) return true;
    return false;
  }
  closest(selector: string): FakeNode | null {
    if (this.name === selector) return this;
    return this.parent ? this.parent.closest(selector) : null;
  }
}

let listener: ((e: KeyboardEvent) => void) | null;
let dialog: FakeNode | null;
let active: FakeNode | null;
const saved = { window: globalThis.window, document: globalThis.document };

beforeEach(() => {
  listener = null;
  dialog = null;
  active = null;
  Object.assign(globalThis, {
    window: {
      addEventListener: (_t: string, l: (e: KeyboardEvent) => void) => (listener = l),
      removeEventListener: () => (listener = null),
    },
    document: {
      get activeElement() {
        return active;
      },
      querySelector: (s: string) => (s === '[aria-modal="true"]' ? dialog : null),
    },
  });
});

afterEach(() => Object.assign(globalThis, saved));

function press(key: string, mods: Partial<KeyboardEvent> = { ctrlKey: true }) {
  let prevented = false;
  listener?.({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
    preventDefault: () => (prevented = true),
  } as KeyboardEvent);
  return prevented;
}

function grid(name: string, under: FakeNode) {
  const section = new FakeNode('section', under);
  const body = { current: new FakeNode(`${name}-body`, section) as unknown as HTMLElement };
  const found: string[] = [];
  const off = registerGrid(body, () => found.push(name));
  return { section, body, found, off };
}

test('the grid holding focus takes Ctrl+F or Cmd+F, else the one last used', () => {
  const page = new FakeNode('page');
  const a = grid('a', page);
  const b = grid('b', page);
  active = new FakeNode('input', a.section);
  assert.equal(press('f'), true);
  assert.deepEqual([a.found, b.found], [['a'], []]);
  active = null;
  press('F', { metaKey: true });
  assert.deepEqual(b.found, ['b'], 'the last registered, when none holds focus');
  focusFindOf(a.body);
  press('f');
  assert.deepEqual(a.found, ['a', 'a']);
  assert.equal(press('f', { ctrlKey: true, altKey: true }), false, 'Ctrl+Alt+F is not find');
  assert.equal(press('g'), false);
  a.off();
  b.off();
  assert.equal(listener, null, 'the listener goes with the last grid');
});

test('behind an open dialog no grid takes the key; a grid inside the dialog does', () => {
  const page = new FakeNode('page');
  const timeline = grid('timeline', page);
  dialog = new FakeNode('dialog', page);
  active = dialog;
  assert.equal(press('f'), false, 'left alone: the dialog keeps the keyboard');
  assert.deepEqual(timeline.found, []);
  const inside = grid('inside', dialog);
  assert.equal(press('f'), true);
  assert.deepEqual([timeline.found, inside.found], [[], ['inside']]);
  dialog = null;
  inside.off();
  press('f');
  assert.deepEqual(timeline.found, ['timeline']);
  timeline.off();
});
