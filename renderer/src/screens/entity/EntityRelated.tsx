// Who and what the entity met: the accounts (logons and sign-ins), hosts and addresses its events name,
// most frequent first, each a pivot of its own. A long list (the names a spray tried) shows its first
// rows and opens whole on request.
import { useState } from 'react';
import type { EntityCount, EntityKind, EntityPage } from '../../../../shared/api';
import { PivotLink } from '../../common/PivotLink';
import { formatCount, shortHost } from '../../format/formatNumbers';

const SHOWN = 24;

function Related({
  title,
  kind,
  items,
  total,
  self,
}: {
  title: string;
  kind: EntityKind;
  items: EntityCount[];
  total: number;
  self: string;
}) {
  const [all, setAll] = useState(false);
  const others = items.filter((i) => i.value.toLowerCase() !== self.toLowerCase());
  if (others.length === 0) return null;
  const shown = all ? others : others.slice(0, SHOWN);
  return (
    <div className="related" data-testid={`entity-related-${kind}`}>
      <h3>
        {title} <span className="muted small">({formatCount(total)})</span>
      </h3>
      <ul className="related-list">
        {shown.map((i) => (
          <li key={i.value}>
            <PivotLink kind={kind} value={i.value}>
              {kind === 'host' ? shortHost(i.value) : i.value}
            </PivotLink>{' '}
            <span className="muted small">×{formatCount(i.count)}</span>
          </li>
        ))}
      </ul>
      {others.length > shown.length && (
        <button type="button" className="btn link small" onClick={() => setAll(true)}>
          Show all {formatCount(others.length)}
        </button>
      )}
      {total > items.length && (
        <p className="muted small">
          The {formatCount(items.length)} most frequent of {formatCount(total)} are listed.
        </p>
      )}
    </div>
  );
}

export function EntityRelated({ page }: { page: EntityPage }) {
  const { related } = page;
  const any = related.users.length + related.hosts.length + related.ips.length > 0;
  if (!any) return null;
  return (
    <section className="panel entity-related" data-testid="entity-related">
      <h2>Met</h2>
      <div className="related-columns">
        <Related
          title={page.kind === 'user' ? 'As' : 'Accounts'}
          kind="user"
          items={related.users}
          total={related.totals.users}
          self={page.kind === 'user' ? '' : page.display}
        />
        <Related
          title="Hosts"
          kind="host"
          items={related.hosts}
          total={related.totals.hosts}
          self={page.kind === 'host' ? page.display : ''}
        />
        <Related
          title="Addresses"
          kind="ip"
          items={related.ips}
          total={related.totals.ips}
          self={page.kind === 'ip' ? page.display : ''}
        />
      </div>
    </section>
  );
}
