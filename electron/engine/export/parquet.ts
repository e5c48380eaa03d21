// The case as Parquet, for the platforms that take over when a case outgrows one laptop (Spark, Trino,
// DuckDB itself over a data lake): every table of the case, the event tables Hive-partitioned
// (`win_events/host=…/day=…/`, `signins/day=…/`, `audits/day=…/`), the rest one file each, and a
// manifest.json saying what was written from what.
//
// The case is opened read-only in an instance of its own whose lockdown allows exactly one more folder:
// the one named for the export. Nothing else gains file access, and the case the app may have open
// elsewhere keeps its own lockdown (a case another process holds is refused by DuckDB's lock).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { BIGINT, INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import { openCase, sqlStringLiteral } from '../store/openCase.js';
import { toolVersion } from '../report/jsonReport.js';
import { reportTime } from '../usecases/caseReport.js';

/**
 * DuckDB's memory for an export, and the rows per Parquet row group. A partitioned write buffers a row
 * group per open file, and the bench case's win_events have 776 host-day partitions: one COPY with
 * DuckDB's defaults ran out of memory even at 1 GB. With row groups of 16,384 rows and at most 16 files
 * open at once (see openCase) it took 450 MB (measured: 36 CPU-s for 1M events; 8,192 rows and 32 open
 * files, 41 CPU-s). A partition whose file was closed to make room gets another file when its rows come
 * back, so a partition may hold several files; Hive readers read them all.
 */
const EXPORT_MEMORY_LIMIT = '512MB';
const ROW_GROUP_ROWS = 16_384;
/** How often the rows a running COPY has read are reported. */
const PROGRESS_EVERY_MS = 500;
/** Rows of a partitioned table written by one COPY (see exportParquet). */
const BATCH_ROWS = 100_000;

const DAY = "strftime(ts, '%Y-%m-%d') AS day";

/** How each event table is partitioned (DuckDB's PARTITION_BY); every other table is one file. */
const PARTITIONED: Record<string, string[]> = {
  win_events: ['host', 'day'],
  signins: ['day'],
  audits: ['day'],
};

/**
 * The raw text each record was read from: an event's XML, a sign-in's or audit record's JSON. Left out
 * unless asked for: on the bench case it is 1.56 GB of win_events' 1M rows, and writing it tripled the
 * export's CPU time (29 against 11.6 CPU-s for win_events alone, unpartitioned); the typed columns and
 * `data` hold every field, and the case keeps the raw text.
 */
const RAW_COLUMNS: Record<string, string> = { win_events: 'xml', signins: 'raw', audits: 'raw' };

export interface ParquetTable {
  name: string;
  rows: number;
  /** Relative to the export folder: a folder of partitions, or one .parquet file. */
  path: string;
  partitionedBy: string[];
  /** Columns of the case's table not written (the raw text, unless asked for). */
  leftOut?: string[];
}

export interface ParquetManifest {
  tool: { name: 'accountscope'; version: string };
  /** The case's schema version (its newest migration). */
  schemaVersion: number;
  caseFile: string;
  exportedAt: string;
  /** Every evidence file the case holds, by hash: what the rows came from. */
  sources: Array<{ name: string; sha256: string; format: string; events: number }>;
  tables: ParquetTable[];
}

export interface ParquetOptions {
  /** Include the raw XML/JSON each record was read from (see RAW_COLUMNS). */
  withRaw?: boolean;
  /** The case's file name for the manifest, when `casePath` is a snapshot of it (the app's export). */
  caseFile?: string;
  onProgress?: (p: ParquetProgress) => void;
  /** Rows of a partitioned table one COPY writes (default BATCH_ROWS; tests make it small). */
  batchRows?: number;
}

export interface ParquetProgress {
  table: string;
  tablesDone: number;
  tables: number;
  rowsDone: number;
  rows: number;
}

export class ExportError extends Error {
  constructor(
    readonly code: 'EXISTS' | 'NOT_A_FOLDER',
    message: string,
  ) {
    super(message);
  }
}

/** The folder to write: created if missing; an existing one must be empty (nothing is overwritten). */
function prepareFolder(dir: string): boolean {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    return true;
  }
  if (!statSync(dir).isDirectory()) throw new ExportError('NOT_A_FOLDER', `${dir} is not a folder`);
  if (readdirSync(dir).length > 0)
    throw new ExportError('EXISTS', `${dir} is not empty: export into a new or empty folder`);
  return false;
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

