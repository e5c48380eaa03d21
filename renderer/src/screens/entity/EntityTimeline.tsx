// The entity's whole timeline in the event grid (its scope: the events the page is about, each with the
// entity's role in it), with every filter, find, sort, group, column and export the grid has. The chips
// above it narrow it to some categories at a glance, each with its count; every event opens raw, and a
// process start opens from there as its process tree.
import { useState } from 'react';
import type { EntityRef } from '../../../../shared/api';
import type { GridFilter, GridScope } from '../../../../shared/eventGrid';
import { EventGrid } from '../../common/grid/EventGrid';
import { formatCount } from '../../format/formatNumbers';

const COLUMNS = ['time', 'host', 'event_id', 'category', 'role', 'summary'];
// The role beside the Timeline's columns, the summary still in sight.
const WIDTHS = { time: 200, host: 140, event_id: 80, category: 110, role: 90, summary: 480 };

const ROLE_HINT: Record<EntityRef['kind'], string> = {
  user: 'Role: actor (the account did it) or target (it was done to the account).',
  host: 'Role: on-host (the host logged it) or from-host (a logon or check came from it).',
  ip: 'Role: source (the address the logon, sign-in or change came from).',
};

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
  const scope: GridScope = { kind: 'entity', entity: entity.kind, key: entity.key };
  const fixed: GridFilter[] = off.length > 0 ? [{ column: 'category', op: 'in', values: shown }] : [];
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
      <EventGrid
        scope={scope}
        fixedFilters={fixed}
        title="Timeline"
        actions={<span className="muted small">{ROLE_HINT[entity.kind]}</span>}
        columns={COLUMNS}
        widths={WIDTHS}
        rowTestId="entity-event-row"
        testId="entity-timeline"
        cellTestIds={{ summary: 'entity-event-summary', role: 'entity-event-role' }}
        height={560}
        emptyText="No events in the chosen categories."
      />
    </>
  );
}
