// The report's only styling, inlined: the file must open anywhere (a client's locked-down laptop, an
// air-gapped workstation) with no external resource, and print cleanly.
export const REPORT_CSS = `
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
