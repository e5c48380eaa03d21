// The case as a Timesketch timeline: one JSON line per Windows event, sign-in and audit record, then one
// per finding, in Timesketch's JSONL import format (https://timesketch.org/guides/user/import-from-json-csv/):
// every line has `message`, `datetime` (ISO 8601) and `timestamp_desc`, plus `timestamp` (microseconds
// since the epoch) and the event's typed fields. The events a finding rests on carry its analytic and
// severity in `tag`, the field Timesketch keeps an event's tags in, so a team can go on in Timesketch
// with AccountScope's conclusions attached.
//
// Rows stream out of DuckDB a chunk at a time and into the file with back-pressure: a million-event case
// is never held in memory. The file is written aside and renamed when complete.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { DuckDBConnection, Json } from '@duckdb/node-api';
import { DuckDBTypeId, JsonDuckDBValueConverter } from '@duckdb/node-api';
import { AUDIT_CATEGORY_SQL, SIGNIN_CATEGORY_SQL, WIN_CATEGORY_SQL } from '../service/eventCategories.js';
import { summarizeEvent } from '../service/eventSummary.js';
import type { JsonRow } from '../service/sqlRows.js';

export interface TimesketchCounts {
  winEvents: number;
  signins: number;
  audits: number;
  findings: number;
  /** Records with no time, which Timesketch cannot place: left out, and counted here. */
  untimed: number;
  lines: number;
  bytes: number;
}

export interface TimesketchProgress {
  linesDone: number;
  lines: number;
}

const ISO = (col: string): string => `strftime(${col}, '%Y-%m-%dT%H:%M:%S.%f+00:00')`;
/** Microseconds since the epoch, exact as a double until the year 2255. */
const MICROS = (col: string): string => `epoch_us(${col})::DOUBLE`;

/** Per record: the tags and finding ids of the findings it is evidence of. */
const EVIDENCE_TAGS = (table: string): string => `
  LEFT JOIN (
    SELECT e.source_id, e.record_no,
           list(DISTINCT 'accountscope:' || f.analytic ORDER BY 'accountscope:' || f.analytic)
             || list(DISTINCT 'accountscope:severity:' || f.severity ORDER BY 'accountscope:severity:' || f.severity) AS ts_tags,
           list(DISTINCT f.finding_id ORDER BY f.finding_id) AS ts_findings
      FROM finding_evidence e JOIN findings f USING (finding_id)
     WHERE e.table_name = '${table}'
     GROUP BY ALL) ev USING (source_id, record_no)`;

/** What goes out per table: every column but the bulky raw text, plus time, category, source and tags. */
const QUERIES = {
  win_events: `
    SELECT w.* EXCLUDE (ts, xml, data, record_offset), w.data::VARCHAR AS data_json,
           ${ISO('w.ts')} AS ts_iso, ${MICROS('w.ts')} AS ts_us, ${WIN_CATEGORY_SQL} AS category,
           s.name AS evidence_file, s.sha256 AS evidence_sha256, ev.ts_tags, ev.ts_findings
      FROM win_events w JOIN sources s USING (source_id) ${EVIDENCE_TAGS('win_events')}
     WHERE w.ts IS NOT NULL`,
  signins: `
    SELECT g.* EXCLUDE (ts, raw), ${ISO('g.ts')} AS ts_iso, ${MICROS('g.ts')} AS ts_us,
           ${SIGNIN_CATEGORY_SQL} AS category,
           s.name AS evidence_file, s.sha256 AS evidence_sha256, ev.ts_tags, ev.ts_findings
      FROM signins g JOIN sources s USING (source_id) ${EVIDENCE_TAGS('signins')}
     WHERE g.ts IS NOT NULL`,
  audits: `
    SELECT a.* EXCLUDE (ts, raw, category), a.category AS audit_category, ${ISO('a.ts')} AS ts_iso,
           ${MICROS('a.ts')} AS ts_us, ${AUDIT_CATEGORY_SQL} AS category,
           s.name AS evidence_file, s.sha256 AS evidence_sha256, ev.ts_tags, ev.ts_findings
      FROM audits a JOIN sources s USING (source_id) ${EVIDENCE_TAGS('audits')}
     WHERE a.ts IS NOT NULL`,
  findings: `
    SELECT finding_id, analytic, title, severity, confidence, hosts, accounts, actor_user, actor_logon_id,
           actor_source_ip, allowlisted_kind, allowlisted_value, explanation,
           ${ISO('first_ts')} AS ts_iso, ${MICROS('first_ts')} AS ts_us, ${ISO('last_ts')} AS last_seen
      FROM findings ORDER BY first_ts, finding_id`,
} as const;

