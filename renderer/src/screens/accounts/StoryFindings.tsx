// The findings that make up one account's story, each a link to its full explanation.
import type { Finding } from '../../../../shared/report';
import { useAnalytics, useApp } from '../../app/AppContext';
import { SeverityBadge } from '../../common/SeverityBadge';
import { formatTime } from '../../format/formatTime';
import './accounts.css';

export function StoryFindings({ findings }: { findings: Finding[] }) {
  const { timeZone, navigate } = useApp();
  const analytics = useAnalytics();
  if (findings.length === 0) return <p className="muted">No findings reference this account.</p>;
  return (
    <ul className="story-findings" data-testid="story-findings">
      {findings.map((f) => (
        <li key={f.id}>
          <button
            type="button"
            className="story-finding"
            onClick={() => navigate('findings', { findingId: f.id })}
            data-testid="story-finding"
          >
            <SeverityBadge severity={f.severity} />
            <span className="strong">{f.analytic}</span>
            <span className="muted">{analytics.name(f.analytic)}</span>
            <span className="grow">{f.title}</span>
            <span className="muted small nowrap">{formatTime(f.first, timeZone)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
