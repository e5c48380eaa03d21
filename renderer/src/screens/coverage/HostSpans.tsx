// Each host's span on one shared time axis: a bar from its first to its last event, the silent gaps cut
// out of it (hatched), and log clears marked in red. One axis for all hosts shows at a glance which logs
// overlap the moment that matters and which were silent or wiped through it.
import type { HostCoverage } from '../../../../shared/report';
import { useApp } from '../../app/AppContext';
import { useElementWidth } from '../../common/useElementWidth';
import { shortHost } from '../../format/formatNumbers';
import { formatAxisTime, formatTime, parseTime } from '../../format/formatTime';
import { durationWords } from './durationWords';

const LABEL_W = 190;
const PAD_R = 24;
const LANE = 38;
const TOP = 30;
const TICKS = 6;
const MIN_MARK_PX = 3;
const CLEAR_MERGE_PX = 8;

function laneSummary(host: HostCoverage): string {
  const span = durationWords((parseTime(host.last) - parseTime(host.first)) / 1000);
  if (host.gaps.length === 0) return `${span} · no gap`;
  const longest = Math.max(...host.gaps.map((g) => g.seconds));
  return `${span} · ${host.gaps.length} gap${host.gaps.length === 1 ? '' : 's'}, longest ${durationWords(longest)}`;
}

/** Clears closer than a few pixels share one marker, labelled with how many logs were cleared there. */
function clearClusters(host: HostCoverage, x: (ms: number) => number) {
  const clusters: Array<{ x: number; clears: HostCoverage['logCleared'] }> = [];
  for (const c of host.logCleared) {
    const cx = x(parseTime(c.time));
    const last = clusters[clusters.length - 1];
    if (last && cx - last.x < CLEAR_MERGE_PX) last.clears.push(c);
    else clusters.push({ x: cx, clears: [c] });
  }
  return clusters;
}

export function HostSpans({ hosts, gapSeconds }: { hosts: HostCoverage[]; gapSeconds: number }) {
  const { timeZone } = useApp();
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const lo = Math.min(...hosts.map((h) => parseTime(h.first)));
  const hi = Math.max(lo + 1000, ...hosts.map((h) => parseTime(h.last)));
  const plotW = Math.max(width - LABEL_W - PAD_R, 100);
  const x = (ms: number) => LABEL_W + ((ms - lo) / (hi - lo)) * plotW;
  const height = TOP + hosts.length * LANE + 6;
  const ticks = Array.from({ length: TICKS + 1 }, (_, i) => lo + ((hi - lo) * i) / TICKS);

  return (
    <div ref={ref} className="host-spans" data-testid="coverage-spans">
      <svg width={width} height={height} role="img" aria-label="Time covered by each host's logs">
        <defs>
          <pattern
            id="gap-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="gap-hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="gap-hatch-line" />
          </pattern>
        </defs>
        {ticks.map((t, i) => (
          <g key={i}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 6} y2={height - 4} className="span-grid" />
            <text
              x={x(t)}
              y={TOP - 12}
              className="span-tick"
              textAnchor={i === 0 ? 'start' : i === TICKS ? 'end' : 'middle'}
            >
              {formatAxisTime(t, timeZone, hi - lo)}
            </text>
          </g>
        ))}
        {hosts.map((host, i) => {
          const y = TOP + i * LANE;
          const x0 = x(parseTime(host.first));
          const x1 = Math.max(x(parseTime(host.last)), x0 + MIN_MARK_PX);
          return (
            <g key={host.host} data-testid="span-lane" data-host={host.host}>
              <text x={0} y={y + 15} className="span-host">
                {host.kind === 'entra' ? host.host : shortHost(host.host)}
              </text>
              <text x={0} y={y + 30} className="span-sub">
                {laneSummary(host)}
              </text>
              <rect
                x={x0}
                y={y + 8}
                width={x1 - x0}
                height={16}
                rx={3}
                className={host.kind === 'entra' ? 'span-bar entra' : 'span-bar'}
              >
                <title>{`${host.host}: ${formatTime(host.first, timeZone)} → ${formatTime(host.last, timeZone)}`}</title>
              </rect>
              {host.gaps.map((g) => {
                const gx = x(parseTime(g.from));
                return (
                  <rect
                    key={g.from}
                    x={gx}
                    y={y + 8}
                    width={Math.max(x(parseTime(g.to)) - gx, 2)}
                    height={16}
                    className="span-gap"
                    fill="url(#gap-hatch)"
                    data-testid="span-gap"
                  >
                    <title>{`silent ${durationWords(g.seconds)}: ${formatTime(g.from, timeZone)} → ${formatTime(g.to, timeZone)}`}</title>
                  </rect>
                );
              })}
              {clearClusters(host, x).map((cluster) => {
                const cx = cluster.x;
                const first = cluster.clears[0]!;
                return (
                  <g key={`${first.source}-${first.recordNo}`} data-testid="span-clear">
                    <title>
                      {cluster.clears
                        .map(
                          (c) =>
                            `${c.channel ?? 'a'} log cleared (${c.eventId}) at ${formatTime(c.time, timeZone)} by ${c.user ?? 'an unknown user'}`,
                        )
                        .join('\n')}
                    </title>
                    <line x1={cx} x2={cx} y1={y + 3} y2={y + 29} className="span-clear" />
                    <path
                      d={`M ${cx - 5} ${y + 1} L ${cx + 5} ${y + 1} L ${cx} ${y + 8} Z`}
                      className="span-clear-mark"
                    />
                    <text x={cx + 8} y={y + 6} className="span-clear-label">
                      {cluster.clears.length === 1 ? 'log cleared' : `${cluster.clears.length} logs cleared`}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <p className="muted small span-legend">
        <span className="legend-swatch span" aria-hidden="true" /> first to last event ·{' '}
        <span className="legend-swatch gap" aria-hidden="true" /> gap: no event at all for more than{' '}
        {durationWords(gapSeconds)} ·{' '}
        <span className="legend-mark clear" aria-hidden="true">
          ▼
        </span>{' '}
        log cleared (1102 / 104) — events before it are gone from that log.
      </p>
    </div>
  );
}
