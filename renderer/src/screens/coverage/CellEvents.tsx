// The events behind one matrix cell, a page at a time, each openable raw in the app's raw-event viewer.
import type { TimelineEvent } from '../../../../shared/api';
import { eventColumn, rawColumn, timeColumn, type EventColumn } from '../../common/EventTable';
import { PagedEventTable } from '../../common/PagedEventTable';

export interface MatrixCell {
  host: string;
  telemetry: string;
  /** What the cell counts, in words, for the panel's heading. */
  label: string;
}

const COLUMNS: EventColumn<TimelineEvent>[] = [
  timeColumn(),
  eventColumn('num'),
  { head: 'Summary', cellClassName: 'wrap summary-cell', cell: (ev) => ev.summary },
  rawColumn(),
];

export function CellEvents({ cell, onClose }: { cell: MatrixCell; onClose: () => void }) {
  return (
    <PagedEventTable
      queryKey={`coverage-events:${cell.host}:${cell.telemetry}`}
      load={(api, page) => api.coverageEvents({ host: cell.host, telemetry: cell.telemetry, ...page })}
      title={
        <>
          {cell.label.charAt(0).toUpperCase() + cell.label.slice(1)} on {cell.host}
        </>
      }
      actions={
        <button type="button" className="btn small" onClick={onClose} data-testid="coverage-events-close">
          Close
        </button>
      }
      emptyText="No events on this page."
      columns={COLUMNS}
      rowKey={(ev) => `${ev.table}-${ev.source}-${ev.recordNo}`}
      rowTestId="coverage-event-row"
      testId="coverage-events"
      dataAttributes={{ 'data-cell': `${cell.host}/${cell.telemetry}` }}
    />
  );
}
