// Stacked bars of event counts per time bucket and category, with a vertical line per finding coloured by
// severity, and a brush that asks the engine for a finer view of the brushed range.
import { useMemo, useRef } from 'react';
import {
  Bar,
  BarChart,
  Brush,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Timeline } from '../../../../shared/api';
import type { Severity } from '../../../../shared/report';
import { useApp } from '../../app/AppContext';
import { formatAxisTime, formatMs, parseTime } from '../../format/formatTime';
import { categoryColor } from '../../format/categoryColors';
import { SEVERITIES, SEVERITY_COLORS } from '../../format/securityTerms';
import { MarkerLegend } from './MarkerLegend';

export interface TimeRange {
  from: string;
  to: string;
}

type Row = { t: number } & Record<string, number>;

/** Findings snapped to the bar they fall in; one line per bar, in the colour of its worst finding. */
function markerLines(timeline: Timeline, starts: number[]) {
  const byBucket = new Map<number, { severity: Severity; count: number }>();
  const step = timeline.bucketSeconds * 1000;
  for (const m of timeline.markers) {
    const ms = parseTime(m.time);
    const bucket =
      starts.find((s) => ms >= s && ms < s + step) ??
      (ms >= (starts.at(-1) ?? 0) ? starts.at(-1) : undefined);
    if (bucket == null) continue;
    const prev = byBucket.get(bucket);
    const worse = !prev || SEVERITIES.indexOf(m.severity) < SEVERITIES.indexOf(prev.severity);
    byBucket.set(bucket, { severity: worse ? m.severity : prev.severity, count: (prev?.count ?? 0) + 1 });
  }
  return [...byBucket.entries()];
}

export function VolumeChart({ timeline, onZoom }: { timeline: Timeline; onZoom: (r: TimeRange) => void }) {
  const { timeZone } = useApp();
  const brushed = useRef<{ startIndex?: number; endIndex?: number }>({});
  const rows: Row[] = useMemo(
    () => timeline.buckets.map((b) => ({ ...b.counts, t: parseTime(b.t) }) as Row),
    [timeline],
  );
  // Categories with nothing in view would only crowd the legend.
  const shown = timeline.categories.filter((c) => timeline.buckets.some((b) => (b.counts[c] ?? 0) > 0));
  const starts = rows.map((r) => r.t);
  const span = (starts.at(-1) ?? 0) - (starts[0] ?? 0);
  const markers = markerLines(timeline, starts);
  const axisLabel = (v: number) => formatAxisTime(v, timeZone, span);

  const commitBrush = () => {
    const { startIndex, endIndex } = brushed.current;
    if (startIndex == null || endIndex == null) return;
    if (startIndex === 0 && endIndex === rows.length - 1) return;
    const from = new Date(rows[startIndex]!.t).toISOString();
    const to = new Date(rows[endIndex]!.t + timeline.bucketSeconds * 1000).toISOString();
    onZoom({ from, to });
  };

  return (
    <div className="volume-chart" data-testid="timeline-chart">
      <ResponsiveContainer width="100%" height={380}>
        {/* Keyed by range: recharts keeps the brush position in the chart's own store, so only a new chart
            starts the brush over the whole of a freshly zoomed range. */}
        <BarChart
          key={`${timeline.from}-${timeline.to}`}
          data={rows}
          margin={{ top: 20, right: 24, bottom: 8, left: 8 }}
          barCategoryGap={1}
        >
          <CartesianGrid stroke="#2c3440" vertical={false} />
          <XAxis dataKey="t" tickFormatter={axisLabel} stroke="#9aa7b4" minTickGap={40} />
          <YAxis stroke="#9aa7b4" allowDecimals={false} width={56} />
          <Tooltip
            labelFormatter={(v) => formatMs(Number(v), timeZone)}
            contentStyle={{ background: '#1b222c', border: '1px solid #3a4656', color: '#e6edf3' }}
            itemStyle={{ color: '#e6edf3' }}
          />
          <Legend wrapperStyle={{ color: '#c9d4df' }} />
          {shown.map((c) => (
            <Bar
              key={c}
              dataKey={c}
              name={c}
              stackId="volume"
              fill={categoryColor(c, timeline.categories.indexOf(c))}
              isAnimationActive={false}
            />
          ))}
          {markers.map(([t, m]) => (
            <ReferenceLine
              key={t}
              x={t}
              stroke={SEVERITY_COLORS[m.severity]}
              strokeWidth={2}
              strokeDasharray="4 3"
              label={{
                value: m.count > 1 ? `${m.count}` : '◆',
                position: 'top',
                fill: SEVERITY_COLORS[m.severity],
                fontSize: 12,
              }}
            />
          ))}
          <Brush
            dataKey="t"
            height={28}
            stroke="#6cb6ff"
            fill="#151a21"
            travellerWidth={10}
            tickFormatter={axisLabel}
            onChange={(r) => {
              brushed.current = { startIndex: r.startIndex, endIndex: r.endIndex };
            }}
            onDragEnd={commitBrush}
          />
        </BarChart>
      </ResponsiveContainer>
      <MarkerLegend markers={timeline.markers} />
    </div>
  );
}
