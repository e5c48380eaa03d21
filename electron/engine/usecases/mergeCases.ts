// Use case: merge cases that analysts built apart (each on their own machine, from their part of the
// evidence) into one new case, then run the analytics across every host of it: a remote account
// creation on a server whose admin workstation another analyst imported is linked only here.
//
// The cases named are read, never written: each is checked (a DuckDB file holding an AccountScope
// case, of a schema this build knows), a case of an older schema is upgraded in a copy, and the merge
// itself reads them READ_ONLY (store/caseMerge.ts). The merged case is built under a temporary name in
// a private folder beside the target and linked into place only when complete, so a failed merge leaves
// nothing behind and never replaces a file. A case this process has open must not be named (two
// instances on one file in one process would share its lock): the app merges a snapshot of its own case
// instead (service/caseTasks.ts).
import { constants, existsSync } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { MergeSummary } from '../../../shared/api.js';
import { resolveParams } from '../analytics/index.js';
import { loadSettings } from '../service/settingsStore.js';
import { mergeTables, type MergeInput, type MergeProgress } from '../store/caseMerge.js';
import { knownSchemaVersion } from '../store/migrate.js';
import { scratchPath, sweepLeftovers, type Leftover } from '../store/scratchFiles.js';
import { CASE_CATALOG, openCase } from '../store/openCase.js';
import { analyzeCase } from './analyzeCase.js';

export interface MergeCaseInput {
  path: string;
  /** How the case is named in messages and the summary (the app names its snapshot by the case's own path). */
  name?: string;
}

export interface MergeCasesOptions {
  onProgress?: (p: MergeProgress) => void;
  /** Told what was removed of the temporary files of runs that were stopped (store/scratchFiles.ts). */
  onLeftovers?: (removed: Leftover[]) => void;
  /** Called with the merge's own connection once it is locked down (tests probe the lockdown). */
  onLockedDown?: (conn: DuckDBConnection) => Promise<void>;
}

/** A merge that cannot start: the words say which case or path, and why. */
export class MergeError extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'NOT_FOUND' | 'EXISTS',
    message: string,
  ) {
    super(message);
    this.name = 'MergeError';
  }
}

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

async function checkInputs(inputs: readonly MergeCaseInput[]): Promise<MergeInput[]> {
  if (inputs.length < 2) throw new MergeError('BAD_REQUEST', 'a merge needs at least two cases');
  const seen = new Map<string, string>();
  const out: MergeInput[] = [];
  for (const input of inputs) {
    const path = resolve(input.path);
    const name = input.name ?? path;
    const st = await stat(path).catch(() => null);
    if (!st) throw new MergeError('NOT_FOUND', `no case file at ${name}`);
    if (!st.isFile()) throw new MergeError('BAD_REQUEST', `${name} is not a file`);
    if (!(await looksLikeDuckDb(path)))
      throw new MergeError('BAD_REQUEST', `${name} is not an AccountScope case (.duckdb) file`);
    const id = `${st.dev}:${st.ino}`;
    const twice = seen.get(id);
    if (twice)
      throw new MergeError('BAD_REQUEST', `${name} is the same file as ${twice}: name each case once`);
    seen.set(id, name);
    out.push({ path, name });
  }
  return out;
}

async function checkTarget(target: string, inputs: readonly MergeInput[]): Promise<string> {
  const full = resolve(target);
  if (!/\.duckdb$/i.test(basename(full)))
    throw new MergeError('BAD_REQUEST', `a case file's name ends in .duckdb, and ${full} does not`);
  if (await lstat(full).catch(() => null))
    throw new MergeError('EXISTS', `${full} already exists: a merge writes a new case, so name a new file`);
  // A log left by a case of that name once removed would be replayed onto the new case.
  if (await lstat(`${full}.wal`).catch(() => null))
    throw new MergeError(
      'EXISTS',
      `${full}.wal is there (left by an earlier case of that name): remove it or name another file`,
    );
  if (!(await stat(dirname(full)).catch(() => null))?.isDirectory())
    throw new MergeError('NOT_FOUND', `no folder ${dirname(full)} to write the merged case into`);
  if (inputs.some((i) => i.path === full)) throw new MergeError('BAD_REQUEST', `${full} is one of the cases`);
  return full;
}

/**
 * The case's schema version, read-only (openCase refuses a newer schema, naming the versions). A DuckDB
 * file without the case's own tables is not a case.
 */
