// Opens (or creates) a case database and locks it down before any evidence-derived text reaches it.
//
// Why the order matters: DuckDB's settings are per instance, and `lock_configuration` freezes them, so
// everything the case needs (memory, temp space, extension policy) is set first, then external access is
// switched off, then the configuration is locked. After that, no SQL — not even the SQL console's — can
// read a file, write a file, attach a database or load an extension.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sep } from 'node:path';
import { migrate } from './migrate.js';
import { createStagingDir, removeStagingDir } from './stagingDir.js';

export interface OpenCaseOptions {
  /** DuckDB memory_limit, e.g. '2GB'. */
  memoryLimit?: string;
  /** Threads DuckDB may use. */
  threads?: number;
  /** Open without write access (a second process inspecting a case). */
  readOnly?: boolean;
}

export interface CaseDb {
  readonly path: string;
  readonly instance: DuckDBInstance;
  /** The engine's own connection: imports, analytics, findings. */
  readonly conn: DuckDBConnection;
  /** The private folder import segments pass through; the only path DuckDB may read. */
  readonly stagingDir: string;
  close(): void;
}

/** Settings applied at instance creation, before any connection exists. */
function instanceOptions(opts: OpenCaseOptions): Record<string, string> {
  return {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
    // DuckDB fills its limit with cached blocks during a long import. Measured on the bench corpus
    // (2.4 GB): 1 GB of limit, 2.0 GB peak RSS importing and the analytics in 3.0 s; 512 MB, ~1.3 GB
    // importing (and faster, less to manage) and the analytics in 3.9 s at 0.8 GB; 384 MB, 4.5 s.
    // DuckDB spills to its temp folder beyond it.
    memory_limit: opts.memoryLimit ?? '512MB',
    threads: String(opts.threads ?? 2),
    // A runaway query must not fill the disk (a naive recursive lineage walk once spilled 32 GB).
    max_temp_directory_size: '8GB',
    ...(opts.readOnly ? { access_mode: 'READ_ONLY' } : {}),
  };
}

/**
 * DuckDB's memory limit for a case opened only to import into. An import needs little of DuckDB's
 * memory (rows stream through in segments), but DuckDB keeps every block it writes cached up to its
 * limit, and RSS follows. Measured on the bench corpus (2.4 GB, 1.5 M records): 512 MB, 1.2 GB peak RSS
 * at 61 MB/s; 256 MB, 0.94 GB at 62–64 MB/s; 192 MB, 0.84 GB but 58 MB/s. Analysis wants the default:
 * at 256 MB the analytics take 5.9 s instead of 3.5–4.5 s.
 */
export const IMPORT_MEMORY_LIMIT = '256MB';

/** Opens a case to import into (the CLI's `import`): as openCase, with DuckDB's import memory limit. */
export function openCaseForImport(path: string): Promise<CaseDb> {
  return openCase(path, { memoryLimit: IMPORT_MEMORY_LIMIT });
}

export async function openCase(path: string, opts: OpenCaseOptions = {}): Promise<CaseDb> {
  const instance = await DuckDBInstance.create(path, instanceOptions(opts));
  const conn = await instance.connect();
  const stagingDir = createStagingDir();
  try {
    if (!opts.readOnly) await migrate(conn);
    await lockDown(conn, stagingDir);
  } catch (e) {
    conn.closeSync();
    instance.closeSync();
    removeStagingDir(stagingDir);
    throw e;
  }
  return {
    path,
    instance,
    conn,
    stagingDir,
    close() {
      conn.closeSync();
      instance.closeSync();
      removeStagingDir(stagingDir);
    },
  };
}

/**
 * Switches off every way out of the database but the staging folder, then freezes the configuration.
 * The folder is bound as a parameter, never pasted into SQL.
 */
export async function lockDown(conn: DuckDBConnection, stagingDir: string): Promise<void> {
  await conn.run('SET allowed_directories = [$dir]', { dir: stagingDir + sep });
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
