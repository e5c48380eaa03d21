// The story's events as a table: exact time, relative time, host, event id and a way to the raw record.
import type { StoryEvent } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { PivotLink } from '../../common/PivotLink';
import { RawButton } from '../../common/RawButton';
import { formatRelative, formatTime, parseTime } from '../../format/formatTime';
import { storyReference } from './storyReference';
import './accounts.css';

export function StoryEventsTable({ events }: { events: StoryEvent[] }) {
  const { timeZone } = useApp();
  if (events.length === 0) return null;
  const ref = storyReference(events);
  return (
    <table className="grid compact" data-testid="story-events">
      <thead>
        <tr>
          <th>Time</th>
          <th className="num">Offset</th>
          <th>Host</th>
          <th>Event</th>
          <th>What</th>
          <th aria-label="Open raw" />
        </tr>
      </thead>
      <tbody>
        {events.map((ev, i) => (
          <tr key={`${ev.time}-${i}`} data-testid="story-event">
            <td className="nowrap">{formatTime(ev.time, timeZone)}</td>
            <td className="num nowrap">{formatRelative(parseTime(ev.time), ref)}</td>
            <td>{ev.host ? <PivotLink kind="host" value={ev.host} /> : '—'}</td>
            <td>
              <span className={`kind kind-${ev.kind}`}>{ev.kind}</span> {ev.eventId ?? ''}
            </td>
            <td className="wrap">{ev.label}</td>
            <td>
              <RawButton table={ev.ref?.table} source={ev.ref?.source} recordNo={ev.ref?.recordNo} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
