// The events behind one matrix cell, in the event grid (the cell's own query is the grid's scope), each
// openable raw in the app's raw-event viewer.
import { EventGrid } from '../../common/grid/EventGrid';

export interface MatrixCell {
  host: string;
  telemetry: string;
  /** What the cell counts, in words, for the panel's heading. */
  label: string;
}

const COLUMNS = ['time', 'event_id', 'summary', 'user', 'process'];

export function CellEvents({ cell, onClose }: { cell: MatrixCell; onClose: () => void }) {
  return (
    <EventGrid
      scope={{ kind: 'coverage', host: cell.host, telemetry: cell.telemetry }}
      title={`${cell.label.charAt(0).toUpperCase()}${cell.label.slice(1)} on ${cell.host}`}
      actions={
        <button type="button" className="btn small" onClick={onClose} data-testid="coverage-events-close">
          Close
        </button>
      }
      emptyText="No events in this cell."
      columns={COLUMNS}
      rowTestId="coverage-event-row"
      testId="coverage-events"
      height={420}
      dataAttributes={{ 'data-cell': `${cell.host}/${cell.telemetry}` }}
    />
  );
}
