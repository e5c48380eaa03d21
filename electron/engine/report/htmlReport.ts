// The HTML report: one self-contained file a responder hands to a client. No script, no external
// resource of any kind (its own CSP says so, for a viewer that honours it), every value escaped.
import {
  FINDING_STATUSES,
  type AnalyticInfo,
  type Allowlist,
  type AnalyzeReport,
  type Severity,
} from '../../../shared/report.js';
import { h, type RawHtml } from './htmlEscape.js';
import { findingSection } from './htmlFinding.js';
import { COVERAGE_CSS, coverageSection } from './htmlCoverage.js';
import { REVIEW_CSS, STATUS_WORDS, triagedEventsSection } from './htmlReview.js';
import { TRIAGE_CSS } from './htmlTriage.js';
import { reportClock, type ReportClock } from './reportClock.js';

export interface HtmlReportContext {
  /** The case as the report names it: its file name, or its full path when the responder asked for paths. */
  casePath: string;
  generatedAt: string;
  /** The case's display time zone: every time in the report is written in it. */
  timeZone: string;
  params: Record<string, unknown>;
  allowlist: Allowlist;
}

// The report's only styling, inlined: the file must open anywhere (a client's locked-down laptop, an
// air-gapped workstation) with no external resource, and print cleanly.
const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --line: #d9dee7; --critical: #8b0000;
  --high: #c0392b; --medium: #b7791f; --low: #2b6cb0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 0 0 6px; }
