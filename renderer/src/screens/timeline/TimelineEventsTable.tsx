// The events of the chosen range, a page at a time, each openable raw. Summaries quote attacker-chosen
// text (command lines, user names): plain text only.
import type { TimelineEvent } from '../../../../shared/api';
import { rawColumn, timeColumn, type EventColumn } from '../../common/EventTable';
import { PagedEventTable } from '../../common/PagedEventTable';
import type { TimeRange } from './VolumeChart';

const COLUMNS: EventColumn<TimelineEvent>[] = [
  timeColumn(),
  { head: 'Host', cell: (ev) => ev.host ?? '—' },
  { head: 'Category', cell: (ev) => ev.category },
  // The category beside it already says sign-in or audit, so an Entra row's missing id is just a dash.
  { head: 'Event', className: 'num', cell: (ev) => ev.eventId ?? '—' },
  {
    head: 'Summary',
    cellClassName: 'wrap summary-cell',
    cell: (ev) => ev.summary,
    cellProps: () => ({ 'data-testid': 'timeline-event-summary' }),
  },
  rawColumn(),
];

export function TimelineEventsTable({ range }: { range: TimeRange }) {
  return (
    <PagedEventTable
      queryKey={`tl-events:${range.from}:${range.to}`}
      load={(api, page) => api.timelineEvents({ from: range.from, to: range.to, ...page })}
      title="Events in range"
      emptyText="No events in this range. Zoom out with “Show whole case”."
      columns={COLUMNS}
      rowKey={(ev) => `${ev.source}-${ev.recordNo}`}
      rowTestId="timeline-event-row"
      testId="timeline-events"
      dataAttributes={{ 'data-range': `${range.from}/${range.to}` }}
    />
  );
}
