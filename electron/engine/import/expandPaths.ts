// Turns what the user dropped (files and folders) into the list of files to import, folders walked
// recursively, in a stable order so two imports of the same folder read files in the same sequence.
//
// What is not read is named, never dropped in silence: a FIFO, socket or device (opening a FIFO would
// wait for a writer forever), a folder that cannot be listed, and a link that would loop. Folders are
// remembered by device and inode, so a link back to a folder already walked (two `ln -s . sN` links
// once made the walk grow without end) or a second link to the same folder is not followed; nor is a
// link up to a folder that holds it, which would walk everything beside the evidence too. Each of those
// becomes an entry with an error, shown per path by the CLI and the UI like any unreadable file.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/** Files a folder walk skips: OS litter, never evidence. A file named explicitly is always taken. */
const IGNORED_NAMES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export interface ExpandedPath {
  path: string;
  error?: string;
}

/** What a path is when it is neither a regular file nor a folder. */
function specialKind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'a special file';
}

const inodeKey = (st: Stats): string => `${st.dev}:${st.ino}`;

/** Whether `folder` is `inner` or holds it (both real paths). */
function holds(folder: string, inner: string): boolean {
  return inner === folder || inner.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * `exclude` names the case database: a case kept inside the evidence folder (and its .wal and temp
 * files beside it) must never be read back in as evidence.
 */
export async function expandPaths(
  paths: readonly string[],
  exclude: readonly string[] = [],
): Promise<ExpandedPath[]> {
  const out: ExpandedPath[] = [];
  const seen = new Set<string>();
  /** Folders walked, by device and inode, with the path they were first walked under. */
  const walked = new Map<string, string>();
  const excluded = exclude.filter((e) => e !== ':memory:').map((e) => resolve(e));
  const isExcluded = (p: string) => excluded.some((e) => p === e || p.startsWith(`${e}.`));

  /** Why a link to a folder is not followed, or null when it may be. */
  async function loopProblem(p: string, st: Stats): Promise<string | null> {
    const target = await realpath(p);
    const first = walked.get(inodeKey(st));
    if (first !== undefined)
      return `not followed: a link to ${target}, a folder already read in this import (as ${first})`;
    if (holds(target, await realpath(dirname(p))))
      return `not followed: a link up to ${target}, which holds this folder (the walk would never end)`;
    return null;
  }

  async function walkFolder(p: string, st: Stats): Promise<void> {
    // A folder reached twice without a link (named twice, or inside one named): its files are in already.
    if (walked.has(inodeKey(st))) return;
    walked.set(inodeKey(st), p);
    let names: string[];
    try {
      names = (await readdir(p)).sort();
    } catch (e) {
      out.push({
        path: p,
        error: `cannot list this folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || IGNORED_NAMES.has(name)) continue;
      await walk(join(p, name));
    }
  }

  async function walk(p: string): Promise<void> {
    let st: Stats;
    let link = false;
    try {
      link = (await lstat(p)).isSymbolicLink();
      st = await stat(p);
    } catch (e) {
      out.push({
        path: p,
        error: `cannot open: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      });
      return;
    }
    if (isExcluded(p)) return;
    if (st.isDirectory()) {
      const problem = link
        ? await loopProblem(p, st).catch(
            (e: Error) => `not followed: the link cannot be resolved (${e.message})`,
          )
        : null;
      if (problem) out.push({ path: p, error: problem });
      else await walkFolder(p, st);
    } else if (st.isFile()) {
      if (!seen.has(p)) {
        seen.add(p);
        out.push({ path: p });
      }
    } else {
      out.push({ path: p, error: `not a regular file: not read (${specialKind(st)})` });
    }
  }
  for (const p of paths) await walk(resolve(p));
  return out;
}
