// The pivot page's head: what it is, under which names the case knows it (an on-premises account and its
// Entra ID identity side by side, with why they are one person), and the span of its events.
import type { EntityIdentity, EntityPage } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { formatCount } from '../../format/formatNumbers';
import { formatTime } from '../../format/formatTime';

const KIND_WORD: Record<EntityPage['kind'], string> = { user: 'User', host: 'Host', ip: 'IP address' };
const SOURCE_WORD: Record<EntityIdentity['source'], string> = {
  windows: 'On-premises (Windows logs)',
  entra: 'Entra ID (sign-ins and audits)',
};

function Identity({ identity }: { identity: EntityIdentity }) {
  return (
    <li className="identity" data-testid="entity-identity" data-linked-by={identity.linkedBy ?? 'own'}>
      <span className="identity-source small muted">{SOURCE_WORD[identity.source]}</span>
      <span className="identity-name mono">{identity.display}</span>
      {identity.sid && <span className="small muted mono">{identity.sid}</span>}
      {identity.linkedBy && (
        <span className="small">
          <span className="chip chip-link">linked by {identity.linkedBy === 'sid' ? 'SID' : 'name'}</span>{' '}
          <span className="muted">{identity.reason}</span>
        </span>
      )}
      {!identity.linkedBy && identity.reason && <span className="small muted">{identity.reason}</span>}
    </li>
  );
}

export function EntityHeader({ page }: { page: EntityPage }) {
  const { timeZone } = useApp();
  const linked = page.identities.some((i) => i.linkedBy);
  return (
    <header className="entity-head">
      <div className="muted small">{KIND_WORD[page.kind]}</div>
      <h1 className="entity-name mono" data-testid="entity-name">
        {page.display}
      </h1>
      <div className="muted">
        {formatCount(page.total)} event{page.total === 1 ? '' : 's'}
        {page.first && (
          <>
            {' '}
            · {formatTime(page.first, timeZone)} → {formatTime(page.last, timeZone)}
          </>
        )}
      </div>
      {page.identities.length > 1 && (
        <section className="identities" aria-label="Identities">
          <p className="small">
            {linked
              ? 'One person under these names; everything below covers all of them.'
              : 'The same account in both logs; everything below covers both.'}
          </p>
          <ul>
            {page.identities.map((i) => (
              <Identity key={`${i.source}:${i.key}`} identity={i} />
            ))}
          </ul>
        </section>
      )}
    </header>
  );
}
