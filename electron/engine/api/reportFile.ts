// exportReport: the report builders of engine/report (shared with the CLI) turned into a file the UI
// saves: a name, a MIME type and the text.
import type { ReportFile, Settings } from '../../../shared/api.js';
import type { Finding, HostCoverage, SourceSummary } from '../../../shared/report.js';
import { renderFindingsCsv } from '../report/csvReport.js';
import { renderHtmlReport } from '../report/htmlReport.js';
import { buildAnalyzeReport, renderJsonReport } from '../report/jsonReport.js';

export interface ReportInput {
  casePath: string;
  sources: SourceSummary[];
  findings: Finding[];
  /** Telemetry coverage per host, when the caller computed it (electron/engine/coverage). */
  coverage?: HostCoverage[];
  settings: Settings;
  /** Injected by tests; the wall clock otherwise (the report says when it was made, not the logs). */
  now?: Date;
}

function baseName(casePath: string, now: Date): string {
  const stem =
    casePath
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.duckdb$/i, '') || 'case';
  const safe = stem.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  return `accountscope-${safe}-${now.toISOString().slice(0, 10)}`;
}

export function buildReportFile(format: 'html' | 'json' | 'csv', input: ReportInput): ReportFile {
  const now = input.now ?? new Date();
  const name = baseName(input.casePath, now);
  switch (format) {
    case 'json':
      return {
        filename: `${name}.json`,
        mime: 'application/json',
        content: renderJsonReport(buildAnalyzeReport(input.sources, input.findings, input.coverage)),
      };
    case 'csv':
      return {
        filename: `${name}-findings.csv`,
        mime: 'text/csv',
        content: renderFindingsCsv(input.findings),
      };
    case 'html':
      return {
        filename: `${name}.html`,
        mime: 'text/html',
        content: renderHtmlReport(buildAnalyzeReport(input.sources, input.findings, input.coverage), {
          casePath: input.casePath,
          generatedAt: now.toISOString(),
          timeZone: input.settings.timeZone,
          params: input.settings.params,
          allowlist: input.settings.allowlist,
        }),
      };
  }
}
