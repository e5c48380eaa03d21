// The case as a Timesketch timeline: one JSON line per Windows event, sign-in and audit record, then one
// per finding, in Timesketch's JSONL import format (https://timesketch.org/guides/user/import-from-json-csv/):
// every line has `message`, `datetime` (ISO 8601) and `timestamp_desc`, plus `timestamp` (microseconds
// since the epoch) and the event's typed fields. The events a finding rests on carry its analytic and
// severity in `tag`, the field Timesketch keeps an event's tags in, so a team can go on in Timesketch
// with AccountScope's conclusions attached.
//
// DuckDB writes each line's JSON but the message: every field a member `"name":value` (to_json), null
// fields left out (concat_ws skips NULLs), on its own threads. JavaScript reads only the line and the
// few columns the message is made of, and makes the message with the timeline's own words
// (service/eventSummary.ts), so both say the same. Converting every column to a JavaScript object and
// back to JSON took three times the CPU (measured on 237,500 events: 18.0–19.4 against 5.0–6.5 CPU-s).
//
// Rows stream out of DuckDB a chunk at a time and into the file with back-pressure: a million-event case
// is never held in memory. The file is written aside (under a name store/scratchFiles.ts sweeps when its
// writer was killed) and renamed when complete.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AUDIT_CATEGORY_SQL, SIGNIN_CATEGORY_SQL, WIN_CATEGORY_SQL } from '../service/eventCategories.js';
import { summarizeEvent } from '../service/eventSummary.js';
import type { JsonRow } from '../service/sqlRows.js';
import { scratchPath, sweepLeftovers, type Leftover } from '../store/scratchFiles.js';

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

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** `"name":value` for a value that is not NULL; NULL otherwise, which concat_ws leaves out. */
const member = (name: string, expr: string): string =>
  `CASE WHEN (${expr}) IS NOT NULL THEN ${literal(`${JSON.stringify(name)}:`)} || to_json(${expr})::VARCHAR END`;

/** Keys the entry sets itself, which a column of the same name must not overwrite. */
const RESERVED = new Set(['message', 'datetime', 'timestamp', 'timestamp_desc', 'data_type', 'tag']);

/** Logon ids as Windows shows them (0x3e7); the case keeps them as numbers. */
const LOGON_IDS = new Set(['subject_logon_id', 'target_logon_id']);

/** The tags and finding ids of the findings a record is evidence of. */
const EVIDENCE_TAGS = (table: string): string => `
  LEFT JOIN (
    SELECT e.source_id, e.record_no,
           list(DISTINCT 'accountscope:' || f.analytic ORDER BY 'accountscope:' || f.analytic)
             || list(DISTINCT 'accountscope:severity:' || f.severity ORDER BY 'accountscope:severity:' || f.severity) AS ts_tags,
           list(DISTINCT f.finding_id ORDER BY f.finding_id) AS ts_findings
      FROM finding_evidence e JOIN findings f USING (finding_id)
     WHERE e.table_name = ${literal(table)}
     GROUP BY ALL) ev USING (source_id, record_no)`;

const TAG_MEMBERS = `CASE WHEN len(ev.ts_tags) > 0
  THEN '"tag":' || to_json(ev.ts_tags)::VARCHAR || ',"accountscope_findings":' || to_json(ev.ts_findings)::VARCHAR END`;

interface TimelineTable {
  table: 'win_events' | 'signins' | 'audits' | 'findings';
  alias: string;
  /** FROM and WHERE, after the table itself. */
  joins: string;
  time: string;
  timestampDesc: string;
  dataType: string;
  /** Members before the table's own columns. */
  leading?: Array<[string, string]>;
  /** The table's columns written as they are: these, or all but `skip`. */
  columns?: readonly string[];
  skip?: readonly string[];
  /** Members after them, as [name, SQL]; then `raw`, SQL giving ready members (or NULL). */
  trailing: Array<[string, string]>;
  raw?: readonly string[];
  /** What the message is made of (name → SQL), and how. */
  messageInputs: Record<string, string>;
  message(row: JsonRow): string;
}

