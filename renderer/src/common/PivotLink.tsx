// A user, a host or an IP address, wherever the app names one, as a link to its own page: everything the
// case holds about it (screens/entity). Inside a selectable row it opens the page without selecting the row.
import type { ReactNode } from 'react';
import type { EntityKind } from '../../../shared/api';
import { useApp } from '../app/AppContext';
import './PivotLink.css';

const WHAT: Record<EntityKind, string> = { user: 'account', host: 'host', ip: 'address' };

interface PivotLinkProps {
  kind: EntityKind;
  value: string;
  /** What to show, when not the value itself (a short host name). */
  children?: ReactNode;
  className?: string;
  /** -1 inside a selectable row: the table stays one Tab stop, and its detail pane offers the same link. */
  tabIndex?: number;
}

export function PivotLink({ kind, value, children, className, tabIndex }: PivotLinkProps) {
  const { navigate } = useApp();
  return (
    <button
      type="button"
      className={['pivot-link', kind === 'ip' && 'pivot-ip', className].filter(Boolean).join(' ')}
      title={`Everything the case holds about this ${WHAT[kind]}: ${value}`}
      onClick={(e) => {
        e.stopPropagation();
        navigate('entity', { entity: { kind, key: value } });
      }}
      onKeyDown={(e) => e.stopPropagation()}
      tabIndex={tabIndex}
      data-testid={`pivot-${kind}`}
      data-pivot={value}
    >
      {children ?? value}
    </button>
  );
}

/** Several values of one kind, comma-separated, each a link. */
export function PivotList({
  kind,
  values,
  empty = '—',
}: {
  kind: EntityKind;
  values: string[];
  empty?: string;
}) {
  if (values.length === 0) return <>{empty}</>;
  return (
    <>
      {values.map((v, i) => (
        <span key={`${v}-${i}`}>
          {i > 0 && ', '}
          <PivotLink kind={kind} value={v} />
        </span>
      ))}
    </>
  );
}
