// Accounts: one story per created, enumerated or probed account; the list on the left, the story on the right.
// The actors of the findings are listed too, each opening its own page (screens/entity).
import { useEffect, useMemo, useState } from 'react';
import type { Finding, Severity } from '../../../../shared/report';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { EmptyState } from '../../common/EmptyState';
import { ErrorNote } from '../../common/ErrorNote';
import { AccountList, type ActorSummary } from './AccountList';
import { AccountStoryView } from './AccountStoryView';
import './accounts.css';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** Every actor named by a finding, most severe first: their own stories are their pivot pages. */
function actorsOf(findings: readonly Finding[]): ActorSummary[] {
  const byName = new Map<string, ActorSummary>();
  for (const f of findings) {
    const name = f.actor.user;
    if (!name) continue;
    const key = name.toLowerCase();
    const seen = byName.get(key);
    if (!seen) byName.set(key, { display: name, severity: f.severity, findings: 1 });
    else {
      seen.findings++;
      if (RANK[f.severity] > RANK[seen.severity]) seen.severity = f.severity;
    }
  }
  return [...byName.values()].sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] || b.findings - a.findings || a.display.localeCompare(b.display),
  );
}

export function AccountsScreen() {
  const { focus, navigate } = useApp();
  const accounts = useApiQuery('accounts', (api) => api.listAccounts({}));
  const findings = useApiQuery('accounts:actors', (api) => api.listFindings({ limit: 10_000 }));
  const actors = useMemo(() => actorsOf(findings.data?.rows ?? []), [findings.data]);
  const [selected, setSelected] = useState<string | undefined>(focus.accountKey);
  const [text, setText] = useState('');

  useEffect(() => {
    if (focus.accountKey) setSelected(focus.accountKey);
  }, [focus.accountKey]);

  const visible = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const all = accounts.data ?? [];
    if (!needle) return all;
    return all.filter(
      (a) =>
        a.display.toLowerCase().includes(needle) || a.hosts.some((h) => h.toLowerCase().includes(needle)),
    );
  }, [accounts.data, text]);

  // Nothing chosen: the first of the list as it is ordered (most severe created or enumerated account).
  useEffect(() => {
    if (selected || visible.length === 0) return;
    const first = visible.find((a) => !a.kinds.every((k) => k === 'probed')) ?? visible[0]!;
    setSelected(first.key);
  }, [selected, visible]);

  return (
    <div className="screen-split accounts-split">
      <section className="split-list">
        <div className="screen-title">
          <h1>Accounts</h1>
        </div>
        <input
          type="search"
          className="filter-text"
          placeholder="Filter by account or host"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="accounts-filter"
          aria-label="Filter accounts"
        />
        {accounts.error && <ErrorNote message={accounts.error} />}
        {accounts.data && accounts.data.length === 0 && (
          <EmptyState title="No account stories yet" action={{ label: 'Go to Import', screen: 'import' }}>
            Stories come from findings: import logs with account creation (4720), enumeration (4688,
            4798/4799) or sign-in failures, then run the analytics.
          </EmptyState>
        )}
        {visible.length > 0 && (
          <AccountList
            accounts={visible}
            actors={
              text.trim()
                ? actors.filter((a) => a.display.toLowerCase().includes(text.trim().toLowerCase()))
                : actors
            }
            selected={selected}
            onSelect={(key) => navigate('accounts', { accountKey: key })}
            unfoldProbed={text.trim().length > 0}
          />
        )}
        {accounts.data && accounts.data.length > 0 && visible.length === 0 && (
          <p className="muted">No account matches “{text}”.</p>
        )}
      </section>
      <section className="split-story" data-testid="account-story-pane">
        {selected ? (
          <AccountStoryView accountKey={selected} />
        ) : (
          <p className="muted detail-hint">Select an account to see its story.</p>
        )}
      </section>
    </div>
  );
}
