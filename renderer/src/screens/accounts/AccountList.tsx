// The accounts that have a story, each with what happened to it (created / enumerated / probed) at a glance.
import type { AccountSummary } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { SeverityBadge } from '../../common/SeverityBadge';
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

interface AccountListProps {
  accounts: AccountSummary[];
  selected: string | undefined;
  onSelect: (key: string) => void;
}

export function AccountList({ accounts, selected, onSelect }: AccountListProps) {
  const { timeZone } = useApp();
  return (
    <ul className="account-list" data-testid="account-list">
      {accounts.map((a) => (
        <li key={a.key}>
          <button
            type="button"
            className={a.key === selected ? 'account-item selected' : 'account-item'}
            aria-current={a.key === selected ? 'true' : undefined}
            onClick={() => onSelect(a.key)}
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
      ))}
    </ul>
  );
}
