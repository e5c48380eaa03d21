// The events behind one matrix cell, a page at a time, each openable raw in the app's raw-event viewer.
import { useEffect, useState } from 'react';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { ErrorNote } from '../../common/ErrorNote';
import { Pager } from '../../common/Pager';
import { RawButton } from '../../common/RawButton';
import { formatTime } from '../../format/formatTime';

export interface MatrixCell {
  host: string;
  telemetry: string;
  /** What the cell counts, in words, for the panel's heading. */
  label: string;
}

const PAGE = 50;

export function CellEvents({ cell, onClose }: { cell: MatrixCell; onClose: () => void }) {
  const { timeZone } = useApp();
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [cell.host, cell.telemetry]);
  const events = useApiQuery(`coverage-events:${cell.host}:${cell.telemetry}:${offset}`, (api) =>
    api.coverageEvents({ host: cell.host, telemetry: cell.telemetry, offset, limit: PAGE }),
  );

  return (
    <section
      className={events.loading ? 'panel loading' : 'panel'}
      data-testid="coverage-events"
      aria-busy={events.loading}
      data-cell={`${cell.host}/${cell.telemetry}`}
    >
      <div className="panel-head">
        <h2>
          {cell.label.charAt(0).toUpperCase() + cell.label.slice(1)} on {cell.host}
          {events.loading && <span className="muted small"> · loading…</span>}
        </h2>
        <div className="row">
          {events.data && (
            <Pager offset={offset} limit={PAGE} total={events.data.total} onChange={setOffset} />
          )}
          <button type="button" className="btn small" onClick={onClose} data-testid="coverage-events-close">
            Close
          </button>
        </div>
      </div>
      {events.error && <ErrorNote message={events.error} />}
      {events.data && events.data.rows.length === 0 && <p className="muted">No events on this page.</p>}
      {events.data && events.data.rows.length > 0 && (
        <table className="grid compact">
          <thead>
            <tr>
              <th>Time</th>
              <th className="num">Event</th>
              <th>Summary</th>
              <th aria-label="Open raw" />
            </tr>
          </thead>
          <tbody>
            {events.data.rows.map((ev) => (
              <tr key={`${ev.table}-${ev.source}-${ev.recordNo}`} data-testid="coverage-event-row">
                <td className="nowrap">{formatTime(ev.time, timeZone)}</td>
                <td className="num">{ev.eventId ?? (ev.table === 'signins' ? 'sign-in' : 'audit')}</td>
                <td className="wrap summary-cell">{ev.summary}</td>
                <td>
                  <RawButton table={ev.table} source={ev.source} recordNo={ev.recordNo} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
