// The exact text of one evidence record, as it was in its file: the XML of a Windows event, the JSON of
// an Entra record. The table name comes from a fixed map, never from the request's text. An event read
// from an .evtx file has no stored XML: it is rendered from the evidence file at its record's offset, and
// when the file is no longer there (or no longer the same), the viewer is given the fields the import
// kept, as JSON, and told why.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RawEvent } from '../../../shared/api.js';
import { readEvtxRecordXml } from '../readers/evtx/recordFromFile.js';
import { WIN_CATEGORY_SQL } from './eventCategories.js';
import { notFound } from './serviceError.js';
import { readOne, text, type JsonRow } from './sqlRows.js';

const RAW_COLUMN: Record<RawEvent['table'], { sql: string; format: RawEvent['format'] }> = {
  win_events: {
    sql: `SELECT e.xml AS text, e.record_offset, e.record_id::VARCHAR AS record_id_text, s.path,
            (${WIN_CATEGORY_SQL}) = 'process' AS process_start FROM win_events e`,
    format: 'xml',
  },
  signins: { sql: 'SELECT e.raw AS text, s.path FROM signins e', format: 'json' },
  audits: { sql: 'SELECT e.raw AS text, s.path FROM audits e', format: 'json' },
};

export async function readRawEvent(
  conn: DuckDBConnection,
  ref: { table: RawEvent['table']; source: string; recordNo: number },
): Promise<RawEvent> {
  const query = RAW_COLUMN[ref.table];
  const where = 'JOIN sources s USING (source_id) WHERE s.sha256 = $sha AND e.record_no = $rec LIMIT 1';
  const params = { sha: ref.source, rec: BigInt(ref.recordNo) };
  const row = await readOne(conn, `${query.sql} ${where}`, params);
  if (!row) throw notFound(`record ${ref.recordNo} of source ${ref.source.slice(0, 12)}… in ${ref.table}`);
  const found = {
    table: ref.table,
    source: ref.source,
    sourcePath: text(row['path']),
    recordNo: ref.recordNo,
    ...(row['process_start'] === true ? { processStart: true } : {}),
  };
  if (row['text'] !== null || row['record_offset'] === undefined || row['record_offset'] === null) {
    return { ...found, format: query.format, text: text(row['text']) };
  }
  const offset = Number(row['record_offset']);
  try {
    const recordId = row['record_id_text'] === null ? null : BigInt(text(row['record_id_text']));
    const xml = await readEvtxRecordXml(found.sourcePath, offset, recordId);
    return {
      ...found,
      format: 'xml',
      text: xml,
      origin: `rendered from the .evtx file, record at byte ${offset}`,
    };
  } catch (e) {
    const fields = await readOne(conn, `SELECT e.* EXCLUDE (xml) FROM win_events e ${where}`, params);
    return {
      ...found,
      format: 'json',
      text: JSON.stringify(withoutNulls(fields ?? {})),
      origin:
        `the .evtx file could not be read at byte ${offset} (${(e as Error).message}); ` +
        'these are the fields the import kept from the record',
    };
  }
}

function withoutNulls(row: JsonRow): JsonRow {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
}
