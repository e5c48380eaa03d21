// DuckDB spills what does not fit in its memory limit into the case's temp folder (`<case>.tmp`, set in
// openCase) and removes those files when it closes. A process that is killed or crashes mid-query leaves
// them: a sort or join of a big case can leave gigabytes beside the case, for good, and nothing else
// would ever remove them.
//
// Once a case is open for writing, DuckDB's lock on the file says no other process has it open (a reader
// holds the lock too), so whatever spill is in its temp folder belongs to no one. Only files named as DuckDB
// names its spill are removed, only regular files of this user (never a link), and the folder itself only
// when that leaves it empty.
import { lstatSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

/** DuckDB's spill files: `duckdb_temp_storage_S32K-0.tmp`, `duckdb_temp_storage-3.tmp`, `duckdb_temp_block-12.block`. */
const SPILL_NAME = /^duckdb_temp_(?:storage(?:_[A-Z0-9]+)?-\d+\.tmp|block-\d+(?:-\d+)?\.(?:block|tmp))$/;

export interface SpillSweep {
  removed: number;
  bytes: number;
}

/** The spill folder of a case, as openCase configures it. */
export function spillDir(casePath: string): string {
  return `${casePath}.tmp`;
}

/**
 * Removes the spill a dead process left in a case's temp folder. Call it only while holding the case open
 * for writing, before this process can have spilled anything.
 */
export function sweepStaleSpill(casePath: string): SpillSweep {
  const dir = spillDir(casePath);
  const swept: SpillSweep = { removed: 0, bytes: 0 };
  let names: string[];
  try {
    if (!lstatSync(dir).isDirectory()) return swept;
    names = readdirSync(dir);
  } catch {
    return swept; // no folder: nothing spilled, or nothing left
  }
  const uid = process.getuid?.();
  for (const name of names) {
    if (!SPILL_NAME.test(name)) continue;
    const file = join(dir, name);
    try {
      const st = lstatSync(file);
      if (!st.isFile() || (uid !== undefined && st.uid !== uid)) continue;
      rmSync(file);
      swept.removed += 1;
      swept.bytes += st.size;
    } catch {
      // gone meanwhile, or not ours to remove: left as it is
    }
  }
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // kept: something else is in it
  }
  return swept;
}
