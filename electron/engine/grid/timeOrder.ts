// Rows in time order without sorting them all. Every grid opens in time order (the Timeline, a coverage
// cell, a finding's evidence), and a window deep in it would otherwise need the whole view sorted first
// (a second or more on the bench case's 1.5 M events). Instead the view's times are counted per bucket
// once (one pass, GROUP BY); the rows at position N are then in a known bucket, and a top-N query bounded
// to that bucket's times reads only its few row groups (zone maps on ts skip the rest). Where a row is in
// the view (find's answer) is a count of the rows before it, one pass again.
import { BIGINT, type DuckDBConnection } from '@duckdb/node-api';
import { rowsBound } from './boundQuery.js';
import type { RowKey } from './rowFetch.js';
import type { Bindings } from './viewSql.js';

/** Buckets per view: enough that a bucket holds few rows, few enough to count in one small query. */
const BUCKETS = 4_096;
const MAX_US = 9_223_372_036_854_775_807n;

export interface TimedKey extends RowKey {
  /** Microseconds since the epoch, or null for an event without a time (those come last). */
  us: bigint | null;
}

/** A bucket of a view's rows: how many, and their times [lo, hi) in microseconds (null: no time). */
export interface TimeSpan {
  rows: number;
  lo: bigint | null;
  hi: bigint | null;
}

/** The first rows of a view come from a plain top-N query, before its times are counted. */
export const TOP_ROWS = 2_000;

interface Histogram {
  min: bigint;
  width: bigint;
  /** Bucket numbers with rows, ascending, and the rows before each. */
  buckets: bigint[];
  before: number[];
  timed: number;
}

export class TimeOrder {
  private histogram: Histogram | null = null;

  private constructor(
    /** The view's rows: a query (or a table) with t, rid and ts. */
    private readonly from: string,
    private readonly bindings: Bindings,
    private readonly desc: boolean,
    readonly total: number,
  ) {}

  /** The view's order, knowing only how many rows it has: its times are counted when first needed. */
  static async build(
    conn: DuckDBConnection,
    from: string,
    bindings: Bindings,
    desc: boolean,
  ): Promise<TimeOrder> {
    const [r] = await rowsBound<{ n: unknown }>(conn, `SELECT count(*) AS n FROM (${from})`, bindings);
    return new TimeOrder(from, bindings, desc, Number(r!.n));
  }

  get counted(): boolean {
    return this.histogram !== null;
  }

  /** Counts the view's rows per time bucket (once). */
  async count(conn: DuckDBConnection): Promise<Histogram> {
    if (this.histogram) return this.histogram;
    const { from, bindings } = this;
    const [span] = await rowsBound<{ lo: unknown; hi: unknown; timed: unknown }>(
      conn,
      `SELECT min(epoch_us(ts))::VARCHAR AS lo, max(epoch_us(ts))::VARCHAR AS hi, count(ts) AS timed
       FROM (${from})`,
      bindings,
    );
    const timed = Number(span!.timed);
    const min = span!.lo === null ? 0n : BigInt(String(span!.lo));
    const max = span!.hi === null ? 0n : BigInt(String(span!.hi));
    const width = (max - min) / BigInt(BUCKETS) + 1n;
    const rows = await rowsBound<{ b: unknown; n: unknown }>(
      conn,
      `SELECT bucket::VARCHAR AS b, count(*) AS n
       FROM (SELECT (epoch_us(ts) - $min) // $width AS bucket FROM (${from}) WHERE ts IS NOT NULL)
       GROUP BY bucket ORDER BY bucket`,
      withBig(bindings, { min, width }),
    );
    const buckets: bigint[] = [];
    const before: number[] = [];
    let sum = 0;
    for (const r of rows) {
      buckets.push(BigInt(String(r.b)));
      before.push(sum);
      sum += Number(r.n);
    }
    this.histogram = { min, width, buckets, before, timed };
    return this.histogram;
  }

