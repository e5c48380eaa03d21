// Ctrl/Cmd+F goes to a grid's find box instead of the browser's own find (which cannot see rows that are
// not drawn). With several grids on a screen, the one last used (or holding focus) takes it.
import type { RefObject } from 'react';

interface Registered {
  body: RefObject<HTMLElement | null>;
  focusFind: () => void;
}

const grids: Registered[] = [];

function onKeyDown(e: KeyboardEvent): void {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'f' || grids.length === 0) return;
  const active = document.activeElement;
  const holder = grids.find((g) => g.body.current?.closest('section')?.contains(active));
  e.preventDefault();
  (holder ?? grids[grids.length - 1]!).focusFind();
}

/** Registers a grid; returns the unregister function (an effect's cleanup). */
export function registerGrid(body: RefObject<HTMLElement | null>, focusFind: () => void): () => void {
  if (grids.length === 0) window.addEventListener('keydown', onKeyDown);
  const entry = { body, focusFind };
  grids.push(entry);
  return () => {
    grids.splice(grids.indexOf(entry), 1);
    if (grids.length === 0) window.removeEventListener('keydown', onKeyDown);
  };
}

/** Marks a grid as the last used: the shortcut goes to it when no grid holds focus. */
export function focusFindOf(body: RefObject<HTMLElement | null>): void {
  const at = grids.findIndex((g) => g.body === body);
  if (at >= 0 && at !== grids.length - 1) grids.push(...grids.splice(at, 1));
}
