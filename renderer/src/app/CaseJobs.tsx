// Long-running case jobs (an import, an analysis) live above the screens, so leaving the Import screen
// does not stop watching an import, and any screen can start an analysis and show its state.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { ImportStatus } from '../../../shared/api';
import { useApp } from './AppContext';
import { errorText } from '../format/errorText';

export interface AnalysisState {
  state: 'idle' | 'running' | 'done' | 'error';
  findings?: number;
  elapsedMs?: number;
  error?: string;
}

export interface CaseJobsValue {
  importStatus: ImportStatus | null;
  importError: string | undefined;
  importRunning: boolean;
  startImport: (paths: string[]) => Promise<void>;
  /** Follows an import started elsewhere (the desktop shell's menu or a drop on the window frame). */
  watchImport: (importId: string) => void;
  cancelImport: () => Promise<void>;
  analysis: AnalysisState;
  runAnalytics: () => Promise<void>;
}

const CaseJobsContext = createContext<CaseJobsValue | null>(null);

export function useCaseJobs(): CaseJobsValue {
  const value = useContext(CaseJobsContext);
  if (!value) throw new Error('useCaseJobs outside <CaseJobsProvider>');
  return value;
}

// Polling is how the contract reports progress; a third of a second keeps the bar lively without load.
const POLL_MS = 300;

export function CaseJobsProvider({ children }: { children: ReactNode }) {
  const { api, dataChanged } = useApp();
  const [importStatus, setImportStatus] = useState<ImportStatus | null>(null);
  const [importError, setImportError] = useState<string>();
  const [analysis, setAnalysis] = useState<AnalysisState>({ state: 'idle' });
  const pollTimer = useRef<number | undefined>(undefined);
  // Analytics run by themselves once, after the session's first successful import; later runs are on request.
  const autoAnalyzed = useRef(false);

  useEffect(() => () => window.clearTimeout(pollTimer.current), []);

  const runAnalytics = useCallback(async () => {
    setAnalysis({ state: 'running' });
    try {
      const result = await api.analyze({});
      setAnalysis({ state: 'done', findings: result.findings, elapsedMs: result.elapsedMs });
    } catch (e) {
      setAnalysis({ state: 'error', error: errorText(e) });
    } finally {
      dataChanged();
    }
  }, [api, dataChanged]);

  const finished = useCallback(
    (status: ImportStatus) => {
      dataChanged();
      const addedSomething = status.files.some(
        (f) => f.state === 'done' && (f.summary?.events ?? f.events) > 0,
      );
      if (status.state === 'done' && addedSomething && !autoAnalyzed.current) {
        autoAnalyzed.current = true;
        void runAnalytics();
      }
    },
    [dataChanged, runAnalytics],
  );

  const poll = useCallback(
    (importId: string) => {
      api
        .importStatus({ importId })
        .then((status) => {
          setImportStatus(status);
          if (status.state === 'running')
            pollTimer.current = window.setTimeout(() => poll(importId), POLL_MS);
          else finished(status);
        })
        .catch((e: unknown) => setImportError(`Lost track of the import: ${errorText(e)}`));
    },
    [api, finished],
  );

  const startImport = useCallback(
    async (paths: string[]) => {
      setImportError(undefined);
      setImportStatus(null);
      try {
        const { importId } = await api.startImport({ paths });
        setImportStatus({ importId, state: 'running', files: [] });
        poll(importId);
      } catch (e) {
        setImportError(errorText(e));
      }
    },
    [api, poll],
  );

  const watchImport = useCallback(
    (importId: string) => {
      window.clearTimeout(pollTimer.current);
      setImportError(undefined);
      setImportStatus({ importId, state: 'running', files: [] });
      poll(importId);
    },
    [poll],
  );

  const cancelImport = useCallback(async () => {
    if (!importStatus) return;
    try {
      await api.cancelImport({ importId: importStatus.importId });
    } catch (e) {
      setImportError(`Cancel failed: ${errorText(e)}`);
    }
  }, [api, importStatus]);

  const value = useMemo<CaseJobsValue>(
    () => ({
      importStatus,
      importError,
      importRunning: importStatus?.state === 'running',
      startImport,
      watchImport,
      cancelImport,
      analysis,
      runAnalytics,
    }),
    [importStatus, importError, startImport, watchImport, cancelImport, analysis, runAnalytics],
  );
  return <CaseJobsContext.Provider value={value}>{children}</CaseJobsContext.Provider>;
}
