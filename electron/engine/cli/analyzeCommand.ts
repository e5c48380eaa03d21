// `accountscope analyze PATH... [--case FILE] --json OUT [--html OUT] [--csv OUT] [--param N=V]...
//   [--allowlist FILE] [--profile default|seed] [--time-zone ZONE] [--include-paths]`
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Settings } from '../../../shared/api.js';
import type { Allowlist, SourceSummary } from '../../../shared/report.js';
import { parseParamAssignment, resolveParams, type ProfileName } from '../analytics/index.js';
import { openCase, type CaseDb } from '../store/openCase.js';
import { readAllowlistFile } from '../store/allowlistFile.js';
import { analyzeCase } from '../usecases/analyzeCase.js';
import { loadSettings, readSetting } from '../service/settingsStore.js';
import type { AppliedAllowlist } from '../triage/caseAllowlist.js';
import { isValidTimeZone } from '../../../shared/displayTime.js';
import { caseReportFile, collectCaseReport, type ReportFormat } from '../usecases/caseReport.js';
import { makeAnalyzeScratch, sweepLeftovers } from '../store/scratchFiles.js';
import { importExitCode, importWithProgress } from './importCommand.js';
import { printLeftovers } from './leftoversLine.js';
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
  /** The HTML report's time zone; the case's display time zone (else UTC) by default. */
  timeZone?: string;
  /** Name the case and evidence files by their full local paths. */
  includePaths?: boolean;
}

function writeOut(target: string, text: string): void {
  if (target === '-') process.stdout.write(text);
  else writeFileSync(target, text);
}

const entries = (n: number): string => `${n} entr${n === 1 ? 'y' : 'ies'}`;

/** Where the run's allowlist came from, in one line; nothing when no list had an entry. */
export function allowlistLine(applied: AppliedAllowlist, file?: string): string | null {
  if (applied.fromCase === 0 && applied.fromExtra === 0) return null;
  const parts = [`${entries(applied.fromCase)} from the case`];
  if (file !== undefined) {
    const both = applied.inBoth ? ` (${applied.inBoth} already in the case)` : '';
    parts.push(`${entries(applied.fromExtra)} from ${file}${both}`);
  }
  return `allowlist: ${parts.join(', ')}`;
}

/**
 * Which settings came from the case and which from the flags, in one line; nothing when the case had
 * none and the flags set none.
 */
export function settingsLine(
  fromCase: string[],
  fromFlags: string[],
  flagProfile: string | undefined,
  caseProfile: string,
): string | null {
  const parts: string[] = [];
  if (flagProfile === undefined && caseProfile !== 'default')
    parts.push(`profile ${caseProfile} from the case`);
  if (fromCase.length) parts.push(`${fromCase.join(', ')} from the case`);
  if (fromFlags.length) parts.push(`${fromFlags.join(', ')} from --param`);
  return parts.length ? `settings: ${parts.join('; ')}` : null;
}

export async function analyzeCommand(a: AnalyzeArgs): Promise<number> {
  if (!a.json && !a.html && !a.csv)
    throw new UsageError('analyze needs at least one of --json, --html, --csv');
  if (a.profile && a.profile !== 'default' && a.profile !== 'seed') {
    throw new UsageError(`unknown profile "${a.profile}" (default or seed)`);
  }
  if (a.timeZone !== undefined && !isValidTimeZone(a.timeZone))
    throw new UsageError(
      `--time-zone: unknown time zone "${a.timeZone}" (an IANA name such as Europe/Berlin)`,
    );
  const overrides: Record<string, unknown> = {};
  for (const p of a.params) {
    try {
      const [name, value] = parseParamAssignment(p);
      overrides[name] = value;
    } catch (e) {
      throw new UsageError(`--param ${p}: ${(e as Error).message}`);
    }
  }
  let fileAllowlist: Allowlist | undefined;
  if (a.allowlist) {
    try {
      fileAllowlist = readAllowlistFile(a.allowlist);
    } catch (e) {
      throw new UsageError(`--allowlist: ${(e as Error).message}`);
    }
  }
  // Without --case the analysis runs in a scratch case that is removed afterwards.
  // A scratch case a killed run left in the temp folder (a whole case of evidence) goes first.
  if (!a.casePath) printLeftovers(null, sweepLeftovers(tmpdir()));
  const scratch = a.casePath ? null : makeAnalyzeScratch();
  const casePath = a.casePath ? resolve(a.casePath) : join(scratch!, 'case.duckdb');
  let db: CaseDb | null = null;
  try {
    // The import has the case to itself, opened with less of DuckDB's memory; the analysis reopens it.
    let imported: SourceSummary[] = [];
    if (a.paths.length) imported = await importWithProgress(casePath, a.paths, a.workers);
    db = await openCase(casePath);
    // The case's own parameters and profile (what the responder set in the app) apply as the app applies
    // them; a flag overrides them for this run, without changing the case.
    const stored = await loadSettings(db.conn, { resolve: resolveParams });
    const profile = (a.profile ?? stored.settings.profile) as ProfileName;
    const fromCase = Object.keys(stored.overrides).filter((k) => !(k in overrides));
    const settingsNote = settingsLine(fromCase, Object.keys(overrides), a.profile, stored.settings.profile);
    if (settingsNote) process.stderr.write(`${settingsNote}\n`);
    Object.assign(overrides, { ...stored.overrides, ...overrides });
    // The case's own allowlist (what the responder allowlisted in the app) always applies; the file's
    // entries are added for this run.
    // A first analysis builds the derived tables in memory; they are written into a named case after the
    // report is out, and never into a scratch case, which is removed when this run ends.
    let keep: (() => Promise<void>) | undefined;
    const analysis = await analyzeCase(db.conn, {
      overrides,
      profile,
      ...(fileAllowlist ? { extraAllowlist: fileAllowlist } : {}),
      deferKeep: (k) => (keep = scratch ? undefined : k),
    });
    const line = allowlistLine(analysis.allowlist, a.allowlist);
    if (line) process.stderr.write(`${line}\n`);
    // The same report the app exports: stored findings with triage, coverage, every source of the case
    // (with this run's import results for the files just read).
    const report = await collectCaseReport(db.conn, imported);
    const findings = report.findings;
    // The app's export of this case writes times in the case's display zone: so does this, unless told.
    const storedZone = await readSetting(db.conn, 'timeZone');
    const settings: Settings = {
      params: resolveParams(overrides, profile),
      profile,
      allowlist: analysis.allowlist.allowlist,
      timeZone:
        a.timeZone ?? (typeof storedZone === 'string' && isValidTimeZone(storedZone) ? storedZone : 'UTC'),
    };
    const ctx = { casePath, settings, includePaths: a.includePaths === true };
    const outputs: Array<[ReportFormat, string | undefined]> = [
      ['json', a.json],
      ['csv', a.csv],
      ['html', a.html],
    ];
    for (const [format, target] of outputs) {
      if (target) writeOut(target, caseReportFile(format, report, ctx).content);
    }
    if (a.json !== '-') {
      const bySeverity = ['critical', 'high', 'medium', 'low']
        .map((s) => `${findings.filter((f) => f.severity === s).length} ${s}`)
        .join(', ');
      process.stderr.write(`${findings.length} finding(s): ${bySeverity}\n`);
    }
    await keep?.();
    return imported.length ? importExitCode(imported) : EXIT_OK;
  } finally {
    db?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
