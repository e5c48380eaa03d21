// `accountscope import PATH... --case FILE [--json] [--workers N]`
//
// Nothing here loads DuckDB up front: the parse workers start first, and DuckDB's modules load and the
// case opens while they parse (see CaseOpener).
import type { SourceSummary } from '../../../shared/report.js';
import { importIntoCase } from '../usecases/importIntoCase.js';
import { ProgressBar } from './progressBar.js';
import { formatSourceSummary } from './formatSummary.js';
import { EXIT_INPUT_ERRORS, EXIT_OK } from './usage.js';
import { reportSource } from '../usecases/reportSource.js';

/**
 * Imports paths into the case at `casePath` (created when missing), with `workers` parse workers
 * (default: parseWorkerCount), drawing progress on the terminal; shared by `import` and `analyze`.
 */
export async function importWithProgress(
  casePath: string,
  paths: readonly string[],
  workers?: number,
  signal?: AbortSignal,
): Promise<SourceSummary[]> {
  const bar = new ProgressBar();
  try {
    return await importIntoCase(casePath, paths, {
      onProgress: (p) => bar.update(p),
      ...(workers !== undefined ? { workers } : {}),
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

export async function importCommand(
  paths: string[],
  casePath: string,
  json: boolean,
  workers?: number,
): Promise<number> {
  const ac = new AbortController();
  const onSigint = (): void => ac.abort();
  process.once('SIGINT', onSigint);
  try {
    const sources = await importWithProgress(casePath, paths, workers, ac.signal);
    if (json) process.stdout.write(JSON.stringify({ sources: sources.map(reportSource) }, null, 2) + '\n');
    else {
      for (const s of sources) console.log(formatSourceSummary(s));
      const events = sources.reduce((n, s) => n + s.events, 0);
      console.log(`\n${sources.length} file(s), ${events} event(s) imported into ${casePath}`);
    }
    return importExitCode(sources);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
