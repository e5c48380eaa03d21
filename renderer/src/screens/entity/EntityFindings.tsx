// The findings a user, host or IP is part of, and as what: the actor who did it, the account it was done
// to, the host it happened on, the source it came from. Each opens the finding.
import type { EntityFinding, EntityPage } from '../../../../shared/api';
import { useAnalytics, useApp } from '../../app/AppContext';
import { SeverityBadge } from '../../common/SeverityBadge';
import { formatTime } from '../../format/formatTime';

const ROLE_WORD: Record<EntityFinding['roles'][number], string> = {
  actor: 'actor',
  target: 'target',
  host: 'on this host',
  source: 'source',
};

export function EntityFindings({ page }: { page: EntityPage }) {
  const { navigate, timeZone } = useApp();
  const analytics = useAnalytics();
  return (
    <section className="panel" data-testid="entity-findings">
      <h2>Findings ({page.findings.length})</h2>
      {page.findings.length === 0 ? (
        <p className="muted">No finding names {page.display}.</p>
      ) : (
        <ul className="story-findings">
          {page.findings.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="story-finding"
                onClick={() => navigate('findings', { findingId: f.id })}
                data-testid="entity-finding"
                data-finding-id={f.id}
              >
                <SeverityBadge severity={f.severity} />
                <span className="strong">{f.analytic}</span>
                <span className="muted">{analytics.name(f.analytic)}</span>
                <span className="grow">{f.title}</span>
                <span className="kinds">
                  {f.roles.map((r) => (
                    <span key={r} className={`kind role-${r}`} data-testid="entity-finding-role">
                      {ROLE_WORD[r]}
                    </span>
                  ))}
                </span>
                <span className="muted small nowrap">{formatTime(f.first, timeZone)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
