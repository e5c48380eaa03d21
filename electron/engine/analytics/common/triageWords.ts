// Small pieces the triage checklists share: bound queries as JSON rows, times and lists in words, evidence
// references from rows, and what a host logs (to tell "not found" from "cannot be seen").
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { EvidenceRef, LineageNode } from '../../../../shared/report.js';
import type { JsonRow } from '../../service/sqlRows.js';

/** Rows of a bound query as JSON-safe objects; `types` for values DuckDB cannot type alone (lists, NULLs). */
export async function queryRows(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
  types?: Record<string, DuckDBType>,
): Promise<JsonRow[]> {
  const reader = await conn.runAndReadAll(sql, params, types);
  return reader.getRowObjectsJson() as JsonRow[];
}

/** `2026-03-11T13:49:59.123456Z` → `2026-03-11 13:49:59 UTC`: how an answer says a time. */
export function utcText(iso: string | null | undefined): string {
  if (!iso) return 'an unknown time';
  return `${iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '')} UTC`;
}

/** An evidence reference from a row holding sha256, record_no, record_id, event_id, time and tbl. */
export function refOf(r: JsonRow, role: string): EvidenceRef {
  const ref: EvidenceRef = {
    source: String(r['sha256'] ?? ''),
    recordId: r['record_id'] === null || r['record_id'] === undefined ? null : Number(r['record_id']),
    time: String(r['time'] ?? ''),
    table: (r['tbl'] ?? 'win_events') as EvidenceRef['table'],
    recordNo: Number(r['record_no']),
    role,
  };
  if (r['event_id'] !== null && r['event_id'] !== undefined) ref.eventId = Number(r['event_id']);
  return ref;
}

/** `explorer.exe → cmd.exe → net.exe “net user backdoor /add”`: the chain as a responder says it. */
export function chainText(lineage: readonly LineageNode[]): string {
  const names = lineage.map((n) => {
    const image = n.image ? n.image.split(/[\\/]/).pop()! : '(unknown)';
    return n.stub ? `${image} (start not logged)` : image;
  });
  const last = lineage[lineage.length - 1];
  const command = last?.commandLine?.trim();
  return command ? `${names.join(' → ')} “${command}”` : names.join(' → ');
}

export function list(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

const LOGON_TYPES: Record<number, string> = {
  2: 'interactive',
  3: 'network',
  4: 'batch',
  5: 'service',
  10: 'RDP',
};

/** A 4624 logon type in a word ("RDP", "network"), or "type N" for the rarer ones. */
export function logonTypeName(type: unknown): string {
  return LOGON_TYPES[Number(type)] ?? `type ${String(type)}`;
}

// The same word rule as the explanations'.
export { plural } from './explainWords.js';

/** What a host logs that a checklist needs to know, to tell "not found" from "cannot be seen". */
export interface HostTelemetry {
  processStarts: number;
  fileCreations: number;
  clears: Array<{ time: string; eventId: number; user: string | null; channel: string | null }>;
}

export async function hostTelemetry(conn: DuckDBConnection, host: string): Promise<HostTelemetry> {
  const [counts] = await queryRows(
    conn,
    `SELECT count(*) FILTER (WHERE event_id = 4688 OR event_id = 1 AND is_sysmon(provider, channel)) AS starts,
            count(*) FILTER (WHERE event_id = 11 AND is_sysmon(provider, channel)) AS files
     FROM win_events WHERE lower(host) = lower($host) AND event_id IN (1, 11, 4688)`,
    { host },
  );
  const clears = await queryRows(
    conn,
    `SELECT iso_utc(ts) AS time, event_id, account_display(subject_user, subject_domain) AS who,
            CASE WHEN event_id = 1102 THEN 'Security' ELSE data->>'Channel' END AS channel
     FROM win_events
     WHERE lower(host) = lower($host)
       AND (event_id = 1102 AND NOT is_sysmon(provider, channel)
            OR event_id = 104 AND provider = 'Microsoft-Windows-Eventlog')
     ORDER BY ts`,
    { host },
  );
  return {
    processStarts: Number(counts?.['starts'] ?? 0),
    fileCreations: Number(counts?.['files'] ?? 0),
    clears: clears.map((c) => ({
      time: String(c['time']),
      eventId: Number(c['event_id']),
      user: c['who'] === null ? null : String(c['who']),
      channel: c['channel'] === null ? null : String(c['channel']),
    })),
  };
}

/** "the Security log was cleared at … by CORP\jdoe": the clears of a host before a time, in words. */
export function clearsBefore(facts: HostTelemetry, beforeIso: string): string | null {
  const before = facts.clears.filter((c) => c.time <= beforeIso);
  if (before.length === 0) return null;
  return before
    .map(
      (c) =>
        `the ${c.channel ?? 'event'} log was cleared at ${utcText(c.time)} by ${c.user ?? 'an unknown user'}`,
    )
    .join('; ');
}