async function caseVersion(input: MergeInput): Promise<number> {
  let db;
  try {
    db = await openCase(input.path, { readOnly: true, memoryLimit: '64MB', threads: 1 });
  } catch (e) {
    throw new Error(`${input.name}: ${(e as Error).message}`);
  }
  try {
    const r = await db.conn.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM information_schema.tables
        WHERE table_catalog = $catalog AND table_name IN ('schema_migrations', 'sources')`,
      { catalog: CASE_CATALOG },
    );
    if (r.getRowObjects()[0]!['n'] !== 2)
      throw new MergeError(
        'BAD_REQUEST',
        `${input.name} is a DuckDB file of another kind, not an AccountScope case`,
      );
    const v = await db.conn.runAndReadAll(
      'SELECT coalesce(max(version), 0)::INTEGER AS v FROM schema_migrations',
    );
    return Number(v.getRowObjects()[0]!['v']);
  } finally {
    db.close();
  }
}

/** A copy of an older case in `dir`, brought to this build's schema; the case itself is not touched. */
async function upgradedCopy(input: MergeInput, dir: string, i: number): Promise<string> {
  const copy = join(dir, `upgraded-${i}.duckdb`);
  await copyFile(input.path, copy, constants.COPYFILE_EXCL);
  // A case not closed cleanly has the rest of itself in its write-ahead log.
  if (existsSync(`${input.path}.wal`)) await copyFile(`${input.path}.wal`, `${copy}.wal`);
  (await openCase(copy, { memoryLimit: '256MB' })).close();
  return copy;
}

/** Puts the finished case under its name: a hard link fails rather than replace a file that appeared. */
async function place(partial: string, full: string): Promise<void> {
  try {
    await link(partial, full);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new MergeError('EXISTS', `${full} appeared while the cases were merged: nothing was replaced`);
    // A file system without hard links (FAT): rename after one more look.
    if (await lstat(full).catch(() => null))
      throw new MergeError('EXISTS', `${full} appeared while the cases were merged: nothing was replaced`);
    await rename(partial, full);
  }
}

export async function mergeCases(
  inputs: readonly MergeCaseInput[],
  target: string,
  opts: MergeCasesOptions = {},
): Promise<MergeSummary> {
  const started = performance.now();
  const cases = await checkInputs(inputs);
  const full = await checkTarget(target, cases);
  // What a merge killed in this folder before left behind (a whole merged case) goes first.
  const removed = sweepLeftovers(dirname(full));
  if (removed.length > 0) opts.onLeftovers?.(removed);
  const work = scratchPath(full, 'merging');
  await mkdir(work, { mode: 0o700 });
  try {
    const known = knownSchemaVersion();
    const read: MergeInput[] = [];
    const versions: number[] = [];
    for (const [i, c] of cases.entries()) {
      const v = await caseVersion(c);
      versions.push(v);
      read.push(v < known ? { name: c.name, path: await upgradedCopy(c, work, i) } : c);
    }
    const partial = join(work, 'merged.duckdb');
    (await openCase(partial, { memoryLimit: '64MB', threads: 1 })).close();
    const copied = await mergeTables(partial, read, {
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.onLockedDown ? { onLockedDown: opts.onLockedDown } : {}),
    });
    const total = copied.rowsPerCase.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
    opts.onProgress?.({ step: 'analytics across every host', done: total, total });
    const db = await openCase(partial);
    let findings: number;
    let records: MergeSummary['records'];
    try {
      const { settings, overrides } = await loadSettings(db.conn, {
        resolve: (o, p) => ({ ...resolveParams(o, p) }),
      });
      // The allowlist is the merged case's own: the first case's, as every setting (analyzeCase reads it).
      findings = (await analyzeCase(db.conn, { overrides, profile: settings.profile })).findings.length;
      const r = await db.conn.runAndReadAll(
        `SELECT (SELECT count(*) FROM win_events)::BIGINT AS w, (SELECT count(*) FROM signins)::BIGINT AS s,
                (SELECT count(*) FROM audits)::BIGINT AS a`,
      );
      const [w, s, a] = r.getRows()[0]!.map(Number);
      records = { winEvents: w!, signins: s!, audits: a! };
    } finally {
      db.close();
    }
    await place(partial, full);
    const names = cases.map((c) => c.name);
    return {
      path: full,
      cases: cases.map((c, i) => ({
        path: c.name,
        schemaVersion: versions[i]!,
        upgraded: versions[i]! < known,
        sources: copied.rowsPerCase[i]!['sources'] ?? 0,
        records: ['win_events', 'signins', 'audits'].reduce(
          (n, t) => n + (copied.rowsPerCase[i]![t] ?? 0),
          0,
        ),
      })),
      sources: copied.plan.kept,
      duplicates: copied.plan.duplicates.map((d) => ({
        sha256: d.sha256,
        name: d.name,
        keptFrom: names[d.keptFrom]!,
        alsoIn: d.alsoIn.map((i) => names[i]!),
        sameCounts: d.sameCounts,
      })),
      records,
      findings,
      conflicts: copied.conflicts,
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
