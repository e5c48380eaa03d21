// One finding explained: what happened in words, who and where, the process chain, the parameters it was
// produced with, and the raw evidence behind it.
import type { Finding } from '../../../../shared/report';
import { useAnalytics, useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { ErrorNote } from '../../common/ErrorNote';
import { KeyValueTable } from '../../common/ValueText';
import { LineageChain } from '../../common/LineageChain';
import { SeverityBadge } from '../../common/SeverityBadge';
import { formatTime } from '../../format/formatTime';
import { EvidenceList } from './EvidenceList';
import { TriageChecklist } from '../coverage/TriageChecklist';
import './findings.css';

function ActorFacts({ actor }: { actor: Finding['actor'] }) {
  if (!actor.user && !actor.sourceIp && !actor.logonId) return <>unknown</>;
  return (
    <>
      {actor.user && <span className="strong">{actor.user}</span>}
      {actor.logonId && <span className="muted"> · logon {actor.logonId}</span>}
      {actor.sourceIp && <span> · from {actor.sourceIp}</span>}
    </>
  );
}

export function FindingDetail({ id }: { id: string }) {
  const { timeZone, navigate } = useApp();
  const analytics = useAnalytics();
  const finding = useApiQuery(`finding:${id}`, (api) => api.getFinding({ id }));
  const accounts = useApiQuery('accounts', (api) => api.listAccounts({}));

  if (finding.error) return <ErrorNote message={finding.error} />;
  const f = finding.data;
  if (!f || f.id !== id) return <p className="muted">Loading the finding…</p>;
  const stories = (accounts.data ?? []).filter((a) => a.findingIds.includes(f.id));

  return (
    <article className="detail" data-testid="finding-detail" data-finding-id={f.id}>
      <header className="detail-head">
        <SeverityBadge severity={f.severity} />
        <h2 data-testid="finding-title">{f.title}</h2>
        <div className="muted">
          {f.analytic} · {analytics.name(f.analytic)} · confidence {f.confidence}
        </div>
      </header>
      {f.allowlisted && (
        <p className="note">
          Lowered by the allowlist: {f.allowlisted.kind} “{f.allowlisted.value}” — {f.allowlisted.reason}
        </p>
      )}
      <section>
        <h3>Why it fired</h3>
        <p className="explanation" data-testid="finding-explanation">
          {f.explanation}
        </p>
      </section>
      {f.triage && f.triage.length > 0 && (
        <section data-testid="finding-triage">
          <h3>Next steps</h3>
          <TriageChecklist steps={f.triage} />
        </section>
      )}
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {formatTime(f.first, timeZone)}
          {f.last !== f.first && <> → {formatTime(f.last, timeZone)}</>}
        </dd>
        <dt>Host(s)</dt>
        <dd>{f.hosts.join(', ') || '—'}</dd>
        <dt>Actor</dt>
        <dd>
          <ActorFacts actor={f.actor} />
        </dd>
        <dt>Accounts</dt>
        <dd className="wrap">{f.accounts.join(', ') || '—'}</dd>
      </dl>
      {stories.length > 0 && (
        <div className="row wrap-row">
          {stories.slice(0, 6).map((a) => (
            <button
              key={a.key}
              type="button"
              className="btn small"
              onClick={() => navigate('accounts', { accountKey: a.key })}
              data-testid="open-account-story"
            >
              Story of {a.display} →
            </button>
          ))}
        </div>
      )}
      <section>
        <h3>Process chain</h3>
        <LineageChain lineage={f.lineage} />
      </section>
      <section>
        <h3>Parameters used</h3>
        <KeyValueTable values={f.params} testId="finding-params" />
      </section>
      {f.details && Object.keys(f.details).length > 0 && (
        <section>
          <h3>Details</h3>
          <KeyValueTable values={f.details} />
        </section>
      )}
      <section>
        <h3>Evidence ({f.evidence.length})</h3>
        <EvidenceList findingId={f.id} evidence={f.evidence} />
      </section>
    </article>
  );
}
