// A table of events, one row each, with the columns its screen asks for. The cells every event table
// shares (its time in the display zone, its event id in words, the button that opens it raw) are
// built by the column helpers below, so the screens only say which columns they show.
import type { ReactNode, TdHTMLAttributes } from 'react';
import type { RawEvent } from '../../../shared/api';
import { useApp } from '../app/AppContext';
import { eventLabel } from '../format/eventLabel';
import { formatTime } from '../format/formatTime';
import { RawButton } from './RawButton';
import './EventTable.css';

export interface EventColumn<Row> {
  /** The heading's text; a column without one names itself to screen readers with `ariaLabel`. */
  head: string;
  ariaLabel?: string;
  /** On the heading and the cells (`num` right-aligns both). */
  className?: string;
  /** On the cells only (`nowrap`, `wrap summary-cell`). */
  cellClassName?: string;
  cell: (row: Row) => ReactNode;
  /** Further attributes of each cell: a tooltip, a test id. */
  cellProps?: (row: Row) => TdHTMLAttributes<HTMLTableCellElement> & { 'data-testid'?: string };
}

interface EventTableProps<Row> {
  rows: readonly Row[];
  columns: readonly EventColumn<Row>[];
  rowKey: (row: Row, index: number) => string;
  rowTestId: string;
  testId?: string;
}

export function EventTable<Row>({ rows, columns, rowKey, rowTestId, testId }: EventTableProps<Row>) {
  const joined = (...names: Array<string | undefined>) => names.filter(Boolean).join(' ') || undefined;
  return (
    <table className="grid compact" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} className={c.className} aria-label={c.ariaLabel}>
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={rowKey(row, r)} data-testid={rowTestId}>
            {columns.map((c, i) => (
              <td key={i} {...c.cellProps?.(row)} className={joined(c.className, c.cellClassName)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A time in the display zone, as plain text. */
function EventTime({ iso }: { iso: string | null | undefined }) {
  const { timeZone } = useApp();
  return <>{formatTime(iso, timeZone)}</>;
}

interface EventRow {
  time: string;
  table?: RawEvent['table'];
  source?: string;
  recordNo?: number;
  eventId?: number | null;
}

export function timeColumn<Row extends EventRow>(): EventColumn<Row> {
  return { head: 'Time', cellClassName: 'nowrap', cell: (row) => <EventTime iso={row.time} /> };
}

/** The event id; Entra rows, which have none, say what they are. */
export function eventColumn<Row extends EventRow>(className?: string): EventColumn<Row> {
  return { head: 'Event', className, cell: (row) => eventLabel(row.table, row.eventId) };
}

export function rawColumn<Row extends EventRow>(): EventColumn<Row> {
  return {
    head: '',
    ariaLabel: 'Open raw',
    cell: (row) => <RawButton table={row.table} source={row.source} recordNo={row.recordNo} />,
  };
}
