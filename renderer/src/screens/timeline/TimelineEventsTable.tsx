// The events of the case, or of the range zoomed into on the chart, in the event grid. Summaries quote
// attacker-chosen text (command lines, user names): plain text only.
import { EventGrid } from '../../common/grid/EventGrid';
import type { TimeRange } from './VolumeChart';

const SCOPE = { kind: 'case' } as const;

/** The grid needs no range until the user zooms, so it loads beside the chart rather than after it. */
export function TimelineEventsTable({ range, zoomed }: { range: TimeRange | null; zoomed: boolean }) {
  return (
    <EventGrid
      scope={SCOPE}
      fixedFilters={zoomed && range ? [{ column: 'time', op: 'range', from: range.from, to: range.to }] : []}
      title={zoomed ? 'Events in range' : 'Events'}
      emptyText="No events in this range. Zoom out with “Show whole case”."
      rowTestId="timeline-event-row"
      testId="timeline-events"
      cellTestIds={{ summary: 'timeline-event-summary' }}
      height={560}
      dataAttributes={{ 'data-range': range ? `${range.from}/${range.to}` : '' }}
    />
  );
}