async function count(conn: DuckDBConnection, sql: string): Promise<number> {
  const r = await conn.runAndReadAll(sql);
  return Number(r.getRows()[0]?.[0] ?? 0);
}

/**
 * The analysis' derived tables (migration 010) restate win_events for the sources they were last built
 * from: a cache, possibly behind the case, and rebuilt from the exported events by the same macros. The
 * summaries of names and fields (migration 011) likewise count the events, by their rowids in this case.
 */
const DERIVED_TABLES = [
  'process_snapshot',
  'logon_session_snapshot',
  'derived_sources',
  'derived_params',
  'event_names',
  'event_data_keys',
  'event_summary_coverage',
];

/** Rows of one COPY: source files `first`…`last`, and of those only the records `from`…`to`. */
export interface Batch {
  first: number;
  last: number;
  from: bigint;
  to: bigint;
  /** The rows it holds (for a part of one file, its share of the file's rows: for progress only). */
  rows: number;
}

/** The rows of a batch, as a filter on the table, with its values bound (batchParams). */
export const BATCH_FILTER = 'source_id BETWEEN $first AND $last AND record_no BETWEEN $from AND $to';
export const BATCH_TYPES = { first: INTEGER, last: INTEGER, from: BIGINT, to: BIGINT };

export function batchParams(b: Batch): Record<keyof typeof BATCH_TYPES, number | bigint> {
  return { first: b.first, last: b.last, from: b.from, to: b.to };
}

/** Every record_no of a file: a batch of whole files. */
const ALL_RECORDS = { from: -1n, to: 2n ** 62n };

/**
 * A table's source files in batches of consecutive ids holding about `batchRows` rows each. A file bigger
 * than that is split into ranges of its record numbers, so no single COPY is silent for long: one file
 * of 237,000 events was a 34 s gap in the progress of the bench case's export under load. A file's
 * records are stored together and in order, so a range's scan skips the rest.
 */
export async function sourceBatches(
  conn: DuckDBConnection,
  table: string,
  batchRows: number,
): Promise<Batch[]> {
  const r = await conn.runAndReadAll(
    `SELECT source_id, count(*)::BIGINT, min(record_no)::BIGINT, max(record_no)::BIGINT
     FROM ${ident(table)} GROUP BY source_id ORDER BY source_id`,
  );
  const batches: Batch[] = [];
  for (const [id, n, lo, hi] of r.getRows()) {
    const rows = Number(n);
    if (rows > batchRows) {
      batches.push(...recordRanges(Number(id), rows, lo as bigint, hi as bigint, batchRows));
      continue;
    }
    const last = batches.at(-1);
    if (last && last.rows < batchRows && last.from === ALL_RECORDS.from)
      Object.assign(last, { last: Number(id), rows: last.rows + rows });
    else batches.push({ first: Number(id), last: Number(id), ...ALL_RECORDS, rows });
  }
  return batches;
}

/** One file's records lo…hi in `ceil(rows / batchRows)` ranges of equal width, which cover them all. */
function recordRanges(id: number, rows: number, lo: bigint, hi: bigint, batchRows: number): Batch[] {
  const parts = Math.ceil(rows / batchRows);
  const span = hi - lo + 1n;
  const out: Batch[] = [];
  for (let j = 0; j < parts; j++) {
    const from = lo + (span * BigInt(j)) / BigInt(parts);
    const to = j === parts - 1 ? hi : lo + (span * BigInt(j + 1)) / BigInt(parts) - 1n;
    const share = Math.floor(((j + 1) * rows) / parts) - Math.floor((j * rows) / parts);
    out.push({ first: id, last: id, from, to, rows: share });
  }
  return out;
}

async function caseTables(conn: DuckDBConnection): Promise<string[]> {
  const r = await conn.runAndReadAll(
    'SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary ORDER BY table_name',
  );
  return r
    .getRows()
    .map((row) => String(row[0]))
    .filter((t) => !DERIVED_TABLES.includes(t));
}

async function manifestBase(
  conn: DuckDBConnection,
  caseFile: string,
): Promise<Omit<ParquetManifest, 'tables'>> {
  const version = await count(conn, 'SELECT coalesce(max(version), 0) FROM schema_migrations');
  const sources = (
    await conn.runAndReadAll('SELECT name, sha256, format, events FROM sources ORDER BY source_id')
  )
    .getRowObjectsJson()
    .map((s) => ({
      name: String(s['name']),
      sha256: String(s['sha256']),
      format: String(s['format']),
      events: Number(s['events']),
    }));
  return {
    tool: { name: 'accountscope', version: toolVersion() },
    schemaVersion: version,
    caseFile,
    exportedAt: reportTime().toISOString(),
    sources,
  };
}

