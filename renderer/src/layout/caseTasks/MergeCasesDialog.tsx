// Merge case…: this case and others (paths on the machine running the engine, typed as on the Import
// screen; the desktop app's File → Merge Cases… picks them in native dialogs and opens this dialog on the
// task it started) into a new case file, with the progress and what the merge made, conflicts included.
import { useState } from 'react';
import { useApp } from '../../app/AppContext';
import { ErrorNote } from '../../common/ErrorNote';
import { Modal } from '../../common/Modal';
import { errorText } from '../../format/errorText';
import { MergeSummaryView } from './MergeSummaryView';
import { TaskProgress } from './TaskProgress';
import { useCaseTask } from './useCaseTask';
import './caseTasks.css';

const splitPaths = (text: string): string[] =>
  text
    .split(/[\n;]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

export function MergeCasesDialog({ taskId, onClose }: { taskId?: string | undefined; onClose: () => void }) {
  const { api, caseInfo, dataChanged, navigate } = useApp();
  const task = useCaseTask(taskId);
  const [withOpen, setWithOpen] = useState(true);
  const [others, setOthers] = useState('');
  const [target, setTarget] = useState('');
  const [openError, setOpenError] = useState<string>();
  const paths = [...(withOpen && caseInfo ? [caseInfo.path] : []), ...splitPaths(others)];
  const status = task.status;
  const summary = status?.merge;

  const openMerged = async () => {
    if (!summary) return;
    try {
      await api.openCase({ path: summary.path });
      dataChanged();
      navigate('findings');
      onClose();
    } catch (e) {
      setOpenError(errorText(e));
    }
  };

  return (
    <Modal title="Merge cases" onClose={onClose} wide={Boolean(summary)} testId="merge-dialog">
      {!taskId && !status && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void task.start({ kind: 'merge', paths, target: target.trim() });
          }}
        >
          <p className="muted">
            Cases built apart (each analyst’s part of the evidence) become one new case: each evidence file
            (by SHA-256) once, the first case’s settings with every difference listed, and the analytics run
            across every host. The cases are read, never changed.
          </p>
          <label className="check-line">
            <input
              type="checkbox"
              checked={withOpen}
              onChange={(e) => setWithOpen(e.target.checked)}
              data-testid="merge-with-open"
            />
            <span>
              This case first: <span className="mono">{caseInfo?.path ?? '—'}</span>
            </span>
          </label>
          <label className="field">
            <span>
              Other cases (.duckdb paths on the machine running the engine; one per line or separated by ;)
            </span>
            <textarea
              className="task-paths"
              value={others}
              onChange={(e) => setOthers(e.target.value)}
              placeholder="/cases/analyst-b.duckdb"
              spellCheck={false}
              data-testid="merge-paths"
            />
          </label>
          <label className="field">
            <span>Merged case: a new file (.duckdb)</span>
            <input
              type="text"
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              placeholder="/cases/client-2026-03-all.duckdb"
              spellCheck={false}
              data-testid="merge-target"
            />
          </label>
          {task.error && <ErrorNote message={task.error} />}
          <div className="row">
            <button
              type="submit"
              className="btn primary"
              disabled={task.running || paths.length < 2 || !target.trim()}
              data-testid="merge-start"
            >
              {task.running ? 'Starting…' : `Merge ${paths.length} cases`}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {(taskId || status) && (
        <div className="stack">
          {status && <TaskProgress status={status} unit="rows" />}
          {status?.state === 'failed' && (
            <ErrorNote message={status.message ?? 'the merge failed'} testId="merge-failed" />
          )}
          {task.error && <ErrorNote message={task.error} />}
          {summary && <MergeSummaryView summary={summary} />}
          {openError && <ErrorNote message={openError} />}
          <div className="row">
            {summary && (
              <button
                type="button"
                className="btn primary"
                onClick={() => void openMerged()}
                data-testid="merge-open"
              >
                Open the merged case
              </button>
            )}
            <button type="button" className="btn" onClick={onClose}>
              {status?.state === 'running' ? 'Close (the merge goes on)' : 'Close'}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
