// `accountscope analyze PATH... [--case FILE] --json OUT [--html OUT] [--csv OUT] [--param N=V]...
//   [--allowlist FILE] [--profile default|seed]`
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCase, type CaseDb } from '../store/openCase.js';
import { listSources } from '../store/sources.js';
import { readAllowlistFile } from '../store/allowlistFile.js';
import { parseParamAssignment, resolveParams, runAnalytics, type ProfileName } from '../analytics/index.js';
import { EMPTY_ALLOWLIST, withTriage } from '../analytics/index.js';
import { buildAnalyzeReport, renderJsonReport } from '../report/jsonReport.js';
import { renderHtmlReport } from '../report/htmlReport.js';
import { renderFindingsCsv } from '../report/csvReport.js';
import { computeCoverage } from '../coverage/index.js';
import type { SourceSummary } from '../../../shared/report.js';
import { importExitCode, importIntoCase, sourceJson } from './importCommand.js';
import { EXIT_OK, UsageError } from './usage.js';

export interface AnalyzeArgs {
  paths: string[];
  casePath?: string;
  json?: string;
  html?: string;
  csv?: string;
  params: string[];
  allowlist?: string;
  profile?: string;
  /** Parse workers for the import step (default: parseWorkerCount). */
  workers?: number;
}

function writeOut(target: string, text: string): void {
  if (target === '-') process.stdout.write(text);
  else writeFileSync(target, text);
}

export async function analyzeCommand(a: AnalyzeArgs): Promise<number> {
  if (!a.json && !a.html && !a.csv)
    throw new UsageError('analyze needs at least one of --json, --html, --csv');
  if (a.profile && a.profile !== 'default' && a.profile !== 'seed') {
    throw new UsageError(`unknown profile "${a.profile}" (default or seed)`);
  }
  const profile = (a.profile ?? 'default') as ProfileName;
  const overrides: Record<string, unknown> = {};
  for (const p of a.params) {
    try {
      const [name, value] = parseParamAssignment(p);
      overrides[name] = value;
    } catch (e) {
      throw new UsageError(`--param ${p}: ${(e as Error).message}`);
    }
  }
  let allowlist = EMPTY_ALLOWLIST;
  if (a.allowlist) {
    try {
      allowlist = readAllowlistFile(a.allowlist);
    } catch (e) {
      throw new UsageError(`--allowlist: ${(e as Error).message}`);
    }
  }
  // Without --case the analysis runs in a scratch case that is removed afterwards.
  const scratch = a.casePath ? null : mkdtempSync(join(tmpdir(), 'accountscope-analyze-'));
  const casePath = a.casePath ? resolve(a.casePath) : join(scratch!, 'case.duckdb');
  let db: CaseDb | null = null;
  try {
    // The import has the case to itself, opened with less of DuckDB's memory; the analysis reopens it.
    let imported: SourceSummary[] = [];
    if (a.paths.length) imported = await importIntoCase(casePath, a.paths, a.workers);
    db = await openCase(casePath);
    const findings = await withTriage(
      db.conn,
      await runAnalytics(db.conn, { params: overrides, profile, allowlist }),
    );
    // What the absence of a finding means on each host: telemetry present, gaps, log clears, blind spots.
    const coverage = await computeCoverage(db.conn);
    // Every file in the case, so each finding's evidence names a listed source; this run's import
    // results (errors, duplicates) replace the stored rows for the files just read.
    const stored = await listSources(db.conn);
    const now = new Map(imported.filter((s) => s.sha256).map((s) => [s.sha256, s]));
    const sources = stored.map((s) => sourceJson(now.get(s.sha256) ?? s));
    for (const s of imported) if (!s.sha256 || s.format === 'unread') sources.push(sourceJson(s));
    const report = buildAnalyzeReport(sources, findings, coverage);
    if (a.json) writeOut(a.json, renderJsonReport(report));
    if (a.csv) writeOut(a.csv, renderFindingsCsv(findings));
    if (a.html) {
      writeOut(
        a.html,
        renderHtmlReport(report, {
          casePath,
          generatedAt: new Date().toISOString(),
          timeZone: 'UTC',
          params: { ...resolveParams(overrides, profile), profile },
          allowlist,
        }),
      );
    }
    if (a.json !== '-') {
      const bySeverity = ['critical', 'high', 'medium', 'low']
        .map((s) => `${findings.filter((f) => f.severity === s).length} ${s}`)
        .join(', ');
      process.stderr.write(`${findings.length} finding(s): ${bySeverity}\n`);
    }
    return imported.length ? importExitCode(imported) : EXIT_OK;
  } finally {
    db?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
