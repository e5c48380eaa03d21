// The Coverage screen's two calls: every host's coverage, and the events behind one cell of the host ×
// telemetry matrix, in the same row shape as the timeline's event list so the screen can reuse its words
// and open each event raw.
import { BIGINT, INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { TimelineEvent } from '../../../shared/api.js';
import type { HostCoverage } from '../../../shared/report.js';
import { computeCoverage, coverageEventRefs } from '../coverage/index.js';
import { ALL_EVENTS_SQL } from './eventCategories.js';
import { summarizeEvent } from './eventSummary.js';
import { toTimelineEvent } from './timeline.js';
import { ServiceError } from './serviceError.js';
import { isoSql, num, text, textOrNull, type JsonRow } from './sqlRows.js';

const DEFAULT_EVENT_PAGE = 100;

/**
 * The timeline's one-line summary, said better for the few events the timeline files under "other" but the
 * coverage matrix counts: log clears, Sysmon file creation and script blocks.
 */
export function coverageSummary(r: JsonRow): string {
  const who = [textOrNull(r['subject_domain']), textOrNull(r['subject_user'])].filter(Boolean).join('\\');
  const sysmon = /sysmon/i.test(text(r['provider']));
  switch (r['tbl'] === 'win_events' ? num(r['event_id']) : 0) {
    case 1102:
      return `${who || 'someone'} cleared the Security log`;
    case 104:
      return `${who || 'someone'} cleared the ${textOrNull(r['cleared_channel']) ?? ''} log`.replace(
        '  ',
        ' ',
      );
    case 11:
      if (sysmon)
        return `${textOrNull(r['image']) ?? 'a process'} created ${textOrNull(r['target_file']) ?? 'a file'}`;
      break;
    case 4104:
      if (r['script_head']) return `script block: ${text(r['script_head'])}`;
      break;
  }
  return summarizeEvent(r);
}

export async function coverageHosts(
  conn: DuckDBConnection,
  req: { gapSeconds?: number },
): Promise<HostCoverage[]> {
  if (req.gapSeconds !== undefined && !(req.gapSeconds > 0))
    throw new ServiceError('BAD_REQUEST', 'gapSeconds must be above 0');
  return computeCoverage(conn, { gapSeconds: req.gapSeconds });
}

export async function coverageEvents(
  conn: DuckDBConnection,
  req: { host: string; telemetry: string; offset?: number; limit?: number },
): Promise<{ total: number; rows: TimelineEvent[] }> {
  const { total, refs } = await coverageEventRefs(conn, {
    host: req.host,
    telemetry: req.telemetry,
    offset: req.offset ?? 0,
    limit: req.limit ?? DEFAULT_EVENT_PAGE,
  });
  if (refs.length === 0) return { total, rows: [] };
  // The page's references, zipped back into rows, pick their summary columns out of the timeline's union.
  const rows = await conn.runAndReadAll(
    `WITH page AS (
       SELECT unnest($tables) AS tbl, unnest($sources) AS source_id, unnest($records) AS record_no,
              generate_subscripts($tables, 1) AS seq)
     SELECT e.*, ${isoSql('e.ts')} AS time, s.sha256, p.seq,
            w.data->>'TargetFilename' AS target_file, w.data->>'Channel' AS cleared_channel,
            left(w.script_text, 200) AS script_head
     FROM page p
     JOIN (${ALL_EVENTS_SQL}) e ON e.tbl = p.tbl AND e.source_id = p.source_id AND e.record_no = p.record_no
     JOIN sources s ON s.source_id = e.source_id
     LEFT JOIN win_events w ON p.tbl = 'win_events' AND w.source_id = p.source_id AND w.record_no = p.record_no
     ORDER BY p.seq`,
    {
      tables: listValue(refs.map((r) => r.table)),
      sources: listValue(refs.map((r) => r.sourceId)),
      records: listValue(refs.map((r) => BigInt(r.recordNo))),
    },
    { tables: LIST(VARCHAR), sources: LIST(INTEGER), records: LIST(BIGINT) },
  );
  return {
    total,
    rows: (rows.getRowObjectsJson() as JsonRow[]).map((r) => toTimelineEvent(r, coverageSummary(r))),
  };
}