/**
 * Writes every table of the case at `casePath` as Parquet into `dir` (new or empty), then manifest.json.
 * On failure what was written is removed (and the folder too, when this export made it).
 */
export async function exportParquet(
  casePath: string,
  dir: string,
  opts: ParquetOptions = {},
): Promise<ParquetManifest> {
  const { onProgress } = opts;
  const out = resolve(dir);
  const made = prepareFolder(out);
  let db: Awaited<ReturnType<typeof openCase>> | null = null;
  try {
    db = await openCase(casePath, {
      readOnly: true,
      exportDir: out,
      memoryLimit: EXPORT_MEMORY_LIMIT,
      progress: onProgress !== undefined,
    });
    const conn = db.conn;
    const base = await manifestBase(conn, opts.caseFile ?? basename(casePath));
    const names = await caseTables(conn);
    const totals = await Promise.all(names.map((n) => count(conn, `SELECT count(*) FROM ${ident(n)}`)));
    const rows = totals.reduce((a, b) => a + b, 0);
    const tables: ParquetTable[] = [];
    let rowsDone = 0;
    for (const [i, name] of names.entries()) {
      onProgress?.({ table: name, tablesDone: i, tables: names.length, rowsDone, rows });
      const part = PARTITIONED[name];
      const leftOut = opts.withRaw ? undefined : RAW_COLUMNS[name];
      const columns = leftOut ? `* EXCLUDE (${leftOut})` : '*';
      const select = `SELECT ${columns}${part?.includes('day') ? `, ${DAY}` : ''} FROM ${ident(name)}`;
      const path = part ? name : `${name}.parquet`;
      const options = part ? `, PARTITION_BY (${part.join(', ')})` : '';
      // A partitioned table is written in batches of whole source files (each file's rows are stored
      // together, so a batch's scan skips the rest), appending new files to the partitions: one COPY of
      // a million events was one silent minute, where DuckDB's own progress of a COPY stands still while
      // it writes. Within a batch the rows it has read are reported too.
      const batches = part ? await sourceBatches(conn, name, opts.batchRows ?? BATCH_ROWS) : [null];
      let batchDone = 0;
      let reported = rowsDone;
      for (const batch of batches) {
        const where = batch ? ` WHERE ${BATCH_FILTER}` : '';
        const size = batch?.rows ?? totals[i]!;
        // Never backwards: a COPY just started may still show the last one's count for a moment.
        const report = (read: number) => {
          reported = Math.max(reported, rowsDone + batchDone + Math.min(size, Math.max(0, read)));
          onProgress?.({ table: name, tablesDone: i, tables: names.length, rowsDone: reported, rows });
        };
        const during = onProgress
          ? setInterval(() => report(Number(conn.progress.rows_processed)), PROGRESS_EVERY_MS)
          : undefined;
        try {
          // COPY takes no bound target; the path is the folder the user named, never evidence text.
          await conn.run(
            `COPY (${select}${where}) TO ${sqlStringLiteral(resolve(out, path))} ` +
              `(FORMAT PARQUET, ROW_GROUP_SIZE ${ROW_GROUP_ROWS}${options}${part ? ', APPEND' : ''})`,
            batch ? batchParams(batch) : {},
            batch ? BATCH_TYPES : {},
          );
        } finally {
          clearInterval(during);
        }
        batchDone += size;
        report(0);
      }
      rowsDone += totals[i]!;
      tables.push({
        name,
        rows: totals[i]!,
        path,
        partitionedBy: part ?? [],
        ...(leftOut ? { leftOut: [leftOut] } : {}),
      });
    }
    const manifest: ParquetManifest = { ...base, tables };
    writeFileSync(resolve(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    onProgress?.({ table: '', tablesDone: names.length, tables: names.length, rowsDone, rows });
    return manifest;
  } catch (e) {
    if (made) rmSync(out, { recursive: true, force: true });
    else for (const entry of readdirSync(out)) rmSync(resolve(out, entry), { recursive: true, force: true });
    throw e;
  } finally {
    db?.close();
  }
}
