// The arithmetic of the virtual grid, kept apart from React so it can be tested on its own: which line of
// the list is a group's heading and which is an event (and its row in the engine's view), and where the
// scroll box is in a list too tall for the browser to lay out.
import type { GridGroup } from '../../../../shared/eventGrid';

export type GridLine = { kind: 'group'; group: number } | { kind: 'row'; row: number; group: number | null };

/** The lines of a grouped list: each group's heading, then its rows when it is open. */
export class GroupedLines {
  /** Where each group's heading is, and where its rows start in the engine's view. */
  private readonly headAt: number[] = [];
  private readonly rowStart: number[] = [];
  readonly count: number;

  constructor(
    readonly groups: readonly GridGroup[],
    readonly open: ReadonlySet<number>,
  ) {
    let line = 0;
    let row = 0;
    groups.forEach((g, i) => {
      this.headAt.push(line);
      this.rowStart.push(row);
      line += 1 + (open.has(i) ? g.count : 0);
      row += g.count;
    });
    this.count = line;
  }

  line(index: number): GridLine | null {
    if (index < 0 || index >= this.count) return null;
    // The last heading at or before the line.
    let lo = 0;
    let hi = this.headAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.headAt[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const offset = index - this.headAt[lo]!;
    return offset === 0
      ? { kind: 'group', group: lo }
      : { kind: 'row', row: this.rowStart[lo]! + offset - 1, group: lo };
  }

  /** The group a row of the view is in, or -1. */
  groupOfRow(row: number): number {
    let lo = 0;
    let hi = this.rowStart.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rowStart[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    const within = row - this.rowStart[lo]!;
    return within >= 0 && within < this.groups[lo]!.count ? lo : -1;
  }

  /** The line showing a row of the view; null when its group is closed (or there is no such row). */
  lineOfRow(row: number): number | null {
    const g = this.groupOfRow(row);
    if (g < 0 || !this.open.has(g)) return null;
    return this.headAt[g]! + 1 + row - this.rowStart[g]!;
  }

  /** The line of a group's heading. */
  headingLine(group: number): number | null {
    return this.headAt[group] ?? null;
  }
}

/** A plain list: line i is row i. */
export function plainLine(index: number, total: number): GridLine | null {
  return index >= 0 && index < total ? { kind: 'row', row: index, group: null } : null;
}

/**
 * Browsers stop laying out an element somewhere past 16–33 million pixels, so a million rows cannot each
 * have their height. Past MAX_SCROLL_PX the scroll box is shorter than the list and its position is
 * scaled: the top of the box at the top of the list, the bottom at the bottom.
 */
export const MAX_SCROLL_PX = 8_000_000;

export interface ScrollGeometry {
  /** Height of the element the scroll box scrolls over (the rows' part). */
  scrollHeight: number;
  /** The list's top, in list pixels, for a scroll position. */
  listTop(scrollTop: number): number;
  /** The scroll position that shows a list pixel at the top. */
  scrollTopFor(listTop: number): number;
}

export function scrollGeometry(lines: number, lineHeight: number, viewHeight: number): ScrollGeometry {
  const real = lines * lineHeight;
  const scrollHeight = Math.min(real, MAX_SCROLL_PX);
  const realRange = Math.max(0, real - viewHeight);
  const boxRange = Math.max(0, scrollHeight - viewHeight);
  const scale = boxRange > 0 ? realRange / boxRange : 1;
  return {
    scrollHeight,
    listTop: (scrollTop) => Math.min(realRange, Math.max(0, scrollTop * scale)),
    scrollTopFor: (listTop) => Math.min(boxRange, Math.max(0, listTop / scale)),
  };
}

/** The lines to draw for a list position: those in view, and a few either side. */
export function visibleLines(
  listTop: number,
  lineHeight: number,
  viewHeight: number,
  lines: number,
  overscan = 6,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(listTop / lineHeight) - overscan);
  const last = Math.min(lines - 1, Math.ceil((listTop + viewHeight) / lineHeight) + overscan);
  return { first, last };
}

/** The pages (of `size` rows) that hold rows first…last. */
export function pagesFor(first: number, last: number, size: number): number[] {
  if (last < first) return [];
  const pages: number[] = [];
  for (let p = Math.floor(first / size); p <= Math.floor(last / size); p++) pages.push(p);
  return pages;
}
