// One finding explained: what happened in words, who and where, the process chain, the parameters it was
// produced with, and the raw evidence behind it.
import { useState } from 'react';
import type { Finding } from '../../../../shared/report';
import { useAnalytics, useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { ErrorNote } from '../../common/ErrorNote';
import { KeyValueTable } from '../../common/ValueText';
import { LineageChain } from '../../common/LineageChain';
import { PivotLink, PivotList } from '../../common/PivotLink';
import { SeverityBadge } from '../../common/SeverityBadge';
import { formatTime } from '../../format/formatTime';
import { EvidenceList } from './EvidenceList';
import { TriageChecklist } from '../coverage/TriageChecklist';
import { AllowlistThisDialog } from './AllowlistThisDialog';
import { DetailFields } from './DetailFields';
import { FindingReviewPanel } from './FindingReviewPanel';
import './findings.css';

function ActorFacts({ actor }: { actor: Finding['actor'] }) {
  if (!actor.user && !actor.sourceIp && !actor.logonId) return <>unknown</>;
  return (
    <>
      {actor.user && <PivotLink kind="user" value={actor.user} className="strong" />}
      {actor.logonId && <span className="muted"> · logon {actor.logonId}</span>}
      {actor.sourceIp && (
        <span>
          {' '}
          · from <PivotLink kind="ip" value={actor.sourceIp} />
        </span>
      )}
    </>
  );
}

export function FindingDetail({ id, onReviewSaved }: { id: string; onReviewSaved?: () => void }) {
  const { timeZone, navigate } = useApp();
  const [allowlisting, setAllowlisting] = useState(false);
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
      {/* A review read anew (another screen or a re-run changed it) starts the panel afresh. */}
      <FindingReviewPanel
        key={`${f.id}:${f.review?.updatedAt ?? ''}`}
        finding={f}
        onSaved={onReviewSaved}
        onAllowlist={() => setAllowlisting(true)}
      />
      {allowlisting && <AllowlistThisDialog finding={f} onClose={() => setAllowlisting(false)} />}
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
        <dd>
          <PivotList kind="host" values={f.hosts} />
        </dd>
        <dt>Actor</dt>
        <dd>
          <ActorFacts actor={f.actor} />
        </dd>
        <dt>Accounts</dt>
        <dd className="wrap" data-testid="finding-accounts">
          <PivotList kind="user" values={f.accounts} />
        </dd>
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
        <div className="row">
          <h3 className="grow">Process chain</h3>
          {f.lineage.some((n) => !n.stub) && (
            <button
              type="button"
              className="btn small"
              onClick={() => navigate('process', { findingId: f.id })}
              data-testid="open-finding-tree"
            >
              Process tree →
            </button>
          )}
        </div>
        <LineageChain lineage={f.lineage} findingId={f.id} />
      </section>
      <section>
        <h3>Parameters used</h3>
        <KeyValueTable values={f.params} testId="finding-params" />
      </section>
      {f.details && Object.keys(f.details).length > 0 && (
        <section>
          <h3>Details</h3>
          <DetailFields details={f.details} />
        </section>
      )}
      <section>
        <h3>Evidence ({f.evidence.length})</h3>
        <EvidenceList findingId={f.id} evidence={f.evidence} />
      </section>
    </article>
  );
}
