// Rows that select on click also select from the keyboard, and only on Enter or Space.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KeyboardEvent } from 'react';
import { selectableRow } from '../../../../renderer/src/common/selectableRow';

function key(k: string): { event: KeyboardEvent; prevented: () => boolean } {
  let prevented = false;
  const event = { key: k, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent;
  return { event, prevented: () => prevented };
}

test('a row is focusable and selects on click, Enter and Space', () => {
  let selected = 0;
  const row = selectableRow(() => selected++);
  assert.equal(row.tabIndex, 0);
  row.onClick();
  for (const k of ['Enter', ' ']) {
    const press = key(k);
    row.onKeyDown(press.event);
    assert.equal(press.prevented(), true, `${JSON.stringify(k)} would also scroll the page`);
  }
  assert.equal(selected, 3);
});

test('other keys pass through untouched', () => {
  let selected = 0;
  const row = selectableRow(() => selected++);
  for (const k of ['Tab', 'ArrowDown', 'a', 'Escape']) {
    const press = key(k);
    row.onKeyDown(press.event);
    assert.equal(press.prevented(), false);
  }
  assert.equal(selected, 0);
});
