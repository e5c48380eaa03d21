// Previous / next over a server-paged list, with the position in words.
import { formatCount } from '../format/formatNumbers';
import './Pager.css';

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  testId?: string;
}

export function Pager({ offset, limit, total, onChange, testId }: PagerProps) {
  if (total <= limit && offset === 0) {
    return (
      <div className="pager muted">
        {formatCount(total)} {total === 1 ? 'row' : 'rows'}
      </div>
    );
  }
  const last = Math.min(total, offset + limit);
  return (
    <div className="pager" data-testid={testId ?? 'pager'}>
      <button type="button" className="btn small" disabled={offset === 0} onClick={() => onChange(0)}>
        « First
      </button>
      <button
        type="button"
        className="btn small"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
        data-testid="pager-prev"
      >
        ‹ Previous
      </button>
      <span className="muted">
        {formatCount(offset + 1)}–{formatCount(last)} of {formatCount(total)}
      </span>
      <button
        type="button"
        className="btn small"
        disabled={last >= total}
        onClick={() => onChange(offset + limit)}
        data-testid="pager-next"
      >
        Next ›
      </button>
    </div>
  );
}
