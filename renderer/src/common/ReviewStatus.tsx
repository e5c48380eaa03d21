// A finding's review status as a small chip; `new` (nobody has looked yet) reads as "Unreviewed".
import type { FindingStatus } from '../../../shared/report';
import { STATUS_LABELS } from '../format/reviewWords';
import './triage.css';

export function ReviewStatus({ status }: { status: FindingStatus }) {
  return (
    <span className={`review-status status-${status}`} data-testid="review-status" data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
