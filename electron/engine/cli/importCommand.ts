// `accountscope import PATH... --case FILE [--json]`
import { openCaseForImport } from '../store/openCase.js';
import { Importer } from '../import/importer.js';
import type { SourceSummary } from '../../../shared/report.js';
import { ProgressBar } from './progressBar.js';
import { formatSourceSummary } from './formatSummary.js';
import { EXIT_INPUT_ERRORS, EXIT_OK } from './usage.js';

/** Imports paths into an open case, drawing progress; shared by `import` and `analyze`. */
export async function importWithProgress(
  importer: Importer,
  paths: readonly string[],
  signal?: AbortSignal,
): Promise<SourceSummary[]> {
  const bar = new ProgressBar();
  try {
    return await importer.importPaths(paths, {
      onProgress: (p) => bar.update(p),
      ...(signal ? { signal } : {}),
    });
  } finally {
    bar.clear();
  }
}

/** Exit 3 when any file had errors; a file already in the case is not an error. */
export function importExitCode(sources: readonly SourceSummary[]): number {
  return sources.some((s) => !s.duplicate && s.errors.length > 0) ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/** The JSON shape of a source, exactly as the report contract names it. */
export function sourceJson(s: SourceSummary): SourceSummary {
  return {
    path: s.path,
    sha256: s.sha256,
    format: s.format,
    ...(s.variant ? { variant: s.variant } : {}),
    events: s.events,
    skipped: s.skipped,
    errors: s.errors,
    ...(s.duplicate ? { duplicate: true } : {}),
    ...(s.size !== undefined ? { size: s.size } : {}),
  };
}

export async function importCommand(paths: string[], casePath: string, json: boolean): Promise<number> {
  const db = await openCaseForImport(casePath);
  const importer = new Importer(db);
  const ac = new AbortController();
  const onSigint = (): void => ac.abort();
  process.once('SIGINT', onSigint);
  try {
    const sources = await importWithProgress(importer, paths, ac.signal);
    if (json) process.stdout.write(JSON.stringify({ sources: sources.map(sourceJson) }, null, 2) + '\n');
    else {
      for (const s of sources) console.log(formatSourceSummary(s));
      const events = sources.reduce((n, s) => n + s.events, 0);
      console.log(`\n${sources.length} file(s), ${events} event(s) imported into ${casePath}`);
    }
    return importExitCode(sources);
  } finally {
    process.off('SIGINT', onSigint);
    await importer.close();
    db.close();
  }
}
