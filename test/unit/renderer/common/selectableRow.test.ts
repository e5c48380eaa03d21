// Rows that select on click also work from the keyboard like a list: one Tab stop per table (the selected
// row, else the first), ↑ ↓ Home End move the focus between rows, Enter or Space selects; keys pressed on a
// control inside a row are left to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KeyboardEvent } from 'react';
import { isTabStop, selectableRow } from '../../../../renderer/src/common/selectableRow';

/** A table body of `n` rows, in the shape the keyboard handler reads; `focused` is the focused row. */
function table(n: number) {
  const state = { focused: -1 };
  const rows: Array<{ focus(): void; closest(s: string): unknown; parentElement: unknown }> = [];
  const group = { querySelectorAll: () => rows };
  for (let i = 0; i < n; i++)
    rows.push({ focus: () => (state.focused = i), closest: () => null, parentElement: group });
  return { rows, state };
}

function press(k: string, row: unknown, target: unknown = row) {
  let prevented = false;
  const event = {
    key: k,
    target,
    currentTarget: row,
    preventDefault: () => (prevented = true),
  } as unknown as KeyboardEvent<HTMLElement>;
  return { event, prevented: () => prevented };
}

test('a table is one Tab stop: its selected row, or its first when none is selected', () => {
  assert.equal(selectableRow(() => undefined).tabIndex, 0, 'without options every row is a stop, as before');
  assert.equal(selectableRow(() => undefined, { selected: true }).tabIndex, 0);
  assert.equal(selectableRow(() => undefined, { selected: false, tabStop: false }).tabIndex, -1);
  assert.deepEqual(
    [0, 1, 2].map((i) => isTabStop(i, 1)),
    [false, true, false],
  );
  assert.deepEqual(
    [0, 1, 2].map((i) => isTabStop(i, -1)),
    [true, false, false],
  );
});

test('Enter and Space select the row in focus; a click too', () => {
  let selected = 0;
  const props = selectableRow(() => selected++, { selected: false, tabStop: true });
  const { rows } = table(1);
  props.onClick();
  for (const k of ['Enter', ' ']) {
    const p = press(k, rows[0]);
    props.onKeyDown(p.event);
    assert.equal(p.prevented(), true, `${JSON.stringify(k)} would also scroll the page`);
  }
  assert.equal(selected, 3);
});

test('arrows, Home and End move the focus between rows, within the table', () => {
  const { rows, state } = table(4);
  const props = selectableRow(() => assert.fail('moving must not select'), {
    selected: false,
    tabStop: false,
  });
  const moves: Array<[number, string, number]> = [
    [0, 'ArrowDown', 1],
    [1, 'ArrowDown', 2],
    [3, 'ArrowDown', 3],
    [2, 'ArrowUp', 1],
    [0, 'ArrowUp', 0],
    [1, 'End', 3],
    [3, 'Home', 0],
  ];
  for (const [from, key, to] of moves) {
    const p = press(key, rows[from]);
    props.onKeyDown(p.event);
    assert.equal(state.focused, to, `${key} from row ${from}`);
    assert.equal(p.prevented(), true, `${key} would also scroll the page`);
  }
});

test('keys pressed on a control inside the row, and other keys, pass through', () => {
  let selected = 0;
  const { rows, state } = table(2);
  const props = selectableRow(() => selected++);
  const inner = {};
  for (const k of ['Enter', ' ', 'ArrowDown']) {
    const p = press(k, rows[0], inner);
    props.onKeyDown(p.event);
    assert.equal(p.prevented(), false, k);
  }
  for (const k of ['Tab', 'a', 'Escape']) {
    const p = press(k, rows[0]);
    props.onKeyDown(p.event);
    assert.equal(p.prevented(), false, k);
  }
  assert.equal(selected, 0);
  assert.equal(state.focused, -1);
});
