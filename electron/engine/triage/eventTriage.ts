// A responder's tags, note and bookmark on single events (migration 008's event_triage), named the way
// the raw viewer names an event: table, the file's SHA-256, the record's ordinal in that file. A change
// that leaves nothing (no tag, no note, no bookmark) removes the row, so every row is something a
// responder set.
import type { DuckDBConnection } from '@duckdb/node-api';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { EventTriageChange } from '../../../shared/api.js';
import type { EventRef, EventTriage } from '../../../shared/report.js';
import { cleanTags, iso, rows, textList, timestampText, type Row } from './triageRows.js';

// Table names come from this fixed map, never from the request's text.
const EXISTS_SQL: Record<EventRef['table'], string> = Object.fromEntries(
  (['win_events', 'signins', 'audits'] as const).map((t) => [
    t,
    `SELECT 1 FROM ${t} e JOIN sources s USING (source_id) WHERE s.sha256 = $sha AND e.record_no = $rec LIMIT 1`,
  ]),
) as Record<EventRef['table'], string>;

export const refKey = (ref: EventRef): string => `${ref.table}|${ref.source}|${ref.recordNo}`;

function triage(r: Row): EventTriage {
  return {
    ref: {
      table: String(r['table_name']) as EventRef['table'],
      source: String(r['source_sha256']),
      recordNo: Number(r['record_no']),
    },
    tags: textList(r['tags']),
    note: String(r['note'] ?? ''),
    bookmarked: r['bookmarked'] === true,
    updatedAt: String(r['updated_at']),
  };
}

const COLUMNS = `table_name, source_sha256, record_no, tags, note, bookmarked, ${iso('updated_at')} AS updated_at`;

/** The triage of those of these events that have any, in the order asked. */
export async function readEventTriage(
  conn: DuckDBConnection,
  refs: readonly EventRef[],
): Promise<EventTriage[]> {
  if (refs.length === 0) return [];
  const reader = await conn.runAndReadAll(
    `SELECT ${COLUMNS} FROM event_triage
     WHERE list_contains($keys, table_name || '|' || source_sha256 || '|' || record_no)`,
    { keys: listValue(refs.map(refKey)) },
    { keys: LIST(VARCHAR) },
  );
  const byKey = new Map(
    (reader.getRowObjectsJson() as Row[]).map((r) => {
      const t = triage(r);
      return [refKey(t.ref), t];
    }),
  );
  const seen = new Set<string>();
  const out: EventTriage[] = [];
  for (const ref of refs) {
    const key = refKey(ref);
    const t = byKey.get(key);
    if (t && !seen.has(key)) out.push(t);
    seen.add(key);
  }
  return out;
}

/** Every event with triage, in time order (then file and record). */
export async function readAllEventTriage(conn: DuckDBConnection): Promise<EventTriage[]> {
  const found = await rows(
    conn,
    `SELECT ${COLUMNS} FROM event_triage ORDER BY updated_at, table_name, source_sha256, record_no`,
  );
  return found.map(triage);
}

async function eventExists(conn: DuckDBConnection, ref: EventRef): Promise<boolean> {
  const sql = EXISTS_SQL[ref.table];
  if (!sql) return false;
  const found = await rows(conn, sql, { sha: ref.source, rec: BigInt(ref.recordNo) });
  return found.length > 0;
}

/** Applies a change to an event's triage; null when the case holds no such event. */
export async function setEventTriage(
  conn: DuckDBConnection,
  change: EventTriageChange,
  at: Date,
): Promise<EventTriage | null> {
  if (!(await eventExists(conn, change.ref))) return null;
  const [old] = await readEventTriage(conn, [change.ref]);
  const next: EventTriage = {
    ref: { table: change.ref.table, source: change.ref.source, recordNo: change.ref.recordNo },
    tags: change.tags ? cleanTags(change.tags) : (old?.tags ?? []),
    note: change.note ?? old?.note ?? '',
    bookmarked: change.bookmarked ?? old?.bookmarked ?? false,
    updatedAt: at.toISOString().replace(/Z$/, '000Z'),
  };
  const key = { table: next.ref.table, sha: next.ref.source, rec: BigInt(next.ref.recordNo) };
  if (next.tags.length === 0 && next.note === '' && !next.bookmarked) {
    await conn.run(
      'DELETE FROM event_triage WHERE table_name = $table AND source_sha256 = $sha AND record_no = $rec',
      key,
    );
    return next;
  }
  await conn.run(
    `INSERT INTO event_triage VALUES ($table, $sha, $rec, $tags, $note, $bookmarked, $at::TIMESTAMP)
     ON CONFLICT (table_name, source_sha256, record_no) DO UPDATE SET tags = excluded.tags,
       note = excluded.note, bookmarked = excluded.bookmarked, updated_at = excluded.updated_at`,
    {
      ...key,
      tags: listValue(next.tags),
      note: next.note,
      bookmarked: next.bookmarked,
      at: timestampText(at),
    },
    { tags: LIST(VARCHAR) },
  );
  return next;
}