type Table = keyof typeof QUERIES;

/** Keys the entry sets itself, which a column of the same name must not overwrite. */
const RESERVED = new Set(['message', 'datetime', 'timestamp', 'timestamp_desc', 'data_type', 'tag']);

function plain(row: JsonRow, drop: ReadonlySet<string>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === null || drop.has(k) || k.startsWith('ts_')) continue;
    out[RESERVED.has(k) ? `field_${k}` : k] = v;
  }
  return out;
}

const DROP_WIN = new Set(['data_json', 'host', 'event_id', 'record_id', 'provider']);
const DROP_NONE: ReadonlySet<string> = new Set();

/** The fields every Timesketch entry has, then the entry's own. */
function entry(
  row: JsonRow,
  message: string,
  timestampDesc: string,
  dataType: string,
  fields: Record<string, Json>,
): Record<string, Json> {
  return {
    message,
    datetime: row['ts_iso']!,
    timestamp: row['ts_us']!,
    timestamp_desc: timestampDesc,
    data_type: dataType,
    ...fields,
  };
}

function windowsEntry(row: JsonRow): Record<string, Json> {
  const message = `[${row['event_id'] ?? '?'}] ${summarizeEvent({ ...row, tbl: 'win_events' })}`;
  const e = entry(row, message, 'Event Recorded', 'windows:evtx:record', {
    // The names plaso gives these, which Timesketch's own analyzers look for.
    computer_name: row['host'] ?? null,
    event_identifier: row['event_id'] ?? null,
    record_number: row['record_id'] ?? null,
    source_name: row['provider'] ?? null,
    ...plain(row, DROP_WIN),
  });
  const data = row['data_json'];
  if (typeof data === 'string' && data.length > 2) {
    for (const [k, v] of Object.entries(JSON.parse(data) as Record<string, unknown>))
      if (v !== null && v !== '') e[`data_${k}`] = String(v);
  }
  return withTags(e, row);
}

function signinEntry(row: JsonRow): Record<string, Json> {
  const summary = summarizeEvent({
    tbl: 'signins',
    category: row['category']!,
    subject_user: row['user_principal_name'] ?? null,
    caller_image: row['failure_reason'] ?? null,
    app: row['app_display_name'] ?? null,
    error_code: row['error_code'] ?? null,
    ip: row['ip'] ?? null,
  });
  return withTags(entry(row, summary, 'Sign-in Time', 'entra:signin', plain(row, DROP_NONE)), row);
}

function auditEntry(row: JsonRow): Record<string, Json> {
  const targets = Array.isArray(row['target_upns']) ? row['target_upns'].join(', ') : null;
  const summary = summarizeEvent({
    tbl: 'audits',
    category: 'audit',
    caller_image: row['activity'] ?? null,
    result: row['result'] ?? null,
    subject_user: row['initiator_upn'] ?? null,
    target_user: targets,
  });
  return withTags(entry(row, summary, 'Activity Time', 'entra:audit', plain(row, DROP_NONE)), row);
}

function findingEntry(row: JsonRow): Record<string, Json> {
  const severity = String(row['severity']);
  const message = `[${severity.toUpperCase()}] ${String(row['analytic'])}: ${String(row['title'])}`;
  return entry(row, message, 'Finding First Seen', 'accountscope:finding', {
    ...plain(row, DROP_NONE),
    tag: [
      'accountscope:finding',
      `accountscope:${String(row['analytic'])}`,
      `accountscope:severity:${severity}`,
    ],
  });
}

