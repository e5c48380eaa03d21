// A private folder per open case where the parse worker leaves segment files for DuckDB to load.
//
// It is the one place DuckDB may still read once the case is locked down (`allowed_directories`):
// every other path stays refused, and the folder holds nothing but the rows of the import under way
// (each segment is deleted as soon as it is loaded; the folder when the case closes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function createStagingDir(): string {
  // mkdtemp creates the folder with mode 0700: other local users cannot plant or read segments.
  return mkdtempSync(join(tmpdir(), 'accountscope-stage-'));
}

export function removeStagingDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
