// The case of a CLI import, opened by the Importer once the parse has begun (see CaseToOpen). This
// module loads nothing of DuckDB's: the CLI imports it, starts the workers, and only then does DuckDB
// load, while they parse.
import type { CaseDb } from '../store/openCase.js';
import { createStagingDir, removeStagingDir } from '../store/stagingDir.js';
import type { CaseToOpen } from './importer.js';

export class CaseOpener implements CaseToOpen {
  readonly stagingDir = createStagingDir();
  private opening: Promise<CaseDb> | null = null;

  constructor(readonly path: string) {}

  open(): Promise<CaseDb> {
    this.opening ??= import('../store/openCase.js').then((m) =>
      m.openCaseForImport(this.path, { stagingDir: this.stagingDir }),
    );
    return this.opening;
  }

  /** Closes the case if it was opened; its staging folder goes either way. */
  async close(): Promise<void> {
    const db = await this.opening?.catch(() => null);
    db?.close();
    removeStagingDir(this.stagingDir);
  }
}
