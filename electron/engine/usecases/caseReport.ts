// Use case: a case's report, in one place for the CLI (`accountscope analyze`) and the app's export. The
// report holds the findings stored in the case (most severe first) with their triage checklists, the
// responder's reviews, the account and outcome of each evidence event, the events the responder tagged or
// bookmarked, the telemetry coverage of every host, and every evidence file of the case; then it is
// rendered as JSON (the AnalyzeReport contract), HTML or CSV. Given the same case, settings and time, both
// give the same bytes. Local paths (the evidence files', the case's) are left out unless asked for: a
// report goes to a client, and the responder's folders are not theirs to read.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReportFile, Settings } from '../../../shared/api.js';
import type { AnalyzeReport, SourceSummary } from '../../../shared/report.js';
import { readAllFindings, withTriage } from '../analytics/index.js';
import { computeCoverage } from '../coverage/index.js';
import { renderFindingsCsv } from '../report/csvReport.js';
import { renderHtmlReport } from '../report/htmlReport.js';
import { buildAnalyzeReport, renderJsonReport } from '../report/jsonReport.js';
import { listSources } from '../store/sources.js';
import { triagedEvents, withEvidenceFacts } from '../triage/eventFacts.js';
import { withReviews } from '../triage/findingReview.js';
import { reportSource } from './reportSource.js';

export type ReportFormat = 'html' | 'json' | 'csv';

/**
 * Everything a report says about a case. `imported` are the results of an import just made (the CLI's
 * `analyze PATH…`): they replace the stored rows of the same files, and files that could not be read at all
 * (no hash) are added, so the report names every error of this run.
 */
export async function collectCaseReport(
  conn: DuckDBConnection,
  imported: readonly SourceSummary[] = [],
): Promise<AnalyzeReport> {
  const stored = await withReviews(conn, await readAllFindings(conn));
  const findings = await withTriage(conn, await withEvidenceFacts(conn, stored));
  const coverage = await computeCoverage(conn);
  const fresh = new Map(imported.filter((s) => s.sha256).map((s) => [s.sha256, s]));
  const sources = (await listSources(conn)).map((s) => reportSource(fresh.get(s.sha256) ?? s));
  for (const s of imported) if (!s.sha256 || s.format === 'unread') sources.push(reportSource(s));
  const report = buildAnalyzeReport(sources, findings, coverage);
  const events = await triagedEvents(conn);
  if (events.length > 0) report.events = events;
  return report;
}

export interface ReportContext {
  casePath: string;
  settings: Settings;
  /** When the report is made; reportTime() (SOURCE_DATE_EPOCH, else the clock) unless given. */
  now?: Date;
  /** Name the case and the evidence files by their full local paths (by file name only otherwise). */
  includePaths?: boolean;
}

const fileName = (path: string): string => path.split(/[\\/]/).pop() || path;

/** The report as it may leave the responder's machine: files named, not located, unless asked. */
function withoutLocalPaths(report: AnalyzeReport): AnalyzeReport {
  return { ...report, sources: report.sources.map((s) => ({ ...s, path: fileName(s.path) })) };
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

/** One rendering of a collected report, as a file: a name, a MIME type and the text. */
export function caseReportFile(format: ReportFormat, full: AnalyzeReport, ctx: ReportContext): ReportFile {
  const now = ctx.now ?? reportTime();
  const name = baseName(ctx.casePath, now);
  const report = ctx.includePaths ? full : withoutLocalPaths(full);
  switch (format) {
    case 'json':
      return { filename: `${name}.json`, mime: 'application/json', content: renderJsonReport(report) };
    case 'csv':
      return {
        filename: `${name}-findings.csv`,
        mime: 'text/csv',
        content: renderFindingsCsv(report.findings),
      };
    case 'html':
      return {
        filename: `${name}.html`,
        mime: 'text/html',
        content: renderHtmlReport(report, {
          casePath: ctx.includePaths ? ctx.casePath : fileName(ctx.casePath),
          generatedAt: now.toISOString(),
          timeZone: ctx.settings.timeZone,
          params: { profile: ctx.settings.profile, ...ctx.settings.params },
          allowlist: ctx.settings.allowlist,
        }),
      };
  }
}

/**
 * When a report says it was made: SOURCE_DATE_EPOCH (seconds) where it is set, the convention of
 * reproducible builds, so two runs over one case can be compared byte for byte; else now.
 */
export function reportTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d{1,12}$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}
