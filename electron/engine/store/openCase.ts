// Opens (or creates) a case database and locks it down before any evidence-derived text reaches it.
//
// Why the order matters: DuckDB's settings are per instance, and `lock_configuration` freezes them, so
// everything the case needs (memory, temp space, extension policy) is set first, then external access is
// switched off, then the configuration is locked. After that, no SQL — not even the SQL console's — can
// read a file, write a file, attach a database or load an extension.
//
// The case file is attached to an in-memory instance rather than opened as the instance's own database,
// because the row group size can only be chosen when a database is attached.
import type { DuckDBConnection, DuckDBInstance as Instance } from '@duckdb/node-api';
import { DuckDBInstance } from './duckdbApi.js';
import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
import { migrate, refuseNewerCase } from './migrate.js';
import { sweepStaleSpill, spillDir } from './spillSweep.js';
import { createStagingDir, removeStagingDir } from './stagingDir.js';

export interface OpenCaseOptions {
  /** DuckDB memory_limit, e.g. '2GB'. */
  memoryLimit?: string;
  /** Threads DuckDB may use. */
  threads?: number;
  /** Open without write access (a second process inspecting a case). */
  readOnly?: boolean;
  /**
   * A staging folder made beforehand with createStagingDir, so an import can start parsing into it
   * while the case opens. The case owns it from then on: it is removed when the case closes, or when
   * it fails to open.
   */
  stagingDir?: string;
  /**
   * A folder an export writes into (Parquet). Only a case opened for that, in its own instance, names
   * one: the lockdown then allows this folder beside the staging folder, and nothing else.
   */
  exportDir?: string;
  /**
   * Track the progress of the engine connection's queries (DuckDB's `progress` of a connection), for a
   * long statement whose caller reports progress (an export's COPY). Set before the lockdown freezes it.
   */
  progress?: boolean;
}

export interface CaseDb {
  readonly path: string;
  /** The engine's own connection: imports, analytics, findings. */
  readonly conn: DuckDBConnection;
  /** Another connection to the case (one straight from the instance would start outside it). */
  connect(): Promise<DuckDBConnection>;
  /** The private folder import segments pass through; the only path DuckDB may read. */
  readonly stagingDir: string;
  close(): void;
}

/**
 * DuckDB's memory limit for a case the app or an analysis opens; DuckDB spills to its temp folder
 * beyond it. DuckDB fills its limit with cached blocks during a long import, and RSS follows. Measured
 * on the bench corpus (2.4 GB, 1.5 M records) through the app's own import path: 512 MB, 0.93–0.99 GB
 * peak RSS; 384 MB, 0.75–0.78 GB. The analytics over the imported corpus: 512 MB, 3.6–3.8 s; 384 MB,
 * 3.9 s (0.6 GB); 256 MB, 5.3–5.9 s.
 */
export const DEFAULT_MEMORY_LIMIT = '384MB';

/** The name the case database is attached under. */
export const CASE_CATALOG = 'case_db';

/**
 * Rows per row group of the case's tables (DuckDB's default is 122,880). DuckDB compresses a row group
 * on one core when it is full, inside whichever INSERT filled it, and the last, partial one at COMMIT,
 * after every row of the file has been parsed. Half-size groups halve that tail. Measured on the bench
 * corpus: a 324 MB wevtutil file 5.5 s → 5.1–5.3 s, the whole corpus 0.97 → 0.83 GB peak RSS; JSON
 * lines 54.7 → 62.1 MB/s; the analytics unchanged (3.7 s).
 */
export const ROW_GROUP_SIZE = 61_440;

/** Settings applied at instance creation, before any connection exists. */
function instanceOptions(path: string, opts: OpenCaseOptions): Record<string, string> {
  return {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
    memory_limit: opts.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
    threads: String(opts.threads ?? caseThreads()),
    // A runaway query must not fill the disk (a naive recursive lineage walk once spilled 32 GB).
    max_temp_directory_size: '8GB',
    // Where DuckDB puts a file database's spill by default; an in-memory instance would use the cwd.
    ...(path === ':memory:' ? {} : { temp_directory: spillDir(path) }),
    // An export writes partitions in whatever order its threads finish: keeping the table's order
    // would hold every partition's rows in memory until the end (measured: out of memory at 384 MB on
    // the bench case's 776 host-day partitions).
    // A partitioned export keeps few files open, each flushed often (see export/parquet.ts).
    ...(opts.exportDir !== undefined
      ? {
          preserve_insertion_order: 'false',
          partitioned_write_max_open_files: '16',
          partitioned_write_flush_threshold: '16384',
        }
      : {}),
  };
}

