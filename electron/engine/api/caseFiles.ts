// Case files as the user sees them: open an existing one, save a copy under a new name. Paths come from
// the user (a dialog, or a path typed in browser mode), so each is checked before DuckDB sees it.
import { copyFile, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
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
 * Copies the (checkpointed) case file to `target`. The copy goes to a temporary name beside the target
 * first and is renamed into place, so an interrupted save never leaves half a case under the real name.
 */
export async function copyCaseFile(currentPath: string, target: string): Promise<string> {
  const full = resolve(target);
  if (full === resolve(currentPath))
    throw new ServiceError('BAD_REQUEST', 'that is the case already open: choose another name');
  const dirStat = await stat(dirname(full)).catch(() => null);
  if (!dirStat?.isDirectory()) throw new ServiceError('NOT_FOUND', `no folder ${dirname(full)} to save into`);
  const existing = await stat(full).catch(() => null);
  if (existing?.isDirectory()) throw new ServiceError('BAD_REQUEST', `${full} is a folder`);
  const partial = `${full}.saving-${process.pid}`;
  try {
    await copyFile(currentPath, partial);
    await rename(partial, full);
  } catch (e) {
    await rm(partial, { force: true });
    throw new ServiceError('CASE_ERROR', `could not save the case to ${full}: ${(e as Error).message}`);
  }
  return full;
}
