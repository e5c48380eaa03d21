// Starts a case task (a merge, a Parquet or Timesketch export) or follows one the desktop menu started,
// and polls its status until it ends, the way an import's progress is followed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseTaskRequest, CaseTaskStatus } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../format/errorText';

// A third of a second keeps the bar lively without load, as for imports.
const POLL_MS = 300;

export interface CaseTaskState {
  status: CaseTaskStatus | null;
  /** The task could not start, or its status could not be read. */
  error: string | undefined;
  running: boolean;
  start: (req: CaseTaskRequest) => Promise<void>;
}

export function useCaseTask(watchId?: string): CaseTaskState {
  const { api } = useApp();
  const [status, setStatus] = useState<CaseTaskStatus | null>(null);
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const follow = useCallback(
    (taskId: string) => {
      const poll = async () => {
        try {
          const s = await api.caseTaskStatus({ taskId });
          setStatus(s);
          if (s.state === 'running') timer.current = window.setTimeout(() => void poll(), POLL_MS);
        } catch (e) {
          setError(errorText(e));
        }
      };
      void poll();
    },
    [api],
  );

  useEffect(() => {
    if (watchId) follow(watchId);
  }, [watchId, follow]);

  const start = useCallback(
    async (req: CaseTaskRequest) => {
      setError(undefined);
      setStatus(null);
      setStarting(true);
      try {
        const { taskId } = await api.startCaseTask(req);
        follow(taskId);
      } catch (e) {
        setError(errorText(e));
      } finally {
        setStarting(false);
      }
    },
    [api, follow],
  );

  return { status, error, running: starting || status?.state === 'running', start };
}