/**
 * DuckDB's threads for a case the app or an analysis opens: every core, and at least 2 (DuckDB's own
 * default is every core). The analytics and an app import's INSERTs use them; the import's parse
 * workers wait whenever DuckDB falls behind, so they do not take the cores from it.
 */
export function caseThreads(cores = availableParallelism()): number {
  return Math.max(2, cores);
}

/** Pins DuckDB's threads for an import-only case (the bench, a user sharing the machine). */
export const IMPORT_THREADS_ENV = 'ACCOUNTSCOPE_DUCKDB_THREADS';

/**
 * How a case opened only to import into is opened (the CLI's `import`, the import step of `analyze`).
 *
 * Threads: a file loads through one INSERT … read_csv after another, and the parse workers take the
 * other cores. On 2 cores one thread is best: the workers keep both cores busy, and DuckDB's INSERTs
 * run on one thread cost less CPU than split over two (measured: a 324 MB wevtutil file 5.1–5.3 s →
 * 4.7–4.9 s, the whole corpus 32.3 → 31.5 s, JSON a little faster too). A bigger machine has more
 * parse workers (one per core but one) turning out rows faster than one DuckDB thread loads them (the
 * load costs about as much CPU as the parse), so DuckDB gets half the cores: its INSERTs scan the
 * segment files and compress row groups in parallel. With more than one thread the coordinator leaves
 * the work to DuckDB's own threads (see runOnDuckDbThreads), so half the cores is `cores / 2 - 1`
 * threads executing, beside `cores - 1` workers that wait whenever the load falls behind.
 *
 * Memory: an import needs little of DuckDB's memory (rows stream through in segments), but DuckDB keeps
 * every block it writes cached up to its limit, and RSS follows. Measured on the bench corpus (2.4 GB,
 * 1.5 M records) with one thread: 512 MB, 0.88–0.93 GB peak RSS; 256 MB, 0.69 GB at the same speed.
 * Each further thread fills its own row groups (61,440 rows of ~1.3 KB), so it gets 128 MB more, up
 * to 1 GB. Analysis wants the default: at 256 MB the analytics take 5.3–5.9 s instead of 3.5–4.5 s.
 */
export function importOptions(
  cores = availableParallelism(),
  env: NodeJS.ProcessEnv = process.env,
): { memoryLimit: string; threads: number } {
  const pinned = env[IMPORT_THREADS_ENV];
  let threads = Math.max(1, Math.floor(cores / 2));
  if (pinned !== undefined && pinned !== '') {
    threads = Number(pinned);
    if (!/^\d+$/.test(pinned.trim()) || threads < 1 || threads > 256)
      throw new RangeError(`${IMPORT_THREADS_ENV} must be a whole number from 1 to 256, not "${pinned}"`);
  }
  return { memoryLimit: `${Math.min(1024, 256 + 128 * (threads - 1))}MB`, threads };
}

/** This machine's import options (see importOptions). */
export const IMPORT_OPTIONS: Readonly<OpenCaseOptions & { memoryLimit: string; threads: number }> =
  importOptions();

/** Opens a case to import into: as openCase, with IMPORT_OPTIONS. */
export function openCaseForImport(
  path: string,
  opts: Pick<OpenCaseOptions, 'stagingDir'> = {},
): Promise<CaseDb> {
  return openCase(path, { ...IMPORT_OPTIONS, ...opts });
}

/**
 * A string as a SQL literal. Only for the case path in ATTACH, which takes no bound parameters: the
 * path is the case file the user chose, never evidence text.
 */
export function sqlStringLiteral(text: string): string {
  if (text.includes('\0')) throw new Error('a path cannot contain a NUL character');
  return `'${text.replaceAll("'", "''")}'`;
}

async function connectToCase(instance: Instance): Promise<DuckDBConnection> {
  const conn = await instance.connect();
  try {
    await conn.run(`USE ${CASE_CATALOG}`);
  } catch (e) {
    conn.closeSync();
    throw e;
  }
  return conn;
}