const EVIDENCE: Array<[string, string]> = [
  ['evidence_file', 's.name'],
  ['evidence_sha256', 's.sha256'],
];

const TABLES: readonly TimelineTable[] = [
  {
    table: 'win_events',
    alias: 'w',
    joins: `JOIN sources s USING (source_id) ${EVIDENCE_TAGS('win_events')} WHERE w.ts IS NOT NULL`,
    time: 'w.ts',
    timestampDesc: 'Event Recorded',
    dataType: 'windows:evtx:record',
    // The names plaso gives these, which Timesketch's own analyzers look for.
    leading: [
      ['computer_name', 'w.host'],
      ['event_identifier', 'w.event_id'],
      ['record_number', 'w.record_id'],
      ['source_name', 'w.provider'],
    ],
    skip: ['ts', 'xml', 'data', 'record_offset', 'host', 'event_id', 'record_id', 'provider'],
    trailing: [['category', WIN_CATEGORY_SQL], ...EVIDENCE],
    // Each remaining EventData value as data_<Name> (`data` is a flat object of strings).
    raw: [
      `nullif(array_to_string(list_transform(
         list_filter(map_entries(w.data::MAP(VARCHAR, VARCHAR)), d -> d.value IS NOT NULL AND d.value <> ''),
         d -> to_json('data_' || d.key)::VARCHAR || ':' || to_json(d.value)::VARCHAR), ','), '')`,
      TAG_MEMBERS,
    ],
    messageInputs: Object.fromEntries(
      [
        'event_id',
        'provider',
        'subject_user',
        'subject_domain',
        'target_user',
        'target_domain',
        'ip',
        'workstation',
        'logon_type',
        'command_line',
        'image',
        'sub_status',
        'status',
        'failure_code',
        'member_name',
        'object_type',
        'object_name',
        'caller_image',
      ]
        .map((c) => [c, `w.${c}`])
        .concat([['category', WIN_CATEGORY_SQL]]),
    ),
    message: (row) => `[${row['event_id'] ?? '?'}] ${summarizeEvent({ ...row, tbl: 'win_events' })}`,
  },
  {
    table: 'signins',
    alias: 'g',
    joins: `JOIN sources s USING (source_id) ${EVIDENCE_TAGS('signins')} WHERE g.ts IS NOT NULL`,
    time: 'g.ts',
    timestampDesc: 'Sign-in Time',
    dataType: 'entra:signin',
    skip: ['ts', 'raw'],
    trailing: [['category', SIGNIN_CATEGORY_SQL], ...EVIDENCE],
    raw: [TAG_MEMBERS],
    messageInputs: {
      category: SIGNIN_CATEGORY_SQL,
      subject_user: 'g.user_principal_name',
      caller_image: 'g.failure_reason',
      app: 'g.app_display_name',
      error_code: 'g.error_code',
      ip: 'g.ip',
    },
    message: (row) => summarizeEvent({ ...row, tbl: 'signins' }),
  },
  {
    table: 'audits',
    alias: 'a',
    joins: `JOIN sources s USING (source_id) ${EVIDENCE_TAGS('audits')} WHERE a.ts IS NOT NULL`,
    time: 'a.ts',
    timestampDesc: 'Activity Time',
    dataType: 'entra:audit',
    skip: ['ts', 'raw', 'category'],
    trailing: [['audit_category', 'a.category'], ['category', AUDIT_CATEGORY_SQL], ...EVIDENCE],
    raw: [TAG_MEMBERS],
    messageInputs: {
      caller_image: 'a.activity',
      result: 'a.result',
      subject_user: 'a.initiator_upn',
      target_user: "array_to_string(a.target_upns, ', ')",
    },
    message: (row) => summarizeEvent({ ...row, tbl: 'audits', category: 'audit' }),
  },
  {
    table: 'findings',
    alias: 'f',
    joins: 'ORDER BY f.first_ts, f.finding_id',
    time: 'f.first_ts',
    timestampDesc: 'Finding First Seen',
    dataType: 'accountscope:finding',
    columns: [
      'finding_id',
      'analytic',
      'title',
      'severity',
      'confidence',
      'hosts',
      'accounts',
      'actor_user',
      'actor_logon_id',
      'actor_source_ip',
      'allowlisted_kind',
      'allowlisted_value',
      'explanation',
    ],
    trailing: [
      ['last_seen', "strftime(f.last_ts, '%Y-%m-%dT%H:%M:%S.%f+00:00')"],
      [
        'tag',
        "['accountscope:finding', 'accountscope:' || f.analytic, 'accountscope:severity:' || f.severity]",
      ],
    ],
    messageInputs: { severity: 'f.severity', analytic: 'f.analytic', title: 'f.title' },
    message: (row) =>
      `[${String(row['severity']).toUpperCase()}] ${String(row['analytic'])}: ${String(row['title'])}`,
  },
];

