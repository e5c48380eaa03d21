// The accounts that have a story, each with what happened to it (created / enumerated / probed) at a
// glance. Accounts created or enumerated come first, most severe first; then the actors behind the
// findings (each opens its own page); the addresses a spray merely probed, often hundreds, are one folded
// group with its count. The selected account is always shown (its group unfolds) and scrolled to.
import { useEffect, useRef, useState } from 'react';
import type { AccountSummary } from '../../../../shared/api';
import type { Severity } from '../../../../shared/report';
import { useApp } from '../../app/AppContext';
import { SeverityBadge } from '../../common/SeverityBadge';
import { rowArrowKeys } from '../../common/selectableRow';
import { formatCount } from '../../format/formatNumbers';
import { formatTime } from '../../format/formatTime';
import './accounts.css';

export function KindBadges({ kinds }: { kinds: AccountSummary['kinds'] }) {
  return (
    <span className="kinds">
      {kinds.map((k) => (
        <span key={k} className={`kind kind-${k}`}>
          {k}
        </span>
      ))}
    </span>
  );
}

export interface ActorSummary {
  display: string;
  severity: Severity;
  findings: number;
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };
const KIND_RANK = (a: AccountSummary) =>
  a.kinds.includes('created') ? 0 : a.kinds.includes('enumerated') ? 1 : 2;

/** Created and enumerated accounts, most severe first, created before enumerated, then by time. */
export function orderAccounts(accounts: readonly AccountSummary[]): {
  main: AccountSummary[];
  probed: AccountSummary[];
} {
  const byRank = (a: AccountSummary, b: AccountSummary) =>
    RANK[b.severity] - RANK[a.severity] || KIND_RANK(a) - KIND_RANK(b) || (a.first < b.first ? -1 : 1);
  const probedOnly = (a: AccountSummary) => a.kinds.length > 0 && a.kinds.every((k) => k === 'probed');
  return {
    main: accounts.filter((a) => !probedOnly(a)).sort(byRank),
    probed: accounts.filter(probedOnly).sort(byRank),
  };
}

interface AccountListProps {
  accounts: AccountSummary[];
  actors: ActorSummary[];
  selected: string | undefined;
  onSelect: (key: string) => void;
  /** Unfold the probed group whatever its size (a filter is typed). */
  unfoldProbed?: boolean;
}

function AccountItem({
  a,
  selected,
  tabStop,
  onSelect,
}: {
  a: AccountSummary;
  selected: boolean;
  tabStop: boolean;
  onSelect: (key: string) => void;
}) {
  const { timeZone } = useApp();
  return (
    <li>
      <button
        type="button"
        className={selected ? 'account-item selected' : 'account-item'}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabStop ? 0 : -1}
        onClick={() => onSelect(a.key)}
        onKeyDown={rowArrowKeys}
        data-selectable-row=""
        data-testid="account-row"
        data-account-key={a.key}
      >
        <span className="account-line">
          <span className="account-name">{a.display}</span>
          <SeverityBadge severity={a.severity} />
        </span>
        <span className="account-line">
          <KindBadges kinds={a.kinds} />
          <span className="muted small">
            {a.findingIds.length} finding{a.findingIds.length === 1 ? '' : 's'}
          </span>
        </span>
        <span className="muted small">
          {a.hosts.join(', ') || 'no host'} · {formatTime(a.first, timeZone)}
        </span>
      </button>
    </li>
  );
}

export function AccountList({ accounts, actors, selected, onSelect, unfoldProbed }: AccountListProps) {
  const { navigate } = useApp();
  const listRef = useRef<HTMLDivElement>(null);
  const { main, probed } = orderAccounts(accounts);
  const selectedIsProbed = probed.some((a) => a.key === selected);
  const [open, setOpen] = useState(false);
  const probedOpen = open || selectedIsProbed || unfoldProbed === true;
  const visible = [...main, ...(probedOpen ? probed : [])];
  const anySelected = visible.some((a) => a.key === selected);
  // The selected account in view, again whenever what is above it changes (the actors arrive later).
  useEffect(() => {
    if (!selected) return;
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-account-key]') ?? [];
    [...rows].find((r) => r.dataset['accountKey'] === selected)?.scrollIntoView({ block: 'nearest' });
  }, [selected, actors.length, main.length, probedOpen]);
  const item = (a: AccountSummary, i: number) => (
    <AccountItem
      key={a.key}
      a={a}
      selected={a.key === selected}
      tabStop={a.key === selected || (!anySelected && i === 0)}
      onSelect={onSelect}
    />
  );
  return (
    <div className="account-groups" data-rows="" ref={listRef}>
      {main.length > 0 && (
        <ul className="account-list" data-testid="account-list">
          {main.map(item)}
        </ul>
      )}
      {actors.length > 0 && (
        <section className="account-group" data-testid="actor-list">
          <h2 className="group-head">Actors ({actors.length})</h2>
          <p className="muted small">Who created, enumerated or probed: each opens everything they did.</p>
          <ul className="account-list">
            {actors.map((a) => (
              <li key={a.display}>
                <button
                  type="button"
                  className="account-item"
                  tabIndex={-1}
                  onClick={() => navigate('entity', { entity: { kind: 'user', key: a.display } })}
                  onKeyDown={rowArrowKeys}
                  data-selectable-row=""
                  data-testid="actor-row"
                >
                  <span className="account-line">
                    <span className="account-name">{a.display}</span>
                    <SeverityBadge severity={a.severity} />
                  </span>
                  <span className="muted small">
                    actor of {a.findings} finding{a.findings === 1 ? '' : 's'} →
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {probed.length > 0 && (
        <section className="account-group" data-testid="probed-group">
          <button
            type="button"
            className="group-toggle"
            aria-expanded={probedOpen}
            onClick={() => setOpen(!probedOpen)}
            onKeyDown={rowArrowKeys}
            data-selectable-row=""
            tabIndex={main.length === 0 && !anySelected ? 0 : -1}
            data-testid="probed-toggle"
          >
            <span aria-hidden="true">{probedOpen ? '▾' : '▸'}</span> Probed usernames{' '}
            <span className="chip">{formatCount(probed.length)}</span>
            <span className="muted small"> tried by password sprays and enumeration; most do not exist</span>
          </button>
          {probedOpen && (
            <ul className="account-list" data-testid="probed-list">
              {probed.map((a, i) => item(a, main.length + i))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
