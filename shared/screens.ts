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