function withTags(entry: Record<string, Json>, row: JsonRow): Record<string, Json> {
  const tags = row['ts_tags'];
  if (Array.isArray(tags) && tags.length > 0) {
    entry['tag'] = tags;
    entry['accountscope_findings'] = row['ts_findings'] ?? [];
  }
  return entry;
}

const ENTRY: Record<Table, (row: JsonRow) => Record<string, Json>> = {
  win_events: windowsEntry,
  signins: signinEntry,
  audits: auditEntry,
  findings: findingEntry,
};

/** Logon ids as Windows shows them (0x3e7); the case keeps them as numbers. */
const LOGON_IDS = new Set(['subject_logon_id', 'target_logon_id']);

/**
 * How a column's JSON value is put right: DuckDB's JSON conversion gives BIGINTs as text (JSON numbers
 * cannot hold all of them), but pids and record numbers are numbers to a reader, and fit.
 */
function fixer(name: string, type: DuckDBTypeId): ((v: Json) => Json) | null {
  if (LOGON_IDS.has(name)) return (v) => (typeof v === 'string' ? `0x${BigInt(v).toString(16)}` : v);
  if (type !== DuckDBTypeId.BIGINT && type !== DuckDBTypeId.UBIGINT && type !== DuckDBTypeId.HUGEINT)
    return null;
  return (v) => {
    if (typeof v !== 'string') return v;
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  };
}

/**
 * The lines each table gives (its records with a time; every finding) and the records left out for
 * having none, in one pass over the tables themselves (the export's own queries join the evidence tags,
 * which a count does not need).
 */
async function lineCounts(conn: DuckDBConnection): Promise<Omit<TimesketchCounts, 'lines' | 'bytes'>> {
  const r = await conn.runAndReadAll(`
    SELECT (SELECT count(ts) FROM win_events), (SELECT count(ts) FROM signins), (SELECT count(ts) FROM audits),
           (SELECT count(*) FROM findings),
           (SELECT count(*) - count(ts) FROM win_events) + (SELECT count(*) - count(ts) FROM signins)
             + (SELECT count(*) - count(ts) FROM audits)`);
  const [winEvents, signins, audits, findings, untimed] = r.getRows()[0]!.map(Number);
  return {
    winEvents: winEvents!,
    signins: signins!,
    audits: audits!,
    findings: findings!,
    untimed: untimed!,
  };
}

/**
 * Writes the case behind `conn` to `file` (which must end in .jsonl, as Timesketch asks) as a Timesketch
 * timeline; reads only, so any connection to the case will do, the app's own included.
 */
export async function exportTimesketch(
  conn: DuckDBConnection,
  file: string,
  onProgress?: (p: TimesketchProgress) => void,
): Promise<TimesketchCounts> {
  if (!/\.jsonl$/i.test(file))
    throw new Error(`${file}: Timesketch imports JSON lines only from a .jsonl file`);
  const tables = Object.keys(QUERIES) as Table[];
  const counts: TimesketchCounts = { ...(await lineCounts(conn)), lines: 0, bytes: 0 };
  const lines = counts.winEvents + counts.signins + counts.audits + counts.findings;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { flags: 'w' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = async (text: string): Promise<void> => {
    counts.bytes += Buffer.byteLength(text);
    if (!out.write(text))
      await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
  };
  try {
    for (const table of tables) {
      const result = await conn.stream(QUERIES[table]);
      const names = result.deduplicatedColumnNames();
      const fixes = names.map((n, i) => fixer(n, result.columnTypeId(i)));
      const toEntry = ENTRY[table];
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        let text = '';
        for (const values of chunk.convertRows(JsonDuckDBValueConverter)) {
          const row: JsonRow = {};
          names.forEach((n, i) => {
            const v = values[i] ?? null;
            row[n] = v === null ? null : (fixes[i]?.(v) ?? v);
          });
          text += `${JSON.stringify(toEntry(row))}\n`;
        }
        counts.lines += chunk.rowCount;
        await write(text);
        onProgress?.({ linesDone: counts.lines, lines });
      }
    }
    await Promise.race([new Promise<void>((r) => out.end(r)), failed]);
    renameSync(partial, file);
    return counts;
  } catch (e) {
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
}
