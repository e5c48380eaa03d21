// Imports evidence files into a fresh in-memory case through the real pipeline (sniffing, readers, worker,
// appender), for integration tests of the analytics. Needs the compiled worker: run from dist/.
import { openCase, type CaseDb } from '../../electron/engine/store/openCase.js';
import { Importer } from '../../electron/engine/import/importer.js';
import type { SourceSummary } from '../../shared/report.js';

export async function importIntoMemoryCase(
  paths: string[],
): Promise<{ db: CaseDb; sources: SourceSummary[] }> {
  const db = await openCase(':memory:');
  const importer = new Importer(db);
  try {
    const sources = await importer.importPaths(paths);
    return { db, sources };
  } finally {
    await importer.close();
  }
}
