// Rows that select on click also work from the keyboard the way a list does: the table is one Tab stop
// (its selected row, else its first), ↑ ↓ Home End move between rows, Enter or Space selects (opens) the
// row in focus. Keys pressed on a button or link inside a row are that control's own.
import type { KeyboardEvent } from 'react';

export interface SelectableRowOptions {
  /** The selected row: the table's Tab stop. */
  selected?: boolean;
  /** The Tab stop of a table where no row is selected (its first row). */
  tabStop?: boolean;
}

const MOVES = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

/** Moves focus from one row to another of its group (`data-rows` on the container, else its siblings). */
export function moveRowFocus(row: HTMLElement, key: string): boolean {
  if (!MOVES.has(key)) return false;
  const group = row.closest('[data-rows]') ?? row.parentElement;
  if (!group) return false;
  const rows = [...group.querySelectorAll<HTMLElement>('[data-selectable-row]')];
  const at = rows.indexOf(row);
  const next = key === 'Home' ? 0 : key === 'End' ? rows.length - 1 : key === 'ArrowDown' ? at + 1 : at - 1;
  rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus();
  return true;
}

/**
 * Props for a selectable row. Without options every row is a Tab stop (as before); give `selected` and
 * `tabStop` (see `isTabStop`) to make the table one Tab stop.
 */
export function selectableRow(onSelect: () => void, options?: SelectableRowOptions) {
  const stop = options === undefined || options.selected === true || options.tabStop === true;
  return {
    tabIndex: stop ? 0 : -1,
    'data-selectable-row': '',
    onClick: onSelect,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect();
      } else if (moveRowFocus(e.currentTarget, e.key)) e.preventDefault();
    },
  };
}

/** Arrow keys for a list of buttons (they select with Enter and Space themselves). */
export function rowArrowKeys(e: KeyboardEvent<HTMLElement>): void {
  if (e.target === e.currentTarget && moveRowFocus(e.currentTarget, e.key)) e.preventDefault();
}

/** Whether row `index` is the Tab stop: the selected row, or the first when no row shown is selected. */
export function isTabStop(index: number, selectedIndex: number): boolean {
  return selectedIndex >= 0 ? index === selectedIndex : index === 0;
}
