// A pivot page: everything the case holds about one user (all of whose identities are linked), host or IP,
// reached from any place the app names it. The findings it is part of first, then how it logged on, what it
// ran and did to accounts, its sign-ins, who and what it met, and its whole timeline.
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { EmptyState } from '../../common/EmptyState';
import { ErrorNote } from '../../common/ErrorNote';
import { EntityFindings } from './EntityFindings';
import { EntityHeader } from './EntityHeader';
import { EntityRelated } from './EntityRelated';
import { EntitySummary } from './EntitySummary';
import { EntityTimeline } from './EntityTimeline';
import './entity.css';

export function EntityScreen() {
  const { focus } = useApp();
  const ref = focus.entity;
  const key = ref ? `entity:${ref.kind}:${ref.key}` : 'entity:none';
  const page = useApiQuery(key, (api) => api.entityPage(ref!), ref !== undefined);

  if (!ref) {
    return (
      <EmptyState title="Nothing to pivot on" action={{ label: 'Go to Findings', screen: 'findings' }}>
        Open a user, a host or an IP address from a finding, an account story, a sign-in source or the
        coverage table to see everything the case holds about it.
      </EmptyState>
    );
  }
  if (page.error) return <ErrorNote message={page.error} />;
  const p = page.data;
  if (!p || page.loading || p.kind !== ref.kind || p.key !== ref.key.trim())
    return <p className="muted">Reading everything the case holds about {ref.key}…</p>;

  return (
    <article className="entity-page" data-testid="entity-page" data-kind={p.kind} data-key={p.key}>
      <EntityHeader page={p} />
      {p.total === 0 && p.findings.length === 0 ? (
        <p className="muted" data-testid="entity-nothing">
          The case holds no event about {p.display}: no logon, process, sign-in or audit record names it.
        </p>
      ) : (
        <>
          <EntityFindings page={p} />
          <EntitySummary page={p} />
          <EntityRelated page={p} />
          <EntityTimeline entity={ref} categories={p.categories} />
        </>
      )}
    </article>
  );
}
