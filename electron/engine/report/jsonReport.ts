// The JSON report: exactly the AnalyzeReport contract of shared/report.ts, which other tools read.
import type { AnalyzeReport, Finding, SourceSummary } from '../../../shared/report.js';
import { toolVersion } from './toolVersion.js';

export function buildAnalyzeReport(sources: readonly SourceSummary[], findings: readonly Finding[]): AnalyzeReport {
  return {
    tool: { name: 'accountscope', version: toolVersion() },
    sources: sources.map((s) => ({ ...s })),
    findings: [...findings],
  };
}

export function renderJsonReport(report: AnalyzeReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
