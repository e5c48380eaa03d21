// The findings table. Headers with an engine sort key sort on click (again to reverse); rows select.
import type { FindingSortKey } from '../../../../shared/api';
import type { Finding } from '../../../../shared/report';
import { ReviewStatus } from '../../common/ReviewStatus';
import { SeverityBadge } from '../../common/SeverityBadge';
import { TagChips } from '../../common/TagPicker';
import { TimeCell } from '../../common/TimeCell';
import { BreakableText } from '../../common/BreakableText';
import { shortHost } from '../../format/formatNumbers';
import { isTabStop, selectableRow } from '../../common/selectableRow';
import { useAnalytics } from '../../app/AppContext';
import { PivotLink } from '../../common/PivotLink';
import './findings.css';

interface SortState {
  key: FindingSortKey;
  desc: boolean;
}

interface FindingsTableProps {
  rows: Finding[];
  sort: SortState;
  onSort: (s: SortState) => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

function ActorCell({ actor }: { actor: Finding['actor'] }) {
  if (!actor.user && !actor.sourceIp) return <>—</>;
  return (
    <>
      {actor.user && (
        <div>
          <PivotLink kind="user" value={actor.user} tabIndex={-1}>
            <BreakableText text={actor.user} />
          </PivotLink>
        </div>
      )}
      {actor.sourceIp && (
        <div className="mono small nowrap">
          <PivotLink kind="ip" value={actor.sourceIp} tabIndex={-1} />
        </div>
      )}
    </>
  );
}

/** The responder's review under the severity: its status once set, the bookmark, the tags. */
function FindingReviewCell({ review }: { review: Finding['review'] }) {
  if (!review || (review.status === 'new' && !review.bookmarked && review.tags.length === 0)) return null;
  return (
    <div data-testid="finding-review-cell">
      {review.status !== 'new' && <ReviewStatus status={review.status} />}
      {review.bookmarked && (
        <span className="bookmark-star" title="Bookmarked" aria-label="Bookmarked">
          {' '}
          ★
        </span>
      )}
      {review.tags.length > 0 && <TagChips tags={review.tags} />}
    </div>
  );
}

const SHOWN_ACCOUNTS = 2;

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
}: { label: string; sortKey: FindingSortKey } & Pick<FindingsTableProps, 'sort' | 'onSort'>) {
  const active = sort.key === sortKey;
  return (
    <th aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className={active ? 'sort-head active' : 'sort-head'}
        onClick={() =>
          onSort({
            key: sortKey,
            desc: active ? !sort.desc : sortKey === 'severity' || sortKey === 'confidence',
          })
        }
        data-testid={`sort-${sortKey}`}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );
}

export function FindingsTable({ rows, sort, onSort, selectedId, onSelect }: FindingsTableProps) {
  const analytics = useAnalytics();
  const selectedIndex = rows.findIndex((f) => f.id === selectedId);
  return (
    <div className="table-scroll">
      <table className="grid selectable findings-table" data-testid="findings-table">
        {/* Fixed widths: long e-mail addresses and host names wrap inside their column instead of pushing
            the time column out of view. */}
        <colgroup>
          <col className="col-severity" />
          <col className="col-analytic" />
          <col />
          <col className="col-host" />
          <col className="col-actor" />
          <col className="col-time" />
        </colgroup>
        <thead>
          <tr>
            <SortHeader label="Severity" sortKey="severity" sort={sort} onSort={onSort} />
            <SortHeader label="Analytic" sortKey="analytic" sort={sort} onSort={onSort} />
            <th>Accounts · what</th>
            <SortHeader label="Host(s)" sortKey="host" sort={sort} onSort={onSort} />
            <th>Actor</th>
            <SortHeader label="First seen" sortKey="first" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {rows.map((f, i) => (
            <tr
              key={f.id}
              className={f.id === selectedId ? 'selected' : undefined}
              aria-selected={f.id === selectedId}
              {...selectableRow(() => onSelect(f.id), {
                selected: f.id === selectedId,
                tabStop: isTabStop(i, selectedIndex),
              })}
              data-testid="finding-row"
              data-finding-id={f.id}
              data-analytic={f.analytic}
            >
              <td className="review-cell">
                <SeverityBadge severity={f.severity} />
                {f.allowlisted && <div className="muted small">allowlisted</div>}
                <FindingReviewCell review={f.review} />
              </td>
              <td className="finding-analytic" title={analytics.name(f.analytic)}>
                {f.analytic}
              </td>
              <td className="wrap">
                <div className="strong">
                  {f.accounts.length > 0 ? (
                    <BreakableText text={f.accounts.slice(0, SHOWN_ACCOUNTS).join(', ')} />
                  ) : (
                    '—'
                  )}
                  {f.accounts.length > SHOWN_ACCOUNTS && (
                    <span className="muted"> +{f.accounts.length - SHOWN_ACCOUNTS} more</span>
                  )}
                </div>
                <div className="muted small">
                  <BreakableText text={f.title} />
                </div>
              </td>
              <td title={f.hosts.join(', ')}>
                {f.hosts.length === 0
                  ? '—'
                  : f.hosts.map((h, i) => (
                      <span key={h}>
                        {i > 0 && ', '}
                        <PivotLink kind="host" value={h} tabIndex={-1}>
                          {shortHost(h)}
                        </PivotLink>
                      </span>
                    ))}
              </td>
              <td>
                <ActorCell actor={f.actor} />
              </td>
              <td className="nowrap">
                <TimeCell iso={f.first} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
