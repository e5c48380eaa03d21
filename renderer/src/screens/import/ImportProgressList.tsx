// Live progress of one import, file by file: how far, how fast, and a way to stop it.
import type { ImportFileProgress, ImportStatus } from '../../../../shared/api';
import { useCaseJobs } from '../../app/CaseJobs';
import { shortPath, formatBytes, formatCount, formatRate } from '../../format/formatNumbers';
import './import.css';

const STATE_WORDS: Record<ImportFileProgress['state'], string> = {
  queued: 'waiting',
  reading: 'reading',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

function FileProgressRow({ file }: { file: ImportFileProgress }) {
  const fraction = file.size > 0 ? Math.min(1, file.bytesRead / file.size) : file.state === 'done' ? 1 : 0;
  return (
    <li className={`progress-row state-${file.state}`} data-testid="import-file" data-state={file.state}>
      <div className="progress-head">
        <span className="file-name" title={file.path}>
          {shortPath(file.path)}
        </span>
        <span className={`chip chip-${file.state}`}>{STATE_WORDS[file.state]}</span>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-label={`Progress of ${shortPath(file.path)}`}
      >
        <div className="progress-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <div className="progress-numbers muted">
        <span>
          {formatBytes(file.bytesRead)} of {formatBytes(file.size)} ({Math.round(fraction * 100)}%)
        </span>
        <span>{formatCount(file.events)} events</span>
        {file.state === 'reading' && (
          <>
            <span>{formatRate(file.eventsPerSec, 'events')}</span>
            <span>{formatBytes(file.bytesPerSec)}/s</span>
          </>
        )}
      </div>
    </li>
  );
}

export function ImportProgressList({ status }: { status: ImportStatus }) {
  const { cancelImport } = useCaseJobs();
  const running = status.state === 'running';
  const done = status.files.filter((f) => f.state === 'done').length;

  return (
    <section className="panel" data-testid="import-progress" data-state={status.state}>
      <div className="panel-head">
        <h2>
          {running ? 'Importing' : `Import ${status.state}`} — {done} of {status.files.length} files
        </h2>
        {running && (
          <button
            type="button"
            className="btn danger"
            onClick={() => void cancelImport()}
            data-testid="import-cancel"
          >
            Cancel import
          </button>
        )}
      </div>
      {status.message && <p className="muted">{status.message}</p>}
      {status.files.length === 0 && running && <p className="muted">Looking for files…</p>}
      {/* Once finished, the per-file summary below says it all; the bars only matter while reading. */}
      {running && (
        <ul className="progress-list">
          {status.files.map((file) => (
            <FileProgressRow key={file.path} file={file} />
          ))}
        </ul>
      )}
    </section>
  );
}
