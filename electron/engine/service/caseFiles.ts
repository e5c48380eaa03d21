// Case files as the user sees them: open an existing one, save a copy under a new name, start a new one. Paths come from
// the user (a dialog, or a path typed in browser mode), so each is checked before DuckDB sees it.
import { constants } from 'node:fs';
import { copyFile, link, lstat, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { CASE_CATALOG, openCase } from '../store/openCase.js';
import { scratchPath, sweepLeftovers, type Leftover } from '../store/scratchFiles.js';
import { ServiceError } from './serviceError.js';

/** A DuckDB database file carries "DUCK" at byte 8 of its first block. */
async function looksLikeDuckDb(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(12);
    await handle.read(header, 0, 12, 0);
    return header.subarray(8, 12).toString('latin1') === 'DUCK';
  } finally {
    await handle.close();
  }
}

/** Resolves and checks a case the user asked to open. */
export async function existingCasePath(path: string): Promise<string> {
  const full = resolve(path);
  const st = await stat(full).catch(() => null);
  if (!st) throw new ServiceError('NOT_FOUND', `no case file at ${full}`);
  if (!st.isFile()) throw new ServiceError('BAD_REQUEST', `${full} is not a file`);
  if (!(await looksLikeDuckDb(full)))
    throw new ServiceError('BAD_REQUEST', `${full} is not an AccountScope case (.duckdb) file`);
  return full;
}

/**
 * Why `path` is not an AccountScope case, or null when it is: a DuckDB file with the case's own tables,
 * opened read-only and locked down like any case. A file that cannot be opened so (another program's, a
 * newer DuckDB's, one another AccountScope holds open) is not one as far as replacing it goes.
 */
async function notACase(path: string): Promise<string | null> {
  if (!(await looksLikeDuckDb(path))) return 'holds something else';
  let db;
  try {
    db = await openCase(path, { readOnly: true, memoryLimit: '64MB', threads: 1 });
  } catch (e) {
    return `cannot be read as a case (${(e as Error).message.split('\n')[0]})`;
  }
  try {
    const r = await db.conn.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM information_schema.tables
       WHERE table_catalog = $catalog AND table_name IN ('schema_migrations', 'sources')`,
      { catalog: CASE_CATALOG },
    );
    return r.getRowObjects()[0]!['n'] === 2 ? null : 'is a DuckDB file of another kind';
  } finally {
    db.close();
  }
}

/** Why `full` may not be written, or null when it may (it does not exist, or is a case to replace). */
async function targetProblem(full: string, current: string, replace: boolean): Promise<ServiceError | null> {
  const existing = await lstat(full).catch(() => null);
  if (!existing) return null;
  const open = await stat(current).catch(() => null);
  if (open && existing.dev === open.dev && existing.ino === open.ino)
    return new ServiceError('BAD_REQUEST', 'that is the case already open: choose another name');
  const refuse = (what: string): ServiceError =>
    new ServiceError('BAD_REQUEST', `${full} ${what}, not an AccountScope case: it is never replaced`);
  if (existing.isSymbolicLink()) return refuse('is a link');
  if (existing.isDirectory()) return refuse('is a folder');
  if (!existing.isFile()) return refuse('is not a regular file');
  const why = await notACase(full);
  if (why) return refuse(why);
  if (!replace)
    return new ServiceError(
      'EXISTS',
      `${full} is already an AccountScope case: replace it only once the user has confirmed (replace: true)`,
    );
  return null;
}

/**
 * Copies the (checkpointed) case file to `target`, a name ending in .duckdb. Nothing but an AccountScope
 * case is ever overwritten, and a case only with `replace`. The copy goes to a temporary name beside the
 * target first: a new name is then linked into place (which fails rather than overwrite a file that
 * appeared meanwhile), a replaced case renamed over, so an interrupted save never leaves half a case
 * under the real name.
 */
export async function copyCaseFile(
  currentPath: string,
  target: string,
  replace = false,
  onLeftovers?: (removed: Leftover[]) => void,
): Promise<string> {
  return writeCaseFile(
    currentPath,
    target,
    replace,
    'save the case',
    (partial) => copyFile(currentPath, partial, constants.COPYFILE_EXCL),
    onLeftovers,
  );
}

/**
 * Creates an empty case (the schema, no evidence) at `target`, a name ending in .duckdb, with the same
 * rules as copyCaseFile: nothing but a case is ever replaced, a case only with `replace`, and the new
 * file is built under a temporary name and put in place whole.
 */
export async function createCaseFile(
  currentPath: string,
  target: string,
  replace = false,
  onLeftovers?: (removed: Leftover[]) => void,
): Promise<string> {
  return writeCaseFile(
    currentPath,
    target,
    replace,
    'create the case',
    async (partial) => {
      const db = await openCase(partial, { memoryLimit: '64MB', threads: 1 });
      // Closing writes everything into the file itself (no .wal is left to go with it).
      db.close();
      await rm(`${partial}.wal`, { force: true });
    },
    onLeftovers,
  );
}

async function writeCaseFile(
  currentPath: string,
  target: string,
  replace: boolean,
  what: string,
  write: (partial: string) => Promise<void>,
  onLeftovers?: (removed: Leftover[]) => void,
): Promise<string> {
  const full = resolve(target);
  if (!/\.duckdb$/i.test(basename(full)))
    throw new ServiceError('BAD_REQUEST', `a case file's name ends in .duckdb, and ${full} does not`);
  if (full === resolve(currentPath))
    throw new ServiceError('BAD_REQUEST', 'that is the case already open: choose another name');
  const dirStat = await stat(dirname(full)).catch(() => null);
  if (!dirStat?.isDirectory()) throw new ServiceError('NOT_FOUND', `no folder ${dirname(full)} to save into`);
  const problem = await targetProblem(full, currentPath, replace);
  if (problem) throw problem;
  // A copy a killed save left in this folder goes first (a case's size each).
  const removed = sweepLeftovers(dirname(full));
  if (removed.length > 0) onLeftovers?.(removed);
  const partial = scratchPath(full, 'saving');
  try {
    await write(partial);
    if (await placeNew(partial, full)) return full;
    // Replacing: the old case's write-ahead log must not be replayed onto the new file.
    await rm(`${full}.wal`, { force: true });
    await rename(partial, full);
  } catch (e) {
    await rm(partial, { force: true });
    await rm(`${partial}.wal`, { force: true });
    if (e instanceof ServiceError) throw e;
    throw new ServiceError('CASE_ERROR', `could not ${what} at ${full}: ${(e as Error).message}`);
  }
  return full;
}

/**
 * Puts the copy under its name when nothing is there: true when done, false when a case is there to be
 * replaced. A hard link fails if the name was taken meanwhile; where the file system has no hard links
 * (FAT on a USB stick), a rename after one more look does.
 */
async function placeNew(partial: string, full: string): Promise<boolean> {
  if (await lstat(full).catch(() => null)) return false;
  try {
    await link(partial, full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new ServiceError(
        'EXISTS',
        `${full} appeared while the case was being saved: nothing was replaced`,
      );
    if (await lstat(full).catch(() => null)) throw e;
    await rename(partial, full);
    return true;
  }
  await rm(partial, { force: true });
  return true;
}
