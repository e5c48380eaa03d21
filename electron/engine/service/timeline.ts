// Event volume over time by category, with finding markers, and the events of a selected range. Buckets
// have a "round" width (1 s … 30 days) aligned to the epoch, so zooming in keeps bucket edges where a
// person expects them, and empty buckets are filled in so the chart's x axis is continuous.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Timeline, TimelineEvent } from '../../../shared/api.js';
import { ALL_EVENTS_SQL, CATEGORIES } from './eventCategories.js';
import { summarizeEvent } from './eventSummary.js';
import { findingMarkers } from './findings.js';
import {
  isoSql,
  isoToMicros,
  microsToIso,
  num,
  numOrNull,
  readOne,
  readRows,
  text,
  textOrNull,
  type JsonRow,
} from './sqlRows.js';

export const DEFAULT_BUCKETS = 120;
const DAY = 86_400;
const NICE_SECONDS = [
  1,
  2,
  5,
  10,
  15,
  30,
  60,
  120,
  300,
  600,
  900,
  1800,
  3600,
  7200,
  10800,
  21600,
  43200,
  DAY,
];

/** The smallest round width that covers `spanSeconds` in at most `buckets` buckets. */
export function bucketWidthSeconds(spanSeconds: number, buckets: number): number {
  const wanted = Math.max(spanSeconds / Math.max(buckets, 1), 1);
  const nice = NICE_SECONDS.find((s) => s >= wanted);
  return nice ?? Math.ceil(wanted / DAY) * DAY;
}

async function dataSpan(conn: DuckDBConnection): Promise<{ from: bigint; to: bigint } | null> {
  const row = await readOne(
    conn,
    `WITH t AS (SELECT ts FROM win_events UNION ALL SELECT ts FROM signins UNION ALL SELECT ts FROM audits)
     SELECT epoch_us(min(ts))::VARCHAR AS lo, epoch_us(max(ts))::VARCHAR AS hi FROM t`,
  );
  if (!row || row['lo'] === null) return null;
  return { from: BigInt(String(row['lo'])), to: BigInt(String(row['hi'])) };
}

export async function buildTimeline(
  conn: DuckDBConnection,
  req: { from?: string; to?: string; buckets?: number },
): Promise<Timeline> {
  const span = await dataSpan(conn);
  const fromUs = req.from ? isoToMicros(req.from, 'from') : (span?.from ?? 0n);
  const toUs = req.to ? isoToMicros(req.to, 'to') : (span?.to ?? fromUs);
  const lo = fromUs <= toUs ? fromUs : toUs;
  const hi = fromUs <= toUs ? toUs : fromUs;
  const width = bucketWidthSeconds(Number(hi - lo) / 1e6, req.buckets ?? DEFAULT_BUCKETS);
  const widthUs = BigInt(width) * 1_000_000n;
  const start = lo - (((lo % widthUs) + widthUs) % widthUs);
  const count = Number((hi - start) / widthUs) + 1;
  const buckets: Timeline['buckets'] = [];
  for (let i = 0; i < count; i++) {
    buckets.push({
      t: microsToIso(start + BigInt(i) * widthUs),
      counts: Object.fromEntries(CATEGORIES.map((c) => [c, 0])),
    });
  }
  if (span) {
    const rows = await readRows(
      conn,
      `SELECT ((epoch_us(ts) - $start::BIGINT) // $width::BIGINT)::INTEGER AS b, category, count(*)::INTEGER AS n
       FROM (${ALL_EVENTS_SQL}) WHERE ts BETWEEN make_timestamp($lo::BIGINT) AND make_timestamp($hi::BIGINT) GROUP BY ALL`,
      { start, width: widthUs, lo, hi },
    );
    for (const r of rows) {
      const bucket = buckets[num(r['b'])];
      if (bucket) bucket.counts[text(r['category'])] = num(r['n']);
    }
  }
  return {
    from: microsToIso(lo),
    to: microsToIso(hi),
    bucketSeconds: width,
    categories: [...CATEGORIES],
    buckets,
    markers: await findingMarkers(conn, lo, hi),
  };
}

export async function timelineEvents(
  conn: DuckDBConnection,
  req: { from: string; to: string; offset?: number; limit?: number },
): Promise<{ total: number; rows: TimelineEvent[] }> {
  const range = { lo: isoToMicros(req.from, 'from'), hi: isoToMicros(req.to, 'to') };
  const inRange = 'ts BETWEEN make_timestamp($lo::BIGINT) AND make_timestamp($hi::BIGINT)';
  const total = num(
    (await readOne(conn, `SELECT count(*)::INTEGER AS n FROM (${ALL_EVENTS_SQL}) WHERE ${inRange}`, range))?.[
      'n'
    ],
  );
  const rows = await readRows(
    conn,
    `SELECT e.*, ${isoSql('e.ts')} AS time, s.sha256 FROM (${ALL_EVENTS_SQL}) e JOIN sources s USING (source_id)
     WHERE ${inRange} ORDER BY e.ts, e.tbl, e.source_id, e.record_no LIMIT $limit OFFSET $offset`,
    { ...range, limit: req.limit ?? 200, offset: req.offset ?? 0 },
  );
  return {
    total,
    rows: rows.map((r) => toTimelineEvent(r, summarizeEvent(r))),
  };
}

/** One row of the events query (ALL_EVENTS_SQL's columns) as a screen row, with its one-line summary. */
export function toTimelineEvent(r: JsonRow, summary: string): TimelineEvent {
  return {
    time: text(r['time']),
    table: text(r['tbl']) as TimelineEvent['table'],
    source: text(r['sha256']),
    recordNo: num(r['record_no']),
    host: textOrNull(r['host']),
    category: text(r['category']),
    eventId: numOrNull(r['event_id']),
    summary,
  };
}
