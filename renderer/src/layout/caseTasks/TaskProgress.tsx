// How far a case task is: a bar, what it is doing now, and rows (or lines) done of the total.
import type { CaseTaskStatus } from '../../../../shared/api';
import { formatCount } from '../../format/formatNumbers';
import './caseTasks.css';

export function TaskProgress({ status, unit }: { status: CaseTaskStatus; unit: string }) {
  const fraction =
    status.state === 'done' ? 1 : status.total > 0 ? Math.min(1, status.done / status.total) : 0;
  return (
    <div
      className={`task-progress state-${status.state}`}
      data-testid="task-progress"
      data-state={status.state}
    >
      <div
        className="task-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-label="Progress"
      >
        <div className="task-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <div className="task-numbers muted">
        <span data-testid="task-step">{status.state === 'done' ? 'done' : status.step}</span>
        {status.total > 0 && (
          <span>
            {formatCount(status.done)} / {formatCount(status.total)} {unit}
          </span>
        )}
        <span>{Math.round(fraction * 100)}%</span>
      </div>
    </div>
  );
}