.meta { color: var(--muted); margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.summary { width: auto; min-width: 60%; }
table.summary td.num, table.summary th.num { width: 5.5em; }
table.summary tfoot td, table.summary tfoot th { border-top: 2px solid var(--line); font-weight: 600; }
table.facts th { width: 7em; }
table.kv th { width: 14em; white-space: normal; }
table.kv ul { margin: 0; padding-left: 18px; }
table.kv table.kv { margin: 0; }
.small { font-size: 11.5px; } .nowrap { white-space: nowrap; }
details.more > summary { cursor: pointer; color: var(--muted); margin: 2px 0 6px; }
a { color: inherit; }
td.mono { overflow-wrap: anywhere; }
code, pre, .mono { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 12.5px; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f8fb; padding: 8px; border-radius: 4px; margin: 4px 0; }
.finding { border: 1px solid var(--line); border-left-width: 6px; border-radius: 4px; padding: 12px 16px; margin: 14px 0;
  page-break-inside: avoid; }
.finding.critical { border-left-color: var(--critical); } .finding.high { border-left-color: var(--high); }
.finding.medium { border-left-color: var(--medium); } .finding.low { border-left-color: var(--low); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.badge.critical { background: var(--critical); } .badge.high { background: var(--high); }
.badge.medium { background: var(--medium); } .badge.low { background: var(--low); }
.chain { list-style: none; padding: 0; margin: 4px 0; }
.chain li { padding: 2px 0 2px 14px; border-left: 2px solid var(--line); margin-left: 6px; }
.chain li.stub { color: var(--muted); font-style: italic; }
.allowlisted { color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print { body { padding: 0; } h2 { page-break-after: avoid; } }
`;

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

// Nothing may load or run: styles are inline, images none, scripts none.
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Findings by analytic and severity in one table, every count right-aligned under its heading. */
function summary(report: AnalyzeReport): RawHtml {
  const names = new Map(reportAnalytics(report).map((a) => [a.id, a.name]));
  const analytics = [...new Set(report.findings.map((f) => f.analytic))].sort();
  const counts = (keep: (f: AnalyzeReport['findings'][number]) => boolean) => {
    const of = report.findings.filter(keep);
    return h`${SEVERITY_ORDER.map((s) => h`<td class="num">${of.filter((f) => f.severity === s).length}</td>`)}<td class="num">${of.length}</td>`;
  };
  const rows = analytics.map(
    (a) =>
      h`<tr><th>${a}${names.get(a) && names.get(a) !== a ? h` · ${names.get(a)}` : ''}</th>${counts((f) => f.analytic === a)}</tr>`,
  );
  const review = FINDING_STATUSES.map(
    (st) =>
      h`<td class="num">${report.findings.filter((f) => (f.review?.status ?? 'new') === st).length}</td>`,
  );
  return h`<h2>Summary</h2>
  <table class="summary"><thead><tr><th>analytic</th>${SEVERITY_ORDER.map((s) => h`<th class="num">${s}</th>`)}<th class="num">total</th></tr></thead>
    <tbody>${rows}</tbody>
    <tfoot><tr><th>all findings</th>${counts(() => true)}</tr></tfoot></table>
  <table class="summary"><thead><tr><th>review</th>${FINDING_STATUSES.map((st) => h`<th class="num">${STATUS_WORDS[st]}</th>`)}</tr></thead>
    <tbody><tr><th>findings</th>${review}</tr></tbody></table>
  <ol>${report.findings.map((f, i) => h`<li><a href="#finding-${i + 1}">${f.severity} · ${f.title}</a>${f.review && f.review.status !== 'new' ? h` — <span class="status ${f.review.status}">${STATUS_WORDS[f.review.status]}</span>` : ''}${f.review?.tags.length ? h` <span class="meta">[${f.review.tags.join(', ')}]</span>` : ''}</li>`)}</ol>`;
}

function sources(report: AnalyzeReport): RawHtml {
  const rows = report.sources.map(
    (
      s,
    ) => h`<tr id="src-${s.sha256.slice(0, 12)}"><td class="mono">${s.path}</td><td class="mono small">${s.sha256}</td><td>${s.format}${s.variant ? h` (${s.variant})` : ''}</td>
      <td class="num">${s.events}</td><td class="num">${s.skipped}</td><td class="num">${s.errors.length}</td></tr>`,
  );
  return h`<h2>Evidence files</h2>
  <table><thead><tr><th>file</th><th>SHA-256</th><th>format</th><th class="num">events</th><th class="num">skipped</th><th class="num">errors</th></tr></thead>
  <tbody>${rows}</tbody></table>`;
}

function parameters(ctx: HtmlReportContext): RawHtml {
  const params = Object.entries(ctx.params).map(
    ([k, v]) =>
      h`<tr><th class="mono">${k}</th><td class="mono">${typeof v === 'string' ? v : JSON.stringify(v)}</td></tr>`,
  );
  const allow = (Object.entries(ctx.allowlist) as Array<[string, Allowlist['accounts']]>).flatMap(
    ([kind, entries]) =>
      entries.map((e) => h`<tr><td>${kind}</td><td class="mono">${e.value}</td><td>${e.reason}</td></tr>`),
  );
  return h`<h2>Parameters used</h2><table>${params}</table>
  <h2>Allowlist</h2>${allow.length ? h`<table><thead><tr><th>kind</th><th>value</th><th>reason</th></tr></thead><tbody>${allow}</tbody></table>` : h`<p class="meta">Empty.</p>`}`;
}

/** The analytics the report lists; a report written before it named them lists the ids its coverage has. */
function reportAnalytics(report: AnalyzeReport): Array<Pick<AnalyticInfo, 'id' | 'name'>> {
  if (report.analytics) return report.analytics;
  return Object.keys(report.coverage?.[0]?.analytics ?? {}).map((id) => ({ id, name: id }));
}

export function renderHtmlReport(report: AnalyzeReport, ctx: HtmlReportContext): string {
  const clock: ReportClock = reportClock(ctx.timeZone);
  const body = h`<h1>AccountScope report</h1>
  <p class="meta">Case ${ctx.casePath} · generated ${clock.full(ctx.generatedAt)} · ${report.tool.name} ${report.tool.version}
   · times are in ${clock.zone}, the case's display time zone</p>
  ${summary(report)}
  <h2>Findings</h2>
  ${report.findings.length ? report.findings.map((f, i) => findingSection(f, i, clock)) : h`<p>No findings.</p>`}
  ${report.events?.length ? triagedEventsSection(report.events, clock) : ''}
  ${report.coverage ? coverageSection(report.coverage, reportAnalytics(report), clock) : ''}
  ${sources(report)}
  ${parameters(ctx)}
  <footer>Produced offline by AccountScope. URLs found in evidence are defanged (hxxp://) so that nothing in
  this file is a live link.</footer>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AccountScope report</title>
<style>${REPORT_CSS}${COVERAGE_CSS}${TRIAGE_CSS}${REVIEW_CSS}</style></head>
<body>${body.markup}</body></html>
`;
}
