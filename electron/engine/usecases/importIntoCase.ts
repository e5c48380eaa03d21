// Use case: import a set of paths (files and folders) into the case at a path, creating it when missing,
// then close it. The CLI's `import` and `analyze` run it; the app's service keeps its case open and runs
// the same Importer over it (service/importJobs.ts). Nothing here loads DuckDB up front: the parse workers
// start first, and DuckDB's modules load and the case opens while they parse (see CaseOpener).
import type { SourceSummary } from '../../../shared/report.js';
import { CaseOpener } from '../import/caseOpener.js';
import { Importer, type ImportProgress } from '../import/importer.js';

export interface ImportIntoCaseOptions {
  /** Parse workers (default: parseWorkerCount). */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

export async function importIntoCase(
  casePath: string,
  paths: readonly string[],
  options: ImportIntoCaseOptions = {},
): Promise<SourceSummary[]> {
  const target = new CaseOpener(casePath);
  const importer = new Importer(target, options.workers);
  try {
    return await importer.importPaths(paths, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    await importer.close();
    await target.close();
  }
}