async function tableColumns(conn: DuckDBConnection, table: string): Promise<string[]> {
  const r = await conn.runAndReadAll(
    `SELECT column_name FROM duckdb_columns()
      WHERE database_name = current_database() AND schema_name = current_schema() AND table_name = $t
      ORDER BY column_index`,
    { t: table },
  );
  return r.getRows().map((row) => String(row[0]));
}

/** The query giving each line's JSON (all but the message) and the message's inputs. */
async function timelineSql(conn: DuckDBConnection, t: TimelineTable): Promise<string> {
  const own = t.columns ?? (await tableColumns(conn, t.table)).filter((c) => !(t.skip ?? []).includes(c));
  const members = [
    `'"datetime":' || to_json(strftime(${t.time}, '%Y-%m-%dT%H:%M:%S.%f+00:00'))::VARCHAR`,
    `'"timestamp":' || epoch_us(${t.time})::VARCHAR`,
    literal(`"timestamp_desc":${JSON.stringify(t.timestampDesc)},"data_type":${JSON.stringify(t.dataType)}`),
    ...(t.leading ?? []).map(([n, e]) => member(n, e)),
    ...own.map((c) => {
      const col = `${t.alias}.${ident(c)}`;
      return member(RESERVED.has(c) ? `field_${c}` : c, LOGON_IDS.has(c) ? `hex_logon_id(${col})` : col);
    }),
    ...t.trailing.map(([n, e]) => member(n, e)),
    ...(t.raw ?? []),
  ];
  const inputs = Object.entries(t.messageInputs).map(([n, e]) => `${e} AS ${ident(`m_${n}`)}`);
  return `SELECT concat_ws(',', ${members.join(',\n')}) AS line, ${inputs.join(', ')}
            FROM ${t.table} ${t.alias} ${t.joins}`;
}

/**
 * The lines each table gives (its records with a time; every finding) and the records left out for
 * having none, in one pass over the tables themselves.
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
  onLeftovers?: (removed: Leftover[]) => void,
): Promise<TimesketchCounts> {
  if (!/\.jsonl$/i.test(file))
    throw new Error(`${file}: Timesketch imports JSON lines only from a .jsonl file`);
  const counts: TimesketchCounts = { ...(await lineCounts(conn)), lines: 0, bytes: 0 };
  const lines = counts.winEvents + counts.signins + counts.audits + counts.findings;
  // A timeline is gigabytes: what an export killed in this folder before left goes first.
  const removed = sweepLeftovers(dirname(file));
  if (removed.length > 0) onLeftovers?.(removed);
  const partial = scratchPath(file, 'exporting');
  const out = createWriteStream(partial, { flags: 'w' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = async (text: string): Promise<void> => {
    counts.bytes += Buffer.byteLength(text);
    if (!out.write(text))
      await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
  };
  try {
    for (const t of TABLES) {
      const result = await conn.stream(await timelineSql(conn, t));
      const names = Object.keys(t.messageInputs);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const columns = chunk.getColumns();
        let text = '';
        for (let i = 0; i < chunk.rowCount; i++) {
          const row: JsonRow = {};
          names.forEach((n, c) => {
            const v = columns[c + 1]![i];
            row[n] =
              v === null || v === undefined
                ? null
                : typeof v === 'bigint'
                  ? Number(v)
                  : (v as string | number);
          });
          text += `{"message":${JSON.stringify(t.message(row))},${String(columns[0]![i])}}\n`;
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
