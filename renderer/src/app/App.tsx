// The shell: loads the case and settings, then lays out header, navigation and the current screen.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseInfo } from '../../../shared/api';
import type { AnalyticInfo } from '../../../shared/report';
import type { SelectedTransport } from '../api/selectTransport';
import {
  AppContext,
  type AppContextValue,
  type NavigateOptions,
  type PageId,
  type RawEventRef,
  type ScreenFocus,
} from './AppContext';
import { parseRouteHash, routeHash } from './route';
import { errorText } from '../format/errorText';
import { StartupError } from './StartupError';
import { Header } from '../layout/Header';
import { NavBar } from '../layout/NavBar';
import { CurrentScreen } from './CurrentScreen';
import { RawEventViewer } from '../common/RawEventViewer';
import { CaseJobsProvider } from './CaseJobs';
import { CaseTaskDialogs } from '../layout/caseTasks/CaseTaskDialogs';
import { ShellEvents } from './ShellEvents';
import { WindowDrop } from './WindowDrop';

type AppState = 'loading' | 'ready' | 'error';

function caseIsEmpty(info: CaseInfo): boolean {
  return info.counts.winEvents + info.counts.signins + info.counts.audits === 0;
}

export function App({ transport }: { transport: SelectedTransport }) {
  const { api } = transport;
  const [appState, setAppState] = useState<AppState>('loading');
  const [startupError, setStartupError] = useState('');
  const [caseInfo, setCaseInfo] = useState<CaseInfo | null>(null);
  const [analytics, setAnalytics] = useState<AnalyticInfo[]>([]);
  const [timeZone, setTimeZone] = useState('UTC');
  const [screen, setScreen] = useState<PageId>('import');
  const [focus, setFocus] = useState<ScreenFocus>({});
  const [dataVersion, setDataVersion] = useState(0);
  const [triageVersion, setTriageVersion] = useState(0);
  const [rawRef, setRawRef] = useState<RawEventRef | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setAppState('loading');
    Promise.all([api.caseInfo({}), api.getSettings({}), api.analytics({})])
      .then(([info, settings, list]) => {
        if (!current) return;
        setCaseInfo(info);
        setAnalytics(list);
        setTimeZone(settings.timeZone || 'UTC');
        // A reloaded or bookmarked address opens where it was; otherwise an empty case starts where the
        // work starts, and a loaded one at its findings.
        const start = parseRouteHash(window.location.hash) ?? {
          screen: caseIsEmpty(info) ? 'import' : 'findings',
          focus: {},
        };
        window.history.replaceState(window.history.state, '', routeHash(start));
        setScreen(start.screen);
        setFocus(start.focus);
        setAppState('ready');
      })
      .catch((e: unknown) => {
        if (!current) return;
        setStartupError(errorText(e));
        setAppState('error');
      });
    return () => {
      current = false;
    };
  }, [api, attempt]);

  // Refreshes overlap (an import ends, the analytics start and end): only the latest may land, or a
  // slow answer from before the analysis would put its stale counts back in the header.
  const latestRefresh = useRef(0);
  const refreshCase = useCallback(async () => {
    const ticket = ++latestRefresh.current;
    const info = await api.caseInfo({});
    if (ticket === latestRefresh.current) setCaseInfo(info);
  }, [api]);

  const dataChanged = useCallback(() => {
    setDataVersion((v) => v + 1);
    refreshCase().catch(() => undefined);
  }, [refreshCase]);

  const triageChanged = useCallback(() => setTriageVersion((v) => v + 1), []);

  const navigate = useCallback((next: PageId, nextFocus: ScreenFocus = {}, options: NavigateOptions = {}) => {
    const hash = routeHash({ screen: next, focus: nextFocus });
    if (hash !== window.location.hash) {
      if (options.replace) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
    }
    setScreen(next);
    setFocus(nextFocus);
  }, []);

  // Back, Forward, and a fragment typed into the address bar.
  useEffect(() => {
    const follow = () => {
      const route = parseRouteHash(window.location.hash);
      if (!route) return;
      setScreen(route.screen);
      setFocus(route.focus);
    };
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener('hashchange', follow);
    };
  }, []);

  const value = useMemo<AppContextValue>(
    () => ({
      api,
      transport: transport.kind,
      uploadFile: transport.uploadFile,
      caseInfo,
      analytics,
      refreshCase,
      dataVersion,
      dataChanged,
      triageVersion,
      triageChanged,
      timeZone,
      setTimeZone,
      screen,
      focus,
      navigate,
      openRawEvent: setRawRef,
    }),
    [
      api,
      transport,
      caseInfo,
      analytics,
      refreshCase,
      dataVersion,
      dataChanged,
      triageVersion,
      triageChanged,
      timeZone,
      screen,
      focus,
      navigate,
    ],
  );

  if (appState === 'error') {
    return <StartupError message={startupError} onRetry={() => setAttempt((a) => a + 1)} />;
  }
  if (appState === 'loading') {
    return (
      <div className="app app-loading" data-app-state="loading" data-testid="app">
        <p className="muted">Opening the case…</p>
      </div>
    );
  }

  return (
    <AppContext.Provider value={value}>
      <CaseJobsProvider>
        <CaseTaskDialogs>
          <ShellEvents />
          <WindowDrop />
          <div className="app" data-app-state="ready" data-testid="app">
            <Header />
            <div className="app-body">
              <NavBar />
              <main className="screen" data-testid={`screen-${screen}`}>
                <CurrentScreen screen={screen} />
              </main>
            </div>
            {rawRef && <RawEventViewer eventRef={rawRef} onClose={() => setRawRef(null)} />}
          </div>
        </CaseTaskDialogs>
      </CaseJobsProvider>
    </AppContext.Provider>
  );
}
