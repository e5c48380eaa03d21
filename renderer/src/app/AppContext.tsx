// The app-wide state every screen reads: the API client, the open case, the display time zone, the current
// screen, and a data version that screens re-query on (bumped after an import, an analysis or a settings save).
import { createContext, useContext } from 'react';
import type { ApiClient, CaseInfo, RawEvent } from '../../../shared/api';
import type { AnalyticInfo } from '../../../shared/report';
import type { PageId, ScreenId } from '../../../shared/screens';
import type { SelectedTransport, TransportKind } from '../api/selectTransport';
import type { NavigateOptions, ProcessFocus, ScreenFocus } from './focus';

export type { PageId, ScreenId };
export type { NavigateOptions, ProcessFocus, ScreenFocus };

export interface RawEventRef {
  table: RawEvent['table'];
  source: string;
  recordNo: number;
}

export interface AppContextValue {
  api: ApiClient;
  transport: TransportKind;
  /** Present in browser mode: streams a dropped file into the evidence folder kept beside the case. */
  uploadFile: SelectedTransport['uploadFile'];
  caseInfo: CaseInfo | null;
  /** The engine's analytics, in run order (the API's `analytics`): ids, names, the logs each reads. */
  analytics: AnalyticInfo[];
  refreshCase: () => Promise<void>;
  dataVersion: number;
  /** Call after anything that changes the case's rows or findings. */
  dataChanged: () => void;
  /** Bumped after the responder changes a finding's or an event's triage (the Bookmarks screen re-reads). */
  triageVersion: number;
  triageChanged: () => void;
  timeZone: string;
  setTimeZone: (tz: string) => void;
  /** The page shown: a screen of the nav bar, or a pivot page (shared/screens.ts). */
  screen: PageId;
  focus: ScreenFocus;
  /** The one way pages move: the address follows (route.ts), so Back and Forward retrace it. */
  navigate: (screen: PageId, focus?: ScreenFocus, options?: NavigateOptions) => void;
  openRawEvent: (ref: RawEventRef) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}

/** The analytics, and an analytic's name by id (the id itself for one the engine no longer has). */
export function useAnalytics(): { list: AnalyticInfo[]; name: (id: string) => string } {
  const { analytics } = useApp();
  return { list: analytics, name: (id) => analytics.find((a) => a.id === id)?.name ?? id };
}
