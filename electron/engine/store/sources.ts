// The `sources` table: one row per imported evidence file, with its hash, counts and first errors.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceSummary } from '../../../shared/report.js';
import type { ReadError } from '../rowContract.js';

export interface NewSource {
  sourceId: number;
  path: string;
  name: string;
  size: number;
  sha256: string;
  format: string;
  variant: string | null;
  events: number;
  skipped: number;
  errors: ReadError[];
  importMs: number;
}

export async function nextSourceId(conn: DuckDBConnection): Promise<number> {
  const r = await conn.runAndReadAll('SELECT coalesce(max(source_id), 0)::INTEGER + 1 AS id FROM sources');
  return Number(r.getRowObjects()[0]!['id']);
}

/** The imported file with this hash, if any. Rejected files (nothing read) never make a later copy a duplicate. */
export async function findSourceByHash(
  conn: DuckDBConnection,
  sha256: string,
): Promise<SourceSummary | null> {
  const all = await listSources(conn, sha256);
  // An empty file recorded before makes no later copy a duplicate either (see the importer).
  return (
    all.find((s) => s.format !== 'rejected' && (s.events > 0 || s.skipped > 0 || s.errors.length > 0)) ?? null
  );
}

export async function insertSource(conn: DuckDBConnection, s: NewSource): Promise<void> {
  await conn.run(
    `INSERT INTO sources VALUES ($id, $path, $name, $size, $sha, $format, $variant, $events, $skipped, $errs,
       now()::TIMESTAMP, $ms)`,
    {
      id: s.sourceId,
      path: s.path,
      name: s.name,
      size: BigInt(s.size),
      sha: s.sha256,
      format: s.format,
      variant: s.variant,
      events: BigInt(s.events),
      skipped: BigInt(s.skipped),
      errs: BigInt(s.errors.length),
      ms: BigInt(Math.round(s.importMs)),
    },
  );
  let seq = 0;
  for (const e of s.errors) {
    await conn.run('INSERT INTO source_errors VALUES ($id, $seq, $msg, $off, $rec)', {
      id: s.sourceId,
      seq: seq++,
      msg: e.message,
      off: e.offset === undefined ? null : BigInt(e.offset),
      rec: e.record === undefined ? null : BigInt(e.record),
    });
  }
}

/** Every source in import order, with its errors; `sha256` narrows to one file. */
export async function listSources(conn: DuckDBConnection, sha256?: string): Promise<SourceSummary[]> {
  const r = await conn.runAndReadAll(
    `SELECT source_id, path, sha256, format, variant, events, skipped, size, import_ms FROM sources
     WHERE $sha IS NULL OR sha256 = $sha ORDER BY source_id`,
    { sha: sha256 ?? null },
  );
  const errs = await conn.runAndReadAll(
    `SELECT e.source_id, e.message, e.byte_offset, e.record_no FROM source_errors e
     JOIN sources s USING (source_id) WHERE $sha IS NULL OR s.sha256 = $sha ORDER BY e.source_id, e.seq`,
    { sha: sha256 ?? null },
  );
  const bySource = new Map<number, SourceSummary['errors']>();
  for (const e of errs.getRowObjects()) {
    const id = Number(e['source_id']);
    const list = bySource.get(id) ?? [];
    list.push({
      message: String(e['message']),
      ...(e['byte_offset'] !== null ? { offset: Number(e['byte_offset']) } : {}),
      ...(e['record_no'] !== null ? { record: Number(e['record_no']) } : {}),
    });
    bySource.set(id, list);
  }
  return r.getRowObjects().map((s) => ({
    path: String(s['path']),
    sha256: String(s['sha256']),
    format: String(s['format']),
    ...(s['variant'] !== null ? { variant: String(s['variant']) } : {}),
    events: Number(s['events']),
    skipped: Number(s['skipped']),
    errors: bySource.get(Number(s['source_id'])) ?? [],
    size: Number(s['size']),
    importMs: Number(s['import_ms']),
  }));
}
