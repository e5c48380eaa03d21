// The temporary files and folders AccountScope writes while it builds something, and how the ones a killed
// process left are found and removed.
//
// A merge builds its case in a folder beside the target (`.all.duckdb.merging-…`), the app's Parquet
// export and a merge of the open case read a copy of it beside itself (`.case.duckdb.snapshot-…`, with
// DuckDB's `.wal` and `.tmp` spill folder when it needs them), Save As and New Case write the new file
// under a temporary name (`.saving-…`), a Timesketch timeline is written beside its file
// (`.timeline.jsonl.exporting-…`), and `analyze` without `--case` works in a scratch case in the temp
// folder (`accountscope-analyze-…`). A process that is killed removes none of them, and a merge or
// snapshot is as big as the cases: gigabytes, for good.
//
// So every such name carries its writer: this machine (a hash of the host name and, on Linux, the process
// id namespace, so containers sharing a folder never judge each other's processes), the process id, and
// when that process started (on Linux its start in clock ticks since boot, from /proc, which tells a reused
// process id from the writer; elsewhere the start time, only ever compared with this process's own). The
// next run that writes such a name in a folder first removes the ones there that are provably stale: this
// machine's, and either their process is gone, or a process of that id runs but started at another time.
// A file another live process is writing is never touched (a live process of that id that cannot be told
// apart keeps it), nor anything that does not match the pattern exactly, nor a link, nor another user's.
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { processAlive } from './stagingDir.js';

export type ScratchKind = 'snapshot' | 'merging' | 'saving' | 'exporting';

/** Who wrote a temporary name. */
export interface ScratchOwner {
  machine: string;
  pid: number;
  /** `k<ticks since boot>` (Linux) or `t<ms since the epoch>`, in base 36. */
  start: string;
}

/** What is asked of the system about another process; a test passes its own. */
export interface ProcessProbe {
  alive(pid: number): boolean;
  /** The process's start as a ScratchOwner `start`, or null where it cannot be read. */
  startOf(pid: number): string | null;
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces and parentheses). */
function linuxStart(pid: number | 'self'): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return ticks && /^\d+$/.test(ticks) ? `k${BigInt(ticks).toString(36)}` : null;
  } catch {
    return null;
  }
}

function machineId(): string {
  let namespace = '';
  try {
    namespace = readlinkSync('/proc/self/ns/pid');
  } catch {
    // Not Linux: the host name alone.
  }
  return createHash('sha256').update(`${hostname()}\0${namespace}`).digest('hex').slice(0, 8);
}

/** This process. */
export const SELF: ScratchOwner = {
  machine: machineId(),
  pid: process.pid,
  start: linuxStart('self') ?? `t${Math.round(performance.timeOrigin).toString(36)}`,
};

export const systemProbe: ProcessProbe = { alive: processAlive, startOf: linuxStart };

const tag = (o: ScratchOwner): string => `${o.machine}-${o.pid}-${o.start}`;

/** `.<name>.<kind>-<machine>-<pid>-<start>-<random>`, with DuckDB's `.wal` or `.tmp` beside a database. */
const BESIDE =
  /^\..+\.(?:snapshot|merging|saving|exporting)-([0-9a-f]{8})-(\d{1,10})-([kt][0-9a-z]{1,16})-[0-9a-f]{8}(?:\.wal|\.tmp)?$/;
const ANALYZE_PREFIX = 'accountscope-analyze-';
/** The scratch case folder of `analyze` without --case: mkdtemp's six characters after the owner. */
const ANALYZE = /^accountscope-analyze-([0-9a-f]{8})-(\d{1,10})-([kt][0-9a-z]{1,16})-[A-Za-z0-9]{6}$/;

/** A new temporary name beside `target`, written by this process. */
export function scratchPath(target: string, kind: ScratchKind): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${tag(SELF)}-${randomBytes(4).toString('hex')}`);
}

/** A new scratch folder for `analyze` without --case, in the temp folder (mode 0700). */
export function makeAnalyzeScratch(root = tmpdir()): string {
  return mkdtempSync(join(root, `${ANALYZE_PREFIX}${tag(SELF)}-`));
}

/** The writer a name carries, or null when the name is not one of ours. */
export function scratchOwner(name: string): ScratchOwner | null {
  const m = BESIDE.exec(name) ?? ANALYZE.exec(name);
  return m ? { machine: m[1]!, pid: Number(m[2]), start: m[3]! } : null;
}

/** Whether what `owner` wrote can no longer be in use by it. */
export function ownerGone(owner: ScratchOwner, probe: ProcessProbe = systemProbe, self = SELF): boolean {
  if (owner.machine !== self.machine) return false;
  // A process of this id other than this one cannot run now.
  if (owner.pid === self.pid) return owner.start !== self.start;
  if (!probe.alive(owner.pid)) return true;
  const now = probe.startOf(owner.pid);
  // Starts are compared only in the same terms (both read from /proc).
  return now !== null && now[0] === owner.start[0] && now !== owner.start;
}

/** A file or folder and everything in it, in bytes; links are not followed. */
function sizeOf(path: string): number {
  const st = lstatSync(path);
  if (!st.isDirectory()) return st.isFile() ? st.size : 0;
  return readdirSync(path).reduce((n, name) => n + sizeOf(join(path, name)), 0);
}

export interface Leftover {
  path: string;
  bytes: number;
}

/**
 * Removes from `dir` the temporary files and folders of AccountScope runs that are gone (see the top of
 * this file); returns what it removed. A folder that cannot be read removes nothing.
 */
export function sweepLeftovers(dir: string, probe: ProcessProbe = systemProbe, self = SELF): Leftover[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: Leftover[] = [];
  for (const name of names) {
    const owner = scratchOwner(name);
    if (!owner || !ownerGone(owner, probe, self)) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      // Only a real file or folder of this user's: never a link, never someone else's.
      if (!(st.isFile() || st.isDirectory()) || (process.getuid && st.uid !== process.getuid())) continue;
      const bytes = sizeOf(path);
      rmSync(path, { recursive: true, force: true });
      removed.push({ path, bytes });
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** One line per removed leftover, for the CLI's output and the app's log. */
export function describeLeftovers(removed: readonly Leftover[]): string[] {
  return removed.map(
    (r) => `removed ${r.path} (${formatSize(r.bytes)}), left by an AccountScope run that was stopped`,
  );
}
