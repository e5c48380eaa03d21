// A private folder per open case where the parse worker leaves segment files for DuckDB to load.
//
// It is the one place DuckDB may still read once the case is locked down (`allowed_directories`):
// every other path stays refused, and the folder holds nothing but the rows of the import under way
// (each segment is deleted as soon as it is loaded; the folder when the case closes).
//
// A process that is killed cannot remove its folder, and the parsed rows of evidence in it would stay
// in the temp directory for good. So each folder's name carries its owner (this machine, by a hash of
// its host name, and the process id), and the first folder a process makes sweeps away those of its
// machine whose owner is gone. A running instance's folder is never touched: its process is alive. A
// reused pid can only keep a dead folder a while longer, never remove a live one.
//
// Builds before that named the folder without its owner (`accountscope-stage-XXXXXX`). Nothing says
// whether such a folder's process still runs, so it is swept by age instead: once neither it nor
// anything in it has changed for LEGACY_STALE_MS. An import writes a segment every few megabytes, so a
// folder that old is one whose process was killed, or an old build's idle case left open for a day.
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'accountscope-stage-';
/** Containers sharing a temp folder have their own pids: each machine sweeps only its own folders. */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const OWNED = new RegExp(`^${PREFIX}${HOST}-(\\d+)-[A-Za-z0-9]{6}$`);
/** An older build's folder: mkdtemp's six characters, no owner. */
const LEGACY = new RegExp(`^${PREFIX}[A-Za-z0-9]{6}$`);
/** How long an older build's folder must have been untouched before it is swept: a day. */
export const LEGACY_STALE_MS = 24 * 60 * 60 * 1000;

let swept = false;

export function createStagingDir(root = tmpdir()): string {
  if (!swept) {
    swept = true;
    removeStaleStagingDirs(root);
  }
  // mkdtemp creates the folder with mode 0700: other local users cannot plant or read segments.
  return mkdtempSync(join(root, `${PREFIX}${HOST}-${process.pid}-`));
}

export function removeStagingDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Whether a process runs (EPERM: it does, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The latest change to a folder or anything directly in it (segments are never nested), in ms. */
function lastChanged(path: string): number {
  let latest = lstatSync(path).mtimeMs;
  for (const name of readdirSync(path)) {
    latest = Math.max(latest, lstatSync(join(path, name)).mtimeMs);
  }
  return latest;
}

/**
 * Removes the staging folders in `root` left by processes of this machine that are gone, and those of
 * older builds (no owner in the name) untouched for LEGACY_STALE_MS. Returns the folders removed.
 */
export function removeStaleStagingDirs(root = tmpdir(), alive = processAlive, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const legacy = LEGACY.test(name);
    if (!legacy) {
      const pid = Number(OWNED.exec(name)?.[1] ?? NaN);
      if (!Number.isSafeInteger(pid) || pid === process.pid || alive(pid)) continue;
    }
    const path = join(root, name);
    try {
      const st = lstatSync(path);
      // Only a real folder of this user's: never a link, never someone else's.
      if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid())) continue;
      if (legacy && now - lastChanged(path) < LEGACY_STALE_MS) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}
