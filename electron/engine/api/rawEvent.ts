// The exact text of one evidence record, as it was in its file: the XML of a Windows event, the JSON of
// an Entra record. The table name comes from a fixed map, never from the request's text.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RawEvent } from '../../../shared/api.js';
import { notFound } from './serviceError.js';
import { readOne, text } from './sqlRows.js';

const RAW_COLUMN: Record<RawEvent['table'], { sql: string; format: RawEvent['format'] }> = {
  win_events: { sql: 'SELECT e.xml AS text, s.path FROM win_events e', format: 'xml' },
  signins: { sql: 'SELECT e.raw AS text, s.path FROM signins e', format: 'json' },
  audits: { sql: 'SELECT e.raw AS text, s.path FROM audits e', format: 'json' },
};

export async function readRawEvent(
  conn: DuckDBConnection,
  ref: { table: RawEvent['table']; source: string; recordNo: number },
): Promise<RawEvent> {
  const query = RAW_COLUMN[ref.table];
  const row = await readOne(
    conn,
    `${query.sql} JOIN sources s USING (source_id) WHERE s.sha256 = $sha AND e.record_no = $rec LIMIT 1`,
    { sha: ref.source, rec: BigInt(ref.recordNo) },
  );
  if (!row) throw notFound(`record ${ref.recordNo} of source ${ref.source.slice(0, 12)}… in ${ref.table}`);
  return {
    table: ref.table,
    source: ref.source,
    sourcePath: text(row['path']),
    recordNo: ref.recordNo,
    format: query.format,
    text: text(row['text']),
  };
}
