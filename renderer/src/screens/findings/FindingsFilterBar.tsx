// Filters for the findings table: which analytics, which severities, and free text (accounts, actor, title).
import { useEffect, useState } from 'react';
import {
  FINDING_STATUSES,
  type AnalyticId,
  type FindingStatus,
  type Severity,
} from '../../../../shared/report';
import { useAnalytics } from '../../app/AppContext';
import { useTriageTags } from '../../common/useTriageTags';
import { STATUS_LABELS } from '../../format/reviewWords';
import { SEVERITIES } from '../../format/securityTerms';
import './findings.css';

export interface FindingsFilter {
  analytics: AnalyticId[];
  severities: Severity[];
  text: string;
  /** One review status to show (`new`: unreviewed), or every one. */
  status?: FindingStatus;
  tag?: string;
  bookmarked?: boolean;
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function FindingsFilterBar({
  filter,
  onChange,
}: {
  filter: FindingsFilter;
  onChange: (f: FindingsFilter) => void;
}) {
  const analytics = useAnalytics();
  const tags = useTriageTags() ?? [];
  // Typing is debounced so each keystroke does not cost an engine query.
  const [text, setText] = useState(filter.text);
  useEffect(() => {
    const t = window.setTimeout(() => {
      if (text !== filter.text) onChange({ ...filter, text });
    }, 250);
    return () => window.clearTimeout(t);
  }, [text, filter, onChange]);

  return (
    <div className="filter-bar" role="search">
      <input
        type="search"
        className="filter-text"
        placeholder="Filter: account, actor, host, words in the explanation"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="findings-filter-text"
        aria-label="Filter findings by text"
      />
      <div className="toggle-group" role="group" aria-label="Analytics">
        {analytics.list.map(({ id, name }) => (
          <label key={id} className={filter.analytics.includes(id) ? 'toggle on' : 'toggle'} title={name}>
            <input
              type="checkbox"
              checked={filter.analytics.includes(id)}
              onChange={() => onChange({ ...filter, analytics: toggle(filter.analytics, id) })}
              data-testid={`filter-analytic-${id}`}
            />
            {id}
          </label>
        ))}
      </div>
      <div className="toggle-group" role="group" aria-label="Severities">
        {SEVERITIES.map((sev) => (
          <label
            key={sev}
            className={filter.severities.includes(sev) ? `toggle on sev-toggle-${sev}` : 'toggle'}
          >
            <input
              type="checkbox"
              checked={filter.severities.includes(sev)}
              onChange={() => onChange({ ...filter, severities: toggle(filter.severities, sev) })}
              data-testid={`filter-severity-${sev}`}
            />
            {sev}
          </label>
        ))}
      </div>
      <div className="toggle-group" role="group" aria-label="Review">
        <select
          className="filter-select"
          value={filter.status ?? ''}
          onChange={(e) =>
            onChange({ ...filter, status: (e.target.value || undefined) as FindingStatus | undefined })
          }
          aria-label="Review status"
          data-testid="filter-status"
        >
          <option value="">Any status</option>
          {FINDING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'new' ? 'Unreviewed' : STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <select
          className="filter-select"
          value={filter.tag ?? ''}
          onChange={(e) => onChange({ ...filter, tag: e.target.value || undefined })}
          aria-label="Tag"
          data-testid="filter-tag"
        >
          <option value="">Any tag</option>
          {[...tags, ...(filter.tag && !tags.includes(filter.tag) ? [filter.tag] : [])].map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label className={filter.bookmarked ? 'toggle on' : 'toggle'}>
          <input
            type="checkbox"
            checked={filter.bookmarked ?? false}
            onChange={() => onChange({ ...filter, bookmarked: !filter.bookmarked || undefined })}
            data-testid="filter-bookmarked"
          />
          ★ Bookmarked
        </label>
      </div>
      {(filter.analytics.length > 0 ||
        filter.severities.length > 0 ||
        filter.text ||
        filter.status ||
        filter.tag ||
        filter.bookmarked) && (
        <button
          type="button"
          className="btn small"
          onClick={() => {
            setText('');
            onChange({ analytics: [], severities: [], text: '' });
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