export async function openCase(path: string, opts: OpenCaseOptions = {}): Promise<CaseDb> {
  let instance: Instance;
  let conn: DuckDBConnection;
  try {
    instance = await DuckDBInstance.create(':memory:', instanceOptions(path, opts));
  } catch (e) {
    if (opts.stagingDir) removeStagingDir(opts.stagingDir);
    throw e;
  }
  try {
    const first = await instance.connect();
    const options = [`ROW_GROUP_SIZE ${ROW_GROUP_SIZE}`, ...(opts.readOnly ? ['READ_ONLY'] : [])];
    await first
      .run(`ATTACH ${sqlStringLiteral(path)} AS ${CASE_CATALOG} (${options.join(', ')})`)
      .finally(() => first.closeSync());
    conn = await connectToCase(instance);
  } catch (e) {
    instance.closeSync();
    if (opts.stagingDir) removeStagingDir(opts.stagingDir);
    throw caseInUse(path, e as Error) ?? e;
  }
  // Holding the case for writing, this process is alone with it: a killed one's spill can go.
  if (!opts.readOnly && path !== ':memory:') sweepStaleSpill(path);
  const stagingDir = opts.stagingDir ?? createStagingDir();
  try {
    if (opts.readOnly) await refuseNewerCase(conn);
    else await migrate(conn);
    if (opts.progress) {
      await conn.run('SET enable_progress_bar = true');
      await conn.run('SET enable_progress_bar_print = false');
    }
    await lockDown(conn, stagingDir, opts.exportDir);
  } catch (e) {
    conn.closeSync();
    instance.closeSync();
    removeStagingDir(stagingDir);
    throw e;
  }
  return {
    path,
    conn,
    stagingDir,
    connect: () => connectToCase(instance),
    close() {
      conn.closeSync();
      instance.closeSync();
      removeStagingDir(stagingDir);
    },
  };
}

/**
 * DuckDB's refusal to open a case another process has open (it locks the file), said plainly: which
 * process, and what to do. Null for any other failure.
 */
export function caseInUse(path: string, e: Error): Error | null {
  if (!/Could not set lock on file/i.test(e.message)) return null;
  const pid = /\(PID (\d+)\)/.exec(e.message)?.[1];
  return new Error(
    `the case ${path} is open in another program${pid ? ` (process ${pid})` : ''}: an import or the app ` +
      'may be using it. Wait for it to finish or close the case there, then try again; nothing was changed',
  );
}

/**
 * Switches off every way out of the database but the staging folder (and an export's own folder, for a
 * case opened to export), then freezes the configuration. The folders are bound as parameters, never
 * pasted into SQL.
 */
export async function lockDown(
  conn: DuckDBConnection,
  stagingDir: string,
  exportDir?: string,
): Promise<void> {
  if (exportDir === undefined) await conn.run('SET allowed_directories = [$dir]', { dir: stagingDir + sep });
  else
    await conn.run('SET allowed_directories = [$dir, $out]', { dir: stagingDir + sep, out: exportDir + sep });
  await conn.run('SET enable_external_access = false');
  await conn.run('SET lock_configuration = true');
}

export interface LockdownCheck {
  statement: string;
  refused: boolean;
  error?: string;
}

/**
 * Proves the lockdown holds: each statement here must fail. The probes name a path that does not
 * exist, so even a broken lockdown could not read evidence or write anywhere meaningful.
 */
export async function selfTestLockdown(conn: DuckDBConnection): Promise<LockdownCheck[]> {
  const probes = [
    "SELECT * FROM read_csv('/nonexistent/accountscope-probe.csv')",
    "COPY (SELECT 1) TO '/nonexistent/accountscope-probe.csv'",
    "ATTACH '/nonexistent/accountscope-probe.duckdb' AS probe",
    'INSTALL httpfs',
    'LOAD httpfs',
    'SET enable_external_access = true',
    'SET lock_configuration = false',
  ];
  const out: LockdownCheck[] = [];
  for (const statement of probes) {
    try {
      await conn.run(statement);
      out.push({ statement, refused: false });
    } catch (e) {
      out.push({ statement, refused: true, error: (e as Error).message });
    }
  }
  return out;
}
