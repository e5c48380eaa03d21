// The bookmarked findings: severity, the responder's status, what it is, tags and note, first seen. The
// table is one Tab stop (its first row); arrows move, Enter or a click opens the finding on Findings.
import type { Finding } from '../../../../shared/report';
import { useAnalytics, useApp } from '../../app/AppContext';
import { BreakableText } from '../../common/BreakableText';
import { ReviewStatus } from '../../common/ReviewStatus';
import { SeverityBadge } from '../../common/SeverityBadge';
import { TagChips } from '../../common/TagPicker';
import { TimeCell } from '../../common/TimeCell';
import { isTabStop, selectableRow } from '../../common/selectableRow';

const SHOWN_ACCOUNTS = 2;

export function BookmarkedFindings({ rows }: { rows: Finding[] }) {
  const { navigate } = useApp();
  const analytics = useAnalytics();
  return (
    <div className="table-scroll">
      <table className="grid selectable bookmarked-findings" data-testid="bookmarked-findings">
        <colgroup>
          <col className="bm-col-severity" />
          <col className="bm-col-status" />
          <col className="bm-col-analytic" />
          <col />
          <col className="bm-col-tags" />
          <col className="bm-col-note" />
          <col className="bm-col-time" />
        </colgroup>
        <thead>
          <tr>
            <th>Severity</th>
            <th>Status</th>
            <th>Analytic</th>
            <th>Accounts · what</th>
            <th>Tags</th>
            <th>Note</th>
            <th>First seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f, i) => (
            <tr
              key={f.id}
              {...selectableRow(() => navigate('findings', { findingId: f.id }), {
                tabStop: isTabStop(i, -1),
              })}
              title="Open this finding"
              data-testid="bookmarked-finding"
              data-finding-id={f.id}
            >
              <td>
                <SeverityBadge severity={f.severity} />
              </td>
              <td>
                <ReviewStatus status={f.review?.status ?? 'new'} />
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
              <td data-testid="bookmarked-finding-tags">
                {f.review && f.review.tags.length > 0 ? <TagChips tags={f.review.tags} /> : '—'}
              </td>
              <td className="wrap bookmark-note" data-testid="bookmarked-finding-note">
                {f.review?.note ? <span title={f.review.note}>{f.review.note}</span> : '—'}
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
