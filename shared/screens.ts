// The app's screens, in the order the nav bar and the View menu list them. Everything that names a screen
// reads this list: the nav bar, the renderer's screen switch (a Record keyed by ScreenId, so the compiler
// asks for a component for each), the Electron View menu and the shell's `navigate` event. A new screen is
// one line here plus its component.

export interface ScreenEntry {
  id: string;
  label: string;
  /** One line under the label in the nav bar, and its tooltip. */
  hint: string;
}

export const SCREENS = [
  { id: 'import', label: 'Import', hint: 'Add log files to the case' },
  { id: 'findings', label: 'Findings', hint: 'What the analytics found' },
  { id: 'accounts', label: 'Accounts', hint: 'One story per account' },
  { id: 'timeline', label: 'Timeline', hint: 'Event volume and markers' },
  { id: 'bookmarks', label: 'Bookmarks', hint: 'The findings and events you marked' },
  { id: 'signins', label: 'Sign-ins', hint: 'Entra ID sources by IP' },
  { id: 'sql', label: 'SQL', hint: 'The analytics as SQL' },
  { id: 'coverage', label: 'Coverage', hint: 'Telemetry, gaps and blind spots' },
  { id: 'settings', label: 'Settings', hint: 'Thresholds, allowlists, time zone' },
] as const satisfies readonly ScreenEntry[];

export type ScreenId = (typeof SCREENS)[number]['id'];

export const SCREEN_IDS: readonly ScreenId[] = SCREENS.map((s) => s.id);

export function isScreenId(value: unknown): value is ScreenId {
  return typeof value === 'string' && (SCREEN_IDS as readonly string[]).includes(value);
}

/**
 * Pages reached by a pivot rather than from the nav bar or the View menu: a user, host or IP (from any
 * name in the app), and a process tree (from any process). They are in the renderer's page switch and in
 * the URL like the screens, so Back, Forward and bookmarks work on them too.
 */
export const PIVOT_PAGES = [
  { id: 'entity', label: 'Pivot', hint: 'Everything the case holds about a user, host or IP' },
  { id: 'process', label: 'Process tree', hint: 'A process, its parents, children and siblings' },
] as const satisfies readonly ScreenEntry[];

export type PivotPageId = (typeof PIVOT_PAGES)[number]['id'];

/** Any page the app shows: a screen of the nav bar or a pivot page. */
export type PageId = ScreenId | PivotPageId;

export function isPageId(value: unknown): value is PageId {
  return isScreenId(value) || PIVOT_PAGES.some((p) => p.id === value);
}
