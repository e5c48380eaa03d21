// The entity's whole timeline, a page at a time, narrowed to some categories with the chips above it
// (each with its count). Every event opens raw; a process start also opens as a process tree.
import { useState } from 'react';
import type { EntityEvent, EntityRef } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { eventColumn, rawColumn, timeColumn, type EventColumn } from '../../common/EventTable';
import { PagedEventTable } from '../../common/PagedEventTable';
import { PivotLink } from '../../common/PivotLink';
import { formatCount, shortHost } from '../../format/formatNumbers';

const ROLE_WORD: Record<EntityEvent['role'], string> = {
  actor: 'did it',
  target: 'done to it',
  'on-host': 'on it',
  'from-host': 'from it',
  source: 'from it',
};

function TreeButton({ event }: { event: EntityEvent }) {
  const { navigate } = useApp();
  if (event.category !== 'process' || event.table !== 'win_events' || !event.host) return null;
  return (
    <button
      type="button"
      className="btn small"
      title="This process with its parents, and its children and siblings in its logon session"
      data-testid="open-tree"
      onClick={() => navigate('process', { process: { source: event.source, recordNo: event.recordNo } })}
    >
      Tree
    </button>
  );
}

const COLUMNS: EventColumn<EntityEvent>[] = [
  timeColumn(),
  {
    head: 'Host',
    cell: (ev) =>
      ev.host ? (
        <PivotLink kind="host" value={ev.host}>
          {shortHost(ev.host)}
        </PivotLink>
      ) : (
        '—'
      ),
  },
  { head: 'Category', cell: (ev) => ev.category },
  eventColumn('num'),
  { head: 'Role', cellClassName: 'nowrap small', cell: (ev) => ROLE_WORD[ev.role] },
  {
    head: 'Summary',
    cellClassName: 'wrap summary-cell',
    cell: (ev) => ev.summary,
    cellProps: () => ({ 'data-testid': 'entity-event-summary' }),
  },
  { head: '', ariaLabel: 'Process tree', cell: (ev) => <TreeButton event={ev} /> },
  rawColumn(),
];

export function EntityTimeline({
  entity,
  categories,
}: {
  entity: EntityRef;
  categories: Record<string, number>;
}) {
  const names = Object.keys(categories).sort((a, b) => categories[b]! - categories[a]!);
  const [off, setOff] = useState<string[]>([]);
  const shown = names.filter((n) => !off.includes(n));
  const toggle = (name: string) =>
    setOff((current) => (current.includes(name) ? current.filter((n) => n !== name) : [...current, name]));
  return (
    <>
      <div className="row wrap-row entity-categories" role="group" aria-label="Categories shown">
        {names.map((n) => (
          <label key={n} className={off.includes(n) ? 'toggle' : 'toggle on'}>
            <input
              type="checkbox"
              checked={!off.includes(n)}
              onChange={() => toggle(n)}
              data-testid="entity-category"
              data-category={n}
            />
            {n} <span className="muted">{formatCount(categories[n]!)}</span>
          </label>
        ))}
      </div>
      <PagedEventTable
        queryKey={`entity-events:${entity.kind}:${entity.key}:${shown.join(',')}`}
        load={(api, page) =>
          api.entityEvents({ ...entity, ...(off.length > 0 ? { categories: shown } : {}), ...page })
        }
        title="Timeline"
        emptyText="No events in the chosen categories."
        columns={COLUMNS}
        rowKey={(ev) => `${ev.source}-${ev.recordNo}`}
        rowTestId="entity-event-row"
        testId="entity-timeline"
        pageSize={100}
      />
    </>
  );
}
