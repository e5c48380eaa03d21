// What a report says of an event in one line: when, where, which event, the account it names and its
// outcome code. Read in bulk, by joining the rows that point at events (a finding's evidence, a
// responder's tagged events) to the case tables, so a report of thousands of findings is one query each.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EvidenceRef, Finding, TriagedEvent } from '../../../shared/report.js';
import { readAllEventTriage, refKey } from './eventTriage.js';
import { iso, rows, type Row } from './triageRows.js';

const qualified = (domain: string, user: string) =>
  `CASE WHEN ${user} IS NULL OR trim(${user}) IN ('', '-') THEN NULL
        WHEN ${domain} IS NULL OR trim(${domain}) IN ('', '-') THEN ${user}
        ELSE ${domain} || '\\' || ${user} END`;

// `p` stands for the pointing table's alias: its table_name, source_id and record_no name the event.
const FACT_COLUMNS = `
  coalesce(w.ts, s.ts, a.ts) AS ev_ts,
  coalesce(w.host, CASE WHEN s.record_no IS NOT NULL OR a.record_no IS NOT NULL THEN 'Entra ID' END) AS ev_host,
  w.event_id AS ev_event_id,
  coalesce(${qualified('w.target_domain', 'w.target_user')}, ${qualified('w.subject_domain', 'w.subject_user')},
           s.user_principal_name, a.initiator_upn, a.target_upns[1]) AS ev_user,
  coalesce(nullif(w.sub_status, '0x0'), nullif(w.status, '0x0'), w.failure_code, s.error_code::VARCHAR,
           a.result) AS ev_code`;

const FACT_JOINS = `
  LEFT JOIN win_events w ON p.table_name = 'win_events' AND w.source_id = p.source_id AND w.record_no = p.record_no
  LEFT JOIN signins s ON p.table_name = 'signins' AND s.source_id = p.source_id AND s.record_no = p.record_no
  LEFT JOIN audits a ON p.table_name = 'audits' AND a.source_id = p.source_id AND a.record_no = p.record_no`;

const str = (v: Row[string] | undefined): string | undefined =>
  v === null || v === undefined ? undefined : String(v);

/** Each finding with the account and outcome code of each of its evidence events, where the case has them. */
export async function withEvidenceFacts(
  conn: DuckDBConnection,
  findings: readonly Finding[],
): Promise<Finding[]> {
  if (findings.length === 0) return [];
  const found = await rows(
    conn,
    `SELECT p.finding_id, p.seq, ev_user, ev_code FROM (
       SELECT p.finding_id, p.seq, ${FACT_COLUMNS} FROM finding_evidence p ${FACT_JOINS}
     ) p WHERE ev_user IS NOT NULL OR ev_code IS NOT NULL`,
  );
  const facts = new Map<string, { user?: string; code?: string }>();
  for (const r of found) {
    facts.set(`${String(r['finding_id'])}#${Number(r['seq'])}`, {
      ...(str(r['ev_user']) ? { user: str(r['ev_user']) } : {}),
      ...(str(r['ev_code']) ? { code: str(r['ev_code']) } : {}),
    });
  }
  if (facts.size === 0) return [...findings];
  return findings.map((f) => ({
    ...f,
    evidence: f.evidence.map((e, i): EvidenceRef => ({ ...e, ...facts.get(`${f.id}#${i + 1}`) })),
  }));
}

/** Every event a responder tagged, noted or bookmarked, with what it is, in time order. */
export async function triagedEvents(conn: DuckDBConnection): Promise<TriagedEvent[]> {
  const triage = await readAllEventTriage(conn);
  if (triage.length === 0) return [];
  const found = await rows(
    conn,
    `SELECT p.table_name, p.source_sha256, p.record_no, ${iso('ev_ts')} AS ev_time, ev_host, ev_event_id,
       ev_user, ev_code
     FROM (SELECT p.table_name, p.source_sha256, p.record_no, ${FACT_COLUMNS}
           FROM (SELECT t.*, src.source_id FROM event_triage t JOIN sources src ON src.sha256 = t.source_sha256) p
           ${FACT_JOINS}) p`,
  );
  const facts = new Map(
    found.map((r) => [
      refKey({
        table: String(r['table_name']) as TriagedEvent['ref']['table'],
        source: String(r['source_sha256']),
        recordNo: Number(r['record_no']),
      }),
      r,
    ]),
  );
  const out = triage.map((t): TriagedEvent => {
    const r = facts.get(refKey(t.ref));
    return {
      ...t,
      time: str(r?.['ev_time']) ?? null,
      host: str(r?.['ev_host']) ?? null,
      eventId:
        r?.['ev_event_id'] === null || r?.['ev_event_id'] === undefined ? null : Number(r['ev_event_id']),
      user: str(r?.['ev_user']) ?? null,
      code: str(r?.['ev_code']) ?? null,
    };
  });
  return out.sort(
    (a, b) => (a.time ?? '').localeCompare(b.time ?? '') || refKey(a.ref).localeCompare(refKey(b.ref)),
  );
}
