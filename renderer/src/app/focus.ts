// What a page should select when the user is sent there, and how a move is recorded in the history: the
// focus is the part of the address after the page (route.ts), so it is plain data.
import type { EntityRef } from '../../../shared/api';

/**
 * A process to centre a tree on: its key on a host, a chain node's host, pid and start time, or the
 * event of its start (an event list's source and record).
 */
export interface ProcessFocus {
  host?: string;
  key?: string;
  pid?: number;
  time?: string;
  source?: string;
  recordNo?: number;
}

/** What a screen should select when another screen sends the user there. */
export interface ScreenFocus {
  findingId?: string;
  accountKey?: string;
  ip?: string;
  /** The pivot page's user, host or IP. */
  entity?: EntityRef;
  /** The process tree's process (with `findingId`, whose processes it highlights). */
  process?: ProcessFocus;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (a selection made for the user, not by them). */
  replace?: boolean;
}
