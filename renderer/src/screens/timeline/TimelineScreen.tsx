// Timeline: event volume over the case by category with finding markers; brush a range to zoom in (the
// engine re-buckets it finer) and read the events of that range below.
import { useState } from 'react';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { EmptyState } from '../../common/EmptyState';
import { ErrorNote } from '../../common/ErrorNote';
import { formatTime } from '../../format/formatTime';
import { VolumeChart, type TimeRange } from './VolumeChart';
import { TimelineEventsTable } from './TimelineEventsTable';
import './timeline.css';

const BUCKETS = 120;

export function TimelineScreen() {
  const { timeZone } = useApp();
  const [zoom, setZoom] = useState<TimeRange | null>(null);
  const timeline = useApiQuery(`timeline:${zoom?.from}:${zoom?.to}`, (api) =>
    api.timeline({ from: zoom?.from, to: zoom?.to, buckets: BUCKETS }),
  );
  const t = timeline.data;
  const range: TimeRange | null = zoom ?? (t ? { from: t.from, to: t.to } : null);
  const empty = t && t.buckets.every((b) => Object.values(b.counts).every((n) => n === 0));

  return (
    <div className="screen-timeline">
      <div className="screen-title row">
        <h1>Timeline</h1>
        {range && !(empty && !zoom) && (
          <span className="muted" data-testid="timeline-range">
            {formatTime(range.from, timeZone)} → {formatTime(range.to, timeZone)}
            {t && ` · ${t.bucketSeconds} s per bar`}
          </span>
        )}
        {zoom && (
          <button type="button" className="btn" onClick={() => setZoom(null)} data-testid="timeline-reset">
            Show whole case
          </button>
        )}
      </div>
      {timeline.error && <ErrorNote message={timeline.error} />}
      {empty && !zoom && (
        <EmptyState title="No events in this case yet" action={{ label: 'Go to Import', screen: 'import' }}>
          Import Windows event XML or Entra ID JSON; the volume of each category appears here.
        </EmptyState>
      )}
      {t && !(empty && !zoom) && (
        <section className="panel chart-panel">
          <VolumeChart timeline={t} onZoom={setZoom} />
          <p className="muted small">
            Drag the handles of the strip under the chart to zoom into a range; coloured lines mark findings.
          </p>
        </section>
      )}
      {!timeline.error && !(empty && !zoom) && <TimelineEventsTable range={range} zoomed={zoom !== null} />}
    </div>
  );
}
