// The HTML report: one self-contained file a responder hands to a client. No script, no external
// resource of any kind (its own CSP says so, for a viewer that honours it), every value escaped.
import type { AnalyticInfo, Allowlist, AnalyzeReport, Severity } from '../../../shared/report.js';
import { h, type RawHtml } from './htmlEscape.js';
import { findingSection } from './htmlFinding.js';
import { COVERAGE_CSS, coverageSection } from './htmlCoverage.js';
import { TRIAGE_CSS } from './htmlTriage.js';

export interface HtmlReportContext {
  casePath: string;
  generatedAt: string;
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
td.num { text-align: right; font-variant-numeric: tabular-nums; }
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

function summary(report: AnalyzeReport): RawHtml {
  const bySeverity = SEVERITY_ORDER.map(
    (s) => h`<td class="num">${report.findings.filter((f) => f.severity === s).length}</td>`,
  );
  const analytics = [...new Set(report.findings.map((f) => f.analytic))].sort();
  const byAnalytic = analytics.map(
    (a) =>
      h`<tr><th>${a}</th><td class="num">${report.findings.filter((f) => f.analytic === a).length}</td></tr>`,
  );
  return h`<h2>Summary</h2>
  <table><thead><tr>${SEVERITY_ORDER.map((s) => h`<th>${s}</th>`)}<th>total</th></tr></thead>
    <tbody><tr>${bySeverity}<td class="num">${report.findings.length}</td></tr></tbody></table>
  ${byAnalytic.length ? h`<table><thead><tr><th>analytic</th><th>findings</th></tr></thead><tbody>${byAnalytic}</tbody></table>` : ''}
  <ol>${report.findings.map((f, i) => h`<li><a href="#finding-${i + 1}">${f.severity} · ${f.title}</a></li>`)}</ol>`;
}

function sources(report: AnalyzeReport): RawHtml {
  const rows = report.sources.map(
    (
      s,
    ) => h`<tr><td class="mono">${s.path}</td><td class="mono">${s.sha256}</td><td>${s.format}${s.variant ? h` (${s.variant})` : ''}</td>
      <td class="num">${s.events}</td><td class="num">${s.skipped}</td><td class="num">${s.errors.length}</td></tr>`,
  );
  return h`<h2>Evidence files</h2>
  <table><thead><tr><th>file</th><th>SHA-256</th><th>format</th><th>events</th><th>skipped</th><th>errors</th></tr></thead>
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
  const body = h`<h1>AccountScope report</h1>
  <p class="meta">Case ${ctx.casePath} · generated ${ctx.generatedAt} · ${report.tool.name} ${report.tool.version}
   · times are UTC (display time zone of the case: ${ctx.timeZone})</p>
  ${summary(report)}
  <h2>Findings</h2>
  ${report.findings.length ? report.findings.map((f, i) => findingSection(f, i)) : h`<p>No findings.</p>`}
  ${report.coverage ? coverageSection(report.coverage, reportAnalytics(report)) : ''}
  ${sources(report)}
  ${parameters(ctx)}
  <footer>Produced offline by AccountScope. URLs found in evidence are defanged (hxxp://) so that nothing in
  this file is a live link.</footer>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AccountScope report</title>
<style>${REPORT_CSS}${COVERAGE_CSS}${TRIAGE_CSS}</style></head>
<body>${body.markup}</body></html>
`;
}
