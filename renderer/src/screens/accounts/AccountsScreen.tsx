// Accounts: one story per created, enumerated or probed account; the list on the left, the story on the right.
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { EmptyState } from '../../common/EmptyState';
import { ErrorNote } from '../../common/ErrorNote';
import { AccountList } from './AccountList';
import { AccountStoryView } from './AccountStoryView';
import './accounts.css';

export function AccountsScreen() {
  const { focus } = useApp();
  const accounts = useApiQuery('accounts', (api) => api.listAccounts({}));
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

  useEffect(() => {
    if (!selected && visible.length > 0) setSelected(visible[0]!.key);
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
        {visible.length > 0 && <AccountList accounts={visible} selected={selected} onSelect={setSelected} />}
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
