// Turns what the user dropped (files and folders) into the list of files to import, folders walked
// recursively, in a stable order so two imports of the same folder read files in the same sequence.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Files a folder walk skips: OS litter, never evidence. A file named explicitly is always taken. */
const IGNORED_NAMES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export interface ExpandedPath {
  path: string;
  error?: string;
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
  const excluded = exclude.filter((e) => e !== ':memory:').map((e) => resolve(e));
  const isExcluded = (p: string) => excluded.some((e) => p === e || p.startsWith(`${e}.`));
  async function walk(p: string, explicit: boolean): Promise<void> {
    let st;
    try {
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
      const names = (await readdir(p)).sort();
      for (const name of names) {
        if (name.startsWith('.') || IGNORED_NAMES.has(name)) continue;
        await walk(join(p, name), false);
      }
    } else if (st.isFile()) {
      if (!explicit && IGNORED_NAMES.has(p)) return;
      if (!seen.has(p)) {
        seen.add(p);
        out.push({ path: p });
      }
    }
  }
  for (const p of paths) await walk(resolve(p), true);
  return out;
}
