// Locations tests need: the project root (found from this file, compiled or not) and ../shared beside it.
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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

/**
 * Removes a folder and everything in it, read-only folders too (the evidence kept beside a case is
 * read-only, and only root may empty a read-only folder as it is).
 */
export function removeTree(dir: string): void {
  const writable = (path: string): void => {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st?.isDirectory()) return;
    chmodSync(path, 0o700);
    for (const name of readdirSync(path)) writable(join(path, name));
  };
  writable(dir);
  rmSync(dir, { recursive: true, force: true });
}

/** A fresh temp folder, removed when the returned cleanup runs. */
export function tempDir(prefix = 'accountscope-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => removeTree(dir) };
}
