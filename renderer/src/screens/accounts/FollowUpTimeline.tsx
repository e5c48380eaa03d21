// The story's events on a time axis, one lane per event so no label hides another. The axis is logarithmic
// in the offset from creation: follow-ups cluster in the first seconds and minutes but can run for hours,
// and a linear axis would squash "+4 s" and "+40 s" into one dot.
import type { StoryEvent } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { useElementWidth } from '../../common/useElementWidth';
import { formatRelative, formatTime, parseTime } from '../../format/formatTime';
import { storyReference } from './storyReference';
import './accounts.css';

const TICKS_S = [-86400, -3600, -600, -60, -10, 0, 10, 60, 600, 3600, 86400];
const LANE = 26;
const TOP = 44;
const PAD = 24;
const MAX_LABEL = 80;

function symlog(seconds: number): number {
  return Math.sign(seconds) * Math.log10(1 + Math.abs(seconds));
}

export function FollowUpTimeline({ events }: { events: StoryEvent[] }) {
  const { timeZone } = useApp();
  const { ref, width } = useElementWidth<HTMLDivElement>();
  if (events.length === 0) {
    return (
      <div ref={ref} className="followup" data-testid="followup-timeline">
        <p className="muted">No events recorded for this account after it appeared.</p>
      </div>
    );
  }
  const reference = storyReference(events);
  const offsets = events.map((e) => (parseTime(e.time) - reference) / 1000);
  const lo = Math.min(0, ...offsets.map(symlog));
  // At least a minute of axis, so even a story of two events a second apart gets labelled ticks.
  const hi = Math.max(symlog(60), ...offsets.map(symlog));
  const span = hi - lo || 1;
  const x = (seconds: number) => PAD + ((symlog(seconds) - lo) / span) * (width - 2 * PAD);
  const height = TOP + events.length * LANE + 8;
  const ticks = TICKS_S.filter((t) => symlog(t) >= lo - 0.01 && symlog(t) <= hi + 0.01);
  const hasCreation = events.some((e) => e.kind === 'created');

  return (
    <div ref={ref} className="followup" data-testid="followup-timeline">
      <svg width={width} height={height} role="img" aria-label="Account events on a time axis">
        <line x1={PAD} x2={width - PAD} y1={TOP - 14} y2={TOP - 14} className="tl-axis" />
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={TOP - 18}
              y2={height - 4}
              className={t === 0 ? 'tl-zero' : 'tl-grid'}
            />
            <text x={x(t)} y={TOP - 24} className="tl-tick" textAnchor="middle">
              {t === 0 ? (hasCreation ? 'created' : 'first') : formatRelative(t * 1000, 0)}
            </text>
          </g>
        ))}
        {events.map((ev, i) => {
          const cx = x(offsets[i]!);
          const cy = TOP + i * LANE + LANE / 2;
          const rightSide = cx < width * 0.55;
          const text = `${formatRelative(parseTime(ev.time), reference)}  ${ev.label}`;
          return (
            <g key={`${ev.time}-${i}`} data-testid="followup-point">
              <title>{`${formatTime(ev.time, timeZone)} — ${ev.label}${ev.host ? ` on ${ev.host}` : ''}`}</title>
              <circle cx={cx} cy={cy} r={6} className={`tl-dot kind-${ev.kind}`} />
              <text
                x={rightSide ? cx + 12 : cx - 12}
                y={cy + 4}
                textAnchor={rightSide ? 'start' : 'end'}
                className="tl-label"
              >
                {text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="muted small">
        Time axis is logarithmic from the {hasCreation ? 'creation' : 'first event'}; exact times are in the
        table below and on hover.
      </p>
    </div>
  );
}