  /**
   * The view's buckets in its order, each with its rows and its times ([lo, hi) in microseconds; null for
   * the rows without a time, one last bucket in either order).
   */
  async spans(conn: DuckDBConnection): Promise<TimeSpan[]> {
    const { min, width, buckets, before, timed } = await this.count(conn);
    const spans: TimeSpan[] = buckets.map((b, i) => ({
      rows: (before[i + 1] ?? timed) - before[i]!,
      lo: min + b * width,
      hi: min + (b + 1n) * width,
    }));
    if (this.desc) spans.reverse();
    if (this.total > timed) spans.push({ rows: this.total - timed, lo: null, hi: null });
    return spans;
  }

  /** The place among spans() of the bucket holding a row of this time (null: no time). */
  async spanOf(conn: DuckDBConnection, us: bigint | null): Promise<number> {
    const { min, width, buckets } = await this.count(conn);
    if (us === null) return buckets.length;
    const b = (us - min) / width;
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (buckets[mid]! <= b) lo = mid;
      else hi = mid - 1;
    }
    return this.desc ? buckets.length - 1 - lo : lo;
  }

  /** The keys of rows offset … offset + limit − 1 of the view, in its order. */
  async keys(conn: DuckDBConnection, offset: number, limit: number): Promise<TimedKey[]> {
    if (!this.histogram && offset + limit <= TOP_ROWS) return this.top(conn, offset, limit);
    const { timed } = await this.count(conn);
    const out: TimedKey[] = [];
    if (offset < timed) {
      if (!this.desc) out.push(...(await this.ascending(conn, offset, Math.min(limit, timed - offset))));
      else {
        // Descending is ascending from the other end, read backwards.
        const end = timed - offset;
        const start = Math.max(0, end - limit);
        out.push(...(await this.ascending(conn, start, end - start)).reverse());
      }
    }
    const rest = limit - out.length;
    if (rest > 0 && offset + out.length >= timed)
      out.push(...(await this.untimed(conn, offset + out.length - timed, rest)));
    return out;
  }

  /** Where a row is in the view: how many rows come before it. */
  async position(conn: DuckDBConnection, key: TimedKey): Promise<number> {
    const [r] = await rowsBound<{ n: unknown }>(
      conn,
      `SELECT count(*) AS n FROM (${this.from}) WHERE ${this.beforeKeySql()}`,
      withBig(this.bindings, keyValues(key, this.desc)),
    );
    return Number(r!.n);
  }

  /**
   * The first of `hits` (a table of t, rid, ts) after the key in the view's order (or, going back, the last
   * before it); null when there is none on that side.
   */
  async nearestHit(
    conn: DuckDBConnection,
    hits: string,
    key: TimedKey | null,
    next: boolean,
  ): Promise<TimedKey | null> {
    const order = next ? 'ASC' : 'DESC';
    const side =
      key === null
        ? 'true'
        : next
          ? `NOT (${this.beforeKeySql()}) AND NOT (${this.isKeySql()})`
          : this.beforeKeySql();
    const [r] = await rowsBound<{ t: unknown; rid_text: unknown; us: unknown }>(
      conn,
      `SELECT t, rid::VARCHAR AS rid_text, epoch_us(ts)::VARCHAR AS us FROM ${hits} WHERE ${side}
       ORDER BY ${ORDER_VALUE(this.desc)} ${order}, ${sign(this.desc)} * t ${order}, ${sign(this.desc)} * rid ${order} LIMIT 1`,
      key === null ? NO_BINDINGS : withBig(NO_BINDINGS, keyValues(key, this.desc)),
    );
    return r ? toKey(r) : null;
  }

  /** The first rows, straight from a top-N query: no counting first. */
  private async top(conn: DuckDBConnection, offset: number, limit: number): Promise<TimedKey[]> {
    if (limit <= 0) return [];
    const dir = this.desc ? 'DESC' : 'ASC';
    const rows = await rowsBound<{ t: unknown; rid_text: unknown; us: unknown }>(
      conn,
      `SELECT t, rid::VARCHAR AS rid_text, epoch_us(ts)::VARCHAR AS us FROM (${this.from})
       ORDER BY ts ${dir} NULLS LAST, t ${dir}, rid ${dir} LIMIT $limit OFFSET $skip`,
      withBig(this.bindings, { limit: BigInt(limit), skip: BigInt(offset) }),
    );
    return rows.map(toKey);
  }

  private async ascending(conn: DuckDBConnection, offset: number, limit: number): Promise<TimedKey[]> {
    if (limit <= 0) return [];
    const { min, width, buckets, before } = await this.count(conn);
    const first = bucketOf(before, offset);
    const last = bucketOf(before, offset + limit - 1);
    const rows = await rowsBound<{ t: unknown; rid_text: unknown; us: unknown }>(
      conn,
      `SELECT t, rid::VARCHAR AS rid_text, epoch_us(ts)::VARCHAR AS us FROM (${this.from})
       WHERE ts >= make_timestamp($lo) AND ts < make_timestamp($hi)
       ORDER BY ts, t, rid LIMIT $limit OFFSET $skip`,
      withBig(this.bindings, {
        lo: min + buckets[first]! * width,
        hi: min + (buckets[last]! + 1n) * width,
        limit: BigInt(limit),
        skip: BigInt(offset - before[first]!),
      }),
    );
    return rows.map(toKey);
  }

  private async untimed(conn: DuckDBConnection, offset: number, limit: number): Promise<TimedKey[]> {
    const dir = this.desc ? 'DESC' : 'ASC';
    const rows = await rowsBound<{ t: unknown; rid_text: unknown }>(
      conn,
      `SELECT t, rid::VARCHAR AS rid_text FROM (${this.from}) WHERE ts IS NULL ORDER BY t ${dir}, rid ${dir}
       LIMIT $limit OFFSET $skip`,
      withBig(this.bindings, { limit: BigInt(limit), skip: BigInt(offset) }),
    );
    return rows.map((r) => ({ t: Number(r.t), rid: BigInt(String(r.rid_text)), us: null }));
  }

  /** SQL true for a row before the key ($k_ts, $k_t, $k_rid) in the view's order. */
  private beforeKeySql(): string {
    const v = ORDER_VALUE(this.desc);
    const s = sign(this.desc);
    return `(${v} < $k_ts OR (${v} = $k_ts AND (${s} * t < $k_t OR (${s} * t = $k_t AND ${s} * rid < $k_rid))))`;
  }

  private isKeySql(): string {
    return `(${ORDER_VALUE(this.desc)} = $k_ts AND ${sign(this.desc)} * t = $k_t AND ${sign(this.desc)} * rid = $k_rid)`;
  }
}

