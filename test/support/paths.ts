// Locations tests need: the project root (found from this file, compiled or not) and ../shared beside it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}`);
    dir = up;
  }
  return dir;
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const sharedDir = join(projectRoot, '..', 'shared');
export const realLogsDir = join(sharedDir, 'real-logs');
/** Whether this team's reference material (../shared) is beside the project: CI and our machines. */
export const sharedAvailable = existsSync(join(realLogsDir, 'manifest.json'));
/** A test option: tests of ../shared's real logs are skipped, saying why, where it is absent (a user's clone). */
export const NEEDS_SHARED: string | false = sharedAvailable
  ? false
  : `needs ${sharedDir}: the team's reference logs are only on its machines and CI`;
export const sampleLogsDir = join(projectRoot, 'sample-logs');
/** The sample case's log files; sample-logs/ itself also holds its README and expected findings. */
export const sampleEvidenceDir = join(sampleLogsDir, 'evidence');

/** A fresh temp folder, removed when the returned cleanup runs. */
export function tempDir(prefix = 'accountscope-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
