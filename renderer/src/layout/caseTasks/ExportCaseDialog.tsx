// Export… the case for the platforms beyond one laptop: every table as Parquet into a new or empty
// folder (a data lake), or a Timesketch timeline (.jsonl), written by the engine on its own machine, with
// a progress bar. The desktop app's File → Export Case picks the place in a native dialog and opens this
// dialog on the task it started.
import { useState } from 'react';
import type { CaseTaskStatus } from '../../../../shared/api';
import { ErrorNote } from '../../common/ErrorNote';
import { Modal } from '../../common/Modal';
import { formatBytes, formatCount } from '../../format/formatNumbers';
import { TaskProgress } from './TaskProgress';
import { useCaseTask } from './useCaseTask';
import './caseTasks.css';

type Format = 'parquet' | 'timesketch';

function Done({ status }: { status: CaseTaskStatus }) {
  if (status.parquet)
    return (
      <p className="ok" role="status" data-testid="export-done">
        Wrote {status.parquet.tables} tables, {formatCount(status.parquet.rows)} rows as Parquet into{' '}
        <span className="mono">{status.parquet.dir}</span> (manifest.json beside them).
      </p>
    );
  if (status.timesketch)
    return (
      <p className="ok" role="status" data-testid="export-done">
        Wrote {formatCount(status.timesketch.lines)} timeline lines ({formatBytes(status.timesketch.bytes)})
        to <span className="mono">{status.timesketch.file}</span>
        {status.timesketch.untimed > 0 &&
          `; ${formatCount(status.timesketch.untimed)} records without a time were left out (Timesketch cannot place them)`}
        .
      </p>
    );
  return null;
}

export function ExportCaseDialog({ taskId, onClose }: { taskId?: string | undefined; onClose: () => void }) {
  const task = useCaseTask(taskId);
  const [format, setFormat] = useState<Format>('parquet');
  const [path, setPath] = useState('');
  const [withRaw, setWithRaw] = useState(false);
  const status = task.status;

  return (
    <Modal title="Export case" onClose={onClose} testId="export-dialog">
      {!taskId && !status && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void task.start(
              format === 'parquet'
                ? { kind: 'parquet', dir: path.trim(), ...(withRaw ? { withRaw: true } : {}) }
                : { kind: 'timesketch', file: path.trim() },
            );
          }}
        >
          <fieldset className="choice-row">
            <label>
              <input
                type="radio"
                name="export-format"
                checked={format === 'parquet'}
                onChange={() => setFormat('parquet')}
                data-testid="export-format-parquet"
              />
              <span>Parquet (a data lake: Spark, Trino, DuckDB)</span>
            </label>
            <label>
              <input
                type="radio"
                name="export-format"
                checked={format === 'timesketch'}
                onChange={() => setFormat('timesketch')}
                data-testid="export-format-timesketch"
              />
              <span>Timesketch timeline</span>
            </label>
          </fieldset>
          <label className="field">
            <span>
              {format === 'parquet'
                ? 'A new or empty folder on the machine running the engine'
                : 'A new .jsonl file on the machine running the engine'}
            </span>
            <input
              type="text"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder={format === 'parquet' ? '/exports/client-2026-03' : '/exports/client-2026-03.jsonl'}
              spellCheck={false}
              data-testid="export-path"
            />
          </label>
          {format === 'parquet' ? (
            <label className="check-line">
              <input type="checkbox" checked={withRaw} onChange={(e) => setWithRaw(e.target.checked)} />
              <span>
                Include each record’s raw XML/JSON (most of the bytes; every field is in the columns already)
              </span>
            </label>
          ) : (
            <p className="muted">
              Every event, sign-in and audit record, and each finding, in Timesketch’s JSONL import format;
              the events behind each finding tagged with its analytic and severity.
            </p>
          )}
          {task.error && <ErrorNote message={task.error} />}
          <div className="row">
            <button
              type="submit"
              className="btn primary"
              disabled={task.running || !path.trim()}
              data-testid="export-start"
            >
              {task.running ? 'Starting…' : 'Export'}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {(taskId || status) && (
        <div className="stack">
          {status && <TaskProgress status={status} unit={status.kind === 'timesketch' ? 'lines' : 'rows'} />}
          {status?.state === 'failed' && (
            <ErrorNote message={status.message ?? 'the export failed'} testId="export-failed" />
          )}
          {task.error && <ErrorNote message={task.error} />}
          {status?.state === 'done' && <Done status={status} />}
          <div className="row">
            <button type="button" className="btn" onClick={onClose}>
              {status?.state === 'running' ? 'Close (the export goes on)' : 'Close'}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
