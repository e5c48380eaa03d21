// Per analytic, the hosts where it is blind or only partly sighted, each with the reason in words; hosts
// that share a reason are listed together, and the hosts where it sees everything it needs close the card.
import type { AnalyticId, AnalyticInfo, CoverageState, HostCoverage } from '../../../../shared/report';
import { useAnalytics } from '../../app/AppContext';
import { shortHost } from '../../format/formatNumbers';

const STATE_TEXT: Record<CoverageState, string> = {
  blind: 'Blind on',
  partial: 'Partial on',
  full: 'Full on',
};

const STATE_MARK: Record<CoverageState, string> = { blind: '✕', partial: '◐', full: '✓' };

interface ReasonGroup {
  state: CoverageState;
  reason: string;
  hosts: string[];
}

function groupsFor(hosts: HostCoverage[], id: AnalyticId): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const h of hosts) {
    const v = h.analytics[id];
    if (!v) continue;
    const key = `${v.state}|${v.reason}`;
    const group = groups.get(key) ?? { state: v.state, reason: v.reason, hosts: [] };
    group.hosts.push(h.kind === 'entra' ? h.host : shortHost(h.host));
    groups.set(key, group);
  }
  const rank: Record<CoverageState, number> = { blind: 0, partial: 1, full: 2 };
  return [...groups.values()].sort((a, b) => rank[a.state] - rank[b.state]);
}

/** The Windows-only analytics are blind to Entra ID by design: said quietly, once, not as an alarm. */
const readsWindowsOnly = (a: AnalyticInfo) => !a.reads.includes('entra');

function AnalyticCard({ analytic, hosts }: { analytic: AnalyticInfo; hosts: HostCoverage[] }) {
  const { id } = analytic;
  const tenant = readsWindowsOnly(analytic) ? hosts.find((h) => h.kind === 'entra') : undefined;
  const groups = groupsFor(
    hosts.filter((h) => h !== tenant),
    id,
  );
  const gaps = groups.filter((g) => g.state !== 'full');
  const full = groups.filter((g) => g.state === 'full').flatMap((g) => g.hosts);
  return (
    <article className="blind-card" data-testid="coverage-analytic" data-analytic={id}>
      <h3>
        {id} <span className="muted">· {analytic.name}</span>
      </h3>
      {gaps.length === 0 && <p className="ok small">Sees everything it needs on every host.</p>}
      <ul className="blind-list">
        {gaps.map((g) => (
          <li key={`${g.state}|${g.reason}`} className={`blind-item state-${g.state}`} data-state={g.state}>
            <span className={`state-word state-${g.state}`}>
              <span aria-hidden="true">{STATE_MARK[g.state]} </span>
              {STATE_TEXT[g.state]} {g.hosts.join(', ')}
            </span>
            <span className="blind-reason">{g.reason}</span>
          </li>
        ))}
      </ul>
      {full.length > 0 && (
        <p className="small muted">
          <span className="state-word state-full">
            <span aria-hidden="true">{STATE_MARK.full} </span>
            {STATE_TEXT.full}
          </span>{' '}
          {full.join(', ')}
        </p>
      )}
      {tenant && (
        <p className="small muted tenant-note" data-testid="coverage-tenant-note">
          Not for {tenant.host}: {tenant.analytics[id]?.reason}
        </p>
      )}
    </article>
  );
}

export function AnalyticBlindSpots({ hosts }: { hosts: HostCoverage[] }) {
  const analytics = useAnalytics().list;
  const noEntra = !hosts.some((h) => h.kind === 'entra');
  const readingEntra = analytics.filter((a) => a.reads.includes('entra'));
  return (
    <section className="panel" data-testid="coverage-analytics-panel">
      <div className="panel-head">
        <h2>Where each analytic cannot see</h2>
        <span className="muted small">
          On a blind host, no finding means nothing; on a partial one, findings lack what is missing.
        </span>
      </div>
      {noEntra && readingEntra.length > 0 && (
        <p className="note small" data-testid="coverage-no-entra">
          No Entra ID sign-ins or audits in this case: what{' '}
          {readingEntra.map((a) => `${a.id} (${a.name.toLowerCase()})`).join(' and ')} would read from the
          tenant cannot be seen.
        </p>
      )}
      <div className="blind-grid">
        {analytics.map((a) => (
          <AnalyticCard key={a.id} analytic={a} hosts={hosts} />
        ))}
      </div>
    </section>
  );
}
