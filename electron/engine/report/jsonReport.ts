// The JSON report: exactly the AnalyzeReport contract of shared/report.ts, which other tools read.
import type { AnalyzeReport, Finding, HostCoverage, SourceSummary } from '../../../shared/report.js';
import { analyticInfos } from '../analytics/index.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function buildAnalyzeReport(
  sources: readonly SourceSummary[],
  findings: readonly Finding[],
  coverage?: readonly HostCoverage[],
): AnalyzeReport {
  const report: AnalyzeReport = {
    tool: { name: 'accountscope', version: toolVersion() },
    sources: sources.map((s) => ({ ...s })),
    findings: [...findings],
    analytics: analyticInfos(),
  };
  if (coverage) report.coverage = [...coverage];
  return report;
}

export function renderJsonReport(report: AnalyzeReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

// The version written into every report: the package's own, read once from package.json above this
// module (the same file in a checkout, an npm install and a packaged app's resources).

let cached: string | undefined;

export function toolVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'accountscope' && pkg.version) return (cached = pkg.version);
    }
    dir = dirname(dir);
  }
  return (cached = '0.0.0');
}
