// Every event a finding rests on, each openable in its raw form. A finding's evidence comes whole with the
// finding, so this table has no pager.
import type { EvidenceRef } from '../../../../shared/report';
import { EventTable, eventColumn, rawColumn, timeColumn, type EventColumn } from '../../common/EventTable';

const COLUMNS: EventColumn<EvidenceRef>[] = [
  timeColumn(),
  eventColumn(),
  { head: 'Role', cell: (ev) => ev.role ?? '—' },
  {
    head: 'Record',
    className: 'num',
    cell: (ev) => ev.recordId ?? ev.recordNo ?? '—',
    cellProps: (ev) => ({ title: `source ${ev.source}` }),
  },
  rawColumn(),
];

export function EvidenceList({ evidence }: { evidence: EvidenceRef[] }) {
  if (evidence.length === 0) return <p className="muted">The analytic recorded no evidence events.</p>;
  return (
    <EventTable
      rows={evidence}
      columns={COLUMNS}
      rowKey={(ev, i) => `${ev.source}-${ev.recordNo ?? ev.recordId}-${i}`}
      rowTestId="evidence-row"
      testId="evidence-list"
    />
  );
}
