// Ctrl/Cmd+F goes to a grid's find box instead of the browser's own find (which cannot see rows that are
// not drawn). With several grids on a screen, the one last used (or holding focus) takes it. The desktop
// menu claims no such accelerator, so the key reaches the page there too (test/unit/shell/menuShortcuts).
import type { RefObject } from 'react';

interface Registered {
  body: RefObject<HTMLElement | null>;
  focusFind: () => void;
}

const grids: Registered[] = [];

function onKeyDown(e: KeyboardEvent): void {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'f' || grids.length === 0) return;
  // An open dialog (the raw event viewer over the Timeline) holds the keyboard: only a grid inside it may
  // take the key. Focusing a find box behind it would lead focus out of the dialog's trap.
  const dialog = document.querySelector('[aria-modal="true"]');
  const open = dialog ? grids.filter((g) => dialog.contains(g.body.current)) : grids;
  if (open.length === 0) return;
  const active = document.activeElement;
  const holder = open.find((g) => g.body.current?.closest('section')?.contains(active));
  e.preventDefault();
  (holder ?? open[open.length - 1]!).focusFind();
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
