// The report's coverage section: which telemetry each host's logs hold, the span they cover, the silent
// gaps, the log clears and who made them, and where each analytic is blind — so a client reading "no
// finding" knows whether that means "nothing happened" or "nothing could have been seen".
import {
  ENTRA_HOST,
  TELEMETRY,
  TELEMETRY_GROUP_NAMES,
  telemetryState,
  thinReason,
  type TelemetrySpec,
} from '../../../shared/coverageTelemetry.js';
import type { AnalyticInfo, CoverageGap, CoverageState, HostCoverage } from '../../../shared/report.js';
import { h, type RawHtml } from './htmlEscape.js';
import { UTC_CLOCK, type ReportClock } from './reportClock.js';

/** The most gaps listed per host; the rest are counted. */
const MAX_GAPS_SHOWN = 5;

const STATE_WORDS: Record<CoverageState, string> = { full: 'full', partial: 'partial', blind: 'blind' };

export const COVERAGE_CSS = `
.cov { font-size: 12px; width: auto; display: inline-table; margin-right: 16px; vertical-align: top; }
.cov-times td, .cov-times th { white-space: nowrap; }
.cov th, .cov td { padding: 3px 5px; }
.cov td.cell { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.cov td.present { background: #e3f4e8; } .cov td.thin { background: #fff1c9; } .cov td.absent { color: #8a93a3; }
.cov th.group { text-align: center; border-bottom: 1px solid var(--ink); }
.state { font-weight: 600; white-space: nowrap; }
.state.full { color: #1f6f3b; } .state.partial { color: #8a5a00; } .state.blind { color: var(--high); }
`;

function duration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = seconds / 3600;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} d`;
}

function cell(host: HostCoverage, spec: TelemetrySpec): RawHtml {
  const state = telemetryState(host, spec.key);
  const count = host.telemetry[spec.key] ?? 0;
  const why = thinReason(host, spec.key);
  if (state === 'absent') return h`<td class="cell absent" title="absent">none</td>`;
  return h`<td class="cell ${state}" title="${why || state}">${count.toLocaleString('en-US')}${state === 'thin' ? ' (thin)' : ''}</td>`;
}

/** One table per telemetry group keeps every table inside a printed page's width. */
function matrix(hosts: readonly HostCoverage[], specs: readonly TelemetrySpec[]): RawHtml {
  const groups = [...new Set(specs.map((s) => s.group))];
  return h`${groups.map((g) => {
    const columns = specs.filter((s) => s.group === g);
    const head = columns.map((s) => h`<th title="${s.title}">${s.label}</th>`);
    const rows = hosts.map((host) => h`<tr><th>${host.host}</th>${columns.map((s) => cell(host, s))}</tr>`);
    return h`<table class="cov"><thead><tr><th></th><th class="group" colspan="${columns.length}">${TELEMETRY_GROUP_NAMES[g]}</th></tr>
      <tr><th>host</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  })}`;
}

function gapText(g: CoverageGap, clock: ReportClock): string {
  const from = clock.short(g.from);
  const to = clock.short(g.to);
  // A gap inside one day reads better with the day said once.
  const end = from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to;
  return `${from} → ${end} (${duration(g.seconds)})`;
}

function spans(hosts: readonly HostCoverage[], clock: ReportClock): RawHtml {
  const rows = hosts.map((c) => {
    const silent = c.gaps.reduce((sum, g) => sum + g.seconds, 0);
    const longest = [...c.gaps].sort((a, b) => b.seconds - a.seconds).slice(0, MAX_GAPS_SHOWN);
    const gaps =
      c.gaps.length === 0
        ? 'none'
        : h`${c.gaps.length} gap(s), ${duration(silent)} silent in all; ${c.gaps.length > MAX_GAPS_SHOWN ? `the ${MAX_GAPS_SHOWN} longest: ` : ''}${longest.map((g) => gapText(g, clock)).join('; ')}`;
    return h`<tr><th class="nowrap">${c.host}</th><td class="nowrap">${clock.short(c.first)}</td><td class="nowrap">${clock.short(c.last)}</td>
      <td class="num">${(c.events ?? 0).toLocaleString('en-US')}</td><td>${gaps}</td></tr>`;
  });
  return h`<table><thead><tr><th>host</th><th>first event</th><th>last event</th><th class="num">events</th><th>gaps</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

function clears(hosts: readonly HostCoverage[], clock: ReportClock): RawHtml {
  const rows = hosts.flatMap((c) =>
    c.logCleared.map(
      (
        l,
      ) => h`<tr><th>${c.host}</th><td class="nowrap">${clock.short(l.time)}</td><td class="num">${l.eventId}</td><td>${l.channel ?? ''}</td>
        <td>${l.user ?? 'unknown'}</td><td class="mono">win_events:${l.source}:${l.recordNo}</td></tr>`,
    ),
  );
  if (rows.length === 0)
    return h`<p>No log was cleared (no Security 1102, no System 104) in the imported logs.</p>`;
  return h`<p>Events logged before a clear are gone from that log: a missing finding before these times means little.</p>
    <table><thead><tr><th>host</th><th>time</th><th class="num">event</th><th>log cleared</th><th>cleared by</th><th>evidence id</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

/** Each analytic's verdict per host, in the order the report lists the analytics. */
function verdicts(
  hosts: readonly HostCoverage[],
  analytics: ReadonlyArray<Pick<AnalyticInfo, 'id' | 'name'>>,
): RawHtml {
  return h`${analytics.map(({ id, name }) => {
    const rows = hosts.map((c) => {
      const v = c.analytics[id] ?? { state: 'blind', reason: 'not assessed when this report was made' };
      return h`<tr><th>${c.host}</th><td><span class="state ${v.state}">${STATE_WORDS[v.state]}</span></td><td>${v.reason}</td></tr>`;
    });
    return h`<h3>${id} — ${name}</h3><table><thead><tr><th>host</th><th>can it fire?</th><th>why</th></tr></thead><tbody>${rows}</tbody></table>`;
  })}`;
}

export function coverageSection(
  hosts: readonly HostCoverage[],
  analytics: ReadonlyArray<Pick<AnalyticInfo, 'id' | 'name'>>,
  clock: ReportClock = UTC_CLOCK,
): RawHtml {
  const windows = hosts.filter((c) => c.kind !== 'entra');
  const entra = hosts.filter((c) => c.kind === 'entra');
  const windowsSpecs = TELEMETRY.filter((s) => s.group !== 'entra');
  const entraSpecs = TELEMETRY.filter((s) => s.group === 'entra');
  return h`<h2 id="coverage">Telemetry coverage and blind spots</h2>
  <p>What the absence of a finding means. For each host: which telemetry its logs hold (cells say <em>present</em>,
    <em>thin</em> — there but in under a quarter of the host’s active hours, or mostly without command lines — or
    <em>absent</em>), the span and silent gaps, log clears, and whether each analytic could have fired there.
    Times are in ${clock.zone}.</p>
  ${windows.length ? matrix(windows, windowsSpecs) : h`<p>No Windows events in the case.</p>`}
  ${entra.length ? matrix(entra, entraSpecs) : h`<p>No Entra ID sign-ins or audits in the case: username enumeration against ${ENTRA_HOST} (failed sign-ins, self-service password reset probing) cannot be seen.</p>`}
  <h3>Time covered and gaps</h3>
  ${spans(hosts, clock)}
  <h3>Log clears</h3>
  ${clears(hosts, clock)}
  ${verdicts(hosts, analytics)}`;
}
