// The window's size and place, remembered between runs in the user's data folder. No Electron here: the
// main process hands in the displays' work areas, so the rule is testable on plain Node — the window
// comes back where it was only if enough of it (its title bar) would be on a screen that exists now;
// a monitor unplugged since, or a file from another machine, gives the default size, centred by the OS.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximised) bounds; absent until the window has been placed once. */
  bounds?: Bounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
/** How much of the window's top edge must be on a screen for the saved place to be used. */
const VISIBLE_TITLE_BAR = { width: 120, height: 32 } as const;

export function readWindowState(file: string): WindowState {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const b = v['bounds'] as Record<string, unknown> | undefined;
    const bounds =
      b && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(b[k]))
        ? {
            x: b['x'] as number,
            y: b['y'] as number,
            width: b['width'] as number,
            height: b['height'] as number,
          }
        : undefined;
    return { ...(bounds ? { bounds } : {}), maximized: v['maximized'] === true };
  } catch {
    return { maximized: false };
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`);
  renameSync(tmp, file);
}

function overlap(a: Bounds, b: Bounds): Bounds | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * Where the window opens: the saved bounds (grown to the minimum size, shrunk to fit the screen it is
 * on) when its title bar is visible on one of `workAreas`, otherwise only the default size.
 */
export function initialBounds(
  state: WindowState,
  workAreas: readonly Bounds[],
): Partial<Bounds> & { width: number; height: number } {
  const saved = state.bounds;
  if (!saved) return { ...DEFAULT_SIZE };
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: VISIBLE_TITLE_BAR.height };
  const screen = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen !== null && seen.width >= Math.min(VISIBLE_TITLE_BAR.width, saved.width) && saved.y >= area.y;
  });
  if (!screen) return { ...DEFAULT_SIZE };
  const width = Math.min(Math.max(Math.round(saved.width), MIN_SIZE.width), screen.width);
  const height = Math.min(Math.max(Math.round(saved.height), MIN_SIZE.height), screen.height);
  return { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
}
