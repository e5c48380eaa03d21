// The events of the chosen range, a page at a time, each openable raw. Summaries quote attacker-chosen
// text (command lines, user names): plain text only.
import { useEffect, useState } from 'react';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { ErrorNote } from '../../common/ErrorNote';
import { Pager } from '../../common/Pager';
import { RawButton } from '../../common/RawButton';
import { formatTime } from '../../format/formatTime';
import type { TimeRange } from './VolumeChart';

const PAGE = 50;

export function TimelineEventsTable({ range }: { range: TimeRange }) {
  const { timeZone } = useApp();
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [range.from, range.to]);
  const events = useApiQuery(`tl-events:${range.from}:${range.to}:${offset}`, (api) =>
    api.timelineEvents({ from: range.from, to: range.to, offset, limit: PAGE }),
  );

  return (
    <section
      className={events.loading ? 'panel loading' : 'panel'}
      data-testid="timeline-events"
      aria-busy={events.loading}
      data-range={`${range.from}/${range.to}`}
    >
      <div className="panel-head">
        <h2>Events in range{events.loading && <span className="muted small"> · loading…</span>}</h2>
        {events.data && <Pager offset={offset} limit={PAGE} total={events.data.total} onChange={setOffset} />}
      </div>
      {events.error && <ErrorNote message={events.error} />}
      {events.data && events.data.rows.length === 0 && (
        <p className="muted">No events in this range. Zoom out with “Show whole case”.</p>
      )}
      {events.data && events.data.rows.length > 0 && (
        <table className="grid compact">
          <thead>
            <tr>
              <th>Time</th>
              <th>Host</th>
              <th>Category</th>
              <th className="num">Event</th>
              <th>Summary</th>
              <th aria-label="Open raw" />
            </tr>
          </thead>
          <tbody>
            {events.data.rows.map((ev) => (
              <tr key={`${ev.source}-${ev.recordNo}`} data-testid="timeline-event-row">
                <td className="nowrap">{formatTime(ev.time, timeZone)}</td>
                <td>{ev.host ?? '—'}</td>
                <td>{ev.category}</td>
                <td className="num">{ev.eventId ?? '—'}</td>
                <td className="wrap summary-cell" data-testid="timeline-event-summary">
                  {ev.summary}
                </td>
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