const NO_BINDINGS: Bindings = { params: {}, types: {} };

/** Time as the order compares it: reversed when descending, and an event without a time after all others. */
const ORDER_VALUE = (desc: boolean) => `coalesce(${desc ? '-' : ''}epoch_us(ts), ${MAX_US})`;
const sign = (desc: boolean) => (desc ? '-1' : '1');

function keyValues(key: TimedKey, desc: boolean): Record<string, bigint> {
  const d = desc ? -1n : 1n;
  return { k_ts: key.us === null ? MAX_US : d * key.us, k_t: d * BigInt(key.t), k_rid: d * key.rid };
}

function withBig(b: Bindings, values: Record<string, bigint>): Bindings {
  const out: Bindings = { params: { ...b.params }, types: { ...b.types } };
  for (const [k, v] of Object.entries(values)) {
    out.params[k] = v;
    out.types[k] = BIGINT;
  }
  return out;
}

/**
 * A key as a query reads it: its rowid as text (JSON would round a BIGINT), under a name of its own, for
 * ORDER BY `rid` sorts by the select list's column of that name first (as text: 128 before 29).
 */
function toKey(r: { t: unknown; rid_text: unknown; us: unknown }): TimedKey {
  return { t: Number(r.t), rid: BigInt(String(r.rid_text)), us: r.us === null ? null : BigInt(String(r.us)) };
}

/** The bucket holding the row at `offset`: the last whose rows-before is at or under it. */
function bucketOf(before: readonly number[], offset: number): number {
  let lo = 0;
  let hi = before.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (before[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
