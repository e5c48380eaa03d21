// The event grid's engine for one open case: windows of a view's rows, its groups, a column's values, find
// next/previous, the column chooser's counts and the export, over a connection of its own (its temp tables
// are its caches, and its slow work never holds up another screen's query).
//
// Why it keeps the order of a view as a table: a window deep in a sorted million rows (the user drags the
// scrollbar to the middle) costs DuckDB a sort of everything before it each time (5 s at row 750,000 of the
// bench case, measured), while reading 200 keys from a sorted table of keys and the rows behind them by
// rowid costs tens of ms. The first windows of a new view (ending before DIRECT_MAX) come straight from a
// top-N query instead, so a filter or a sort answers at once; the table of keys is then built in the
// background, and a request for another view interrupts that build rather than wait behind it.
import {
  BIGINT,
  INTEGER,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBConnection,
  type DuckDBType,
} from '@duckdb/node-api';
import type {
  GridColumns,
  GridExportChunk,
  GridFilter,
  GridFindResult,
  GridGroups,
  GridScope,
  GridValueCount,
  GridView,
  GridWindow,
} from '../../../shared/eventGrid.js';
import { GRID_LIMITS } from '../../../shared/eventGrid.js';
import { ServiceError } from '../service/serviceError.js';
import { eventDataKeys } from '../store/eventSummaries.js';
import { readBound, rowsBound, runBound } from './boundQuery.js';
import { countableColumns, resolveColumn, type ResolvedColumn } from './columns.js';
import { exportChunk } from './exportRows.js';
import {
  continueScan,
  nextMatch,
  orderedTableFind,
  probeNearby,
  scanProgress,
  startScan,
  type FindOrder,
  type FindRequest,
  type FindScan,
} from './find.js';
import { continueTimeScan, startTimeScan, timeScanProgress, type TimeScan } from './findByTime.js';
import { gridValue } from './gridValues.js';
import { Lru } from './lru.js';
import { fetchRows, type FetchContext, type RowKey } from './rowFetch.js';
import { materializeScope, type ScopeRows } from './scope.js';
import { TimeOrder } from './timeOrder.js';
import {
  planView,
  SlotCounter,
  valueDataFields,
  viewKeys,
  type Bindings,
  type DataFieldEvents,
  type ViewPlan,
} from './viewSql.js';

/** Windows that end before this row of a view not yet ordered come from a top-N query. */
export const DIRECT_MAX = 2_000;
/** A filtered view of at most this many rows is ordered as soon as it is found (a sort of them is quick). */
export const ORDER_AT_ONCE = 200_000;

const NO_BINDINGS: Bindings = { params: {}, types: {} };

/** Views in time order (every grid's first) are read by time buckets and never sorted whole. */
const inTimeOrder = (view: GridView) =>
  view.groupBy === undefined && (view.sort === undefined || view.sort.column === 'time');

/** A view's rows before it is ordered: a query (`from`) for its first windows, or its ordered table. */
interface RowSource {
  total: number;
  ordered?: string;
  from: string;
  bindings: Bindings;
}

interface OrderedView {
  table: string;
  /** False while its table is being built. */
  done: boolean;
}

type Task<T> = (conn: DuckDBConnection) => Promise<T>;

const isInterrupt = (e: unknown) => e instanceof Error && /interrupt/i.test(e.message);

export class EventGrid {
  private conn: Promise<DuckDBConnection> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The view a background build is ordering, if one is queued or running. */
  private background: string | null = null;
  private running: 'foreground' | 'background' | null = null;
  private fingerprint = '';
  private triageFingerprint = '';
  private names = 0;
  private readonly drops: string[] = [];
  private readonly scopes = new Lru<string, ScopeRows>(4, (s) => this.dropLater(s.table));
  private readonly counts = new Lru<string, number>(32);
  private readonly views = new Lru<string, OrderedView>(6, (v) => this.dropLater(v.table));
  /** A filtered view's rows, kept (unordered) so its count, first rows and order need one filtering. */
  private readonly kept = new Lru<string, string>(4, (table) => this.dropLater(table));
  /** Time orders, each with the table of rows it reads when its view is filtered. */
  private readonly timeOrders = new Lru<string, { time: TimeOrder; table: string | null }>(6, (o) =>
    this.dropLater(o.table),
  );
  private sources = new Map<number, string>();
  private readonly scans = new Lru<string, FindScan>(4, (s) => this.dropLater(s.hits));
  private readonly timeScans = new Lru<string, TimeScan>(4, (s) => this.dropLater(s.hits));
  /** Value lists as a column's filter shows them: the list opens again at once, as the user ticks values. */
  private readonly valueLists = new Lru<string, { values: GridValueCount[]; truncated: boolean }>(32);
  /** The event ids holding an EventData field, per field (until the case changes). */
  private readonly holders = new Map<string, { ids: number[]; untyped: boolean }>();
  private closed = false;

  constructor(private readonly connect: () => Promise<DuckDBConnection>) {}

  // ---- the API ---------------------------------------------------------------------------------

  async window(req: GridView & { columns: string[]; offset: number; limit: number }): Promise<GridWindow> {
    const { order } = viewKeys(req);
    let toOrder: ViewPlan | null = null;
    let toCount: TimeOrder | null = null;
    const result = await this.foreground(order, async (conn) => {
      const plan = await this.plan(conn, req);
      const columns = resolveColumns(req.columns, plan);
      if (inTimeOrder(req)) {
        const time = await this.timeOrder(conn, req, plan);
        if (!time.counted) toCount = time;
        const keys = await time.keys(
          conn,
          req.offset,
          Math.max(0, Math.min(req.limit, time.total - req.offset)),
        );
        return {
          total: time.total,
          offset: req.offset,
          rows: await fetchRows(conn, keys, columns, this.context(plan)),
        };
      }
      const source = await this.rowSource(conn, req, plan);
      const limit = Math.max(0, Math.min(req.limit, source.total - req.offset));
      if (limit === 0) return { total: source.total, offset: req.offset, rows: [] };
      let keys: RowKey[];
      if (source.ordered) keys = await readKeys(conn, source.ordered, req.offset, limit);
      else if (req.offset + limit <= DIRECT_MAX) {
        keys = await topKeys(conn, source, plan.orderBy, req.offset, limit);
        toOrder = plan;
      } else keys = await readKeys(conn, (await this.ordered(conn, order, plan)).table, req.offset, limit);
      return {
        total: source.total,
        offset: req.offset,
        rows: await fetchRows(conn, keys, columns, this.context(plan)),
      };
    });
    // Orders the view (or counts its times) while the user reads its first rows, so scrolling finds it ready.
    if (toOrder) this.orderInBackground(order, toOrder);
    const counting = toCount as TimeOrder | null;
    if (counting) this.inBackground(order, (conn) => counting.count(conn));
    return result;
  }

  async groups(req: GridView & { column: string }): Promise<GridGroups> {
    const view: GridView = { scope: req.scope, filters: req.filters, groupBy: req.column };
    return this.foreground(null, async (conn) => {
      const plan = await this.plan(conn, view);
      const total = await this.count(conn, view, plan);
      const kind = plan.group!.kind;
      const rows = await rowsBound<{ value: unknown; n: unknown }>(
        conn,
        `SELECT v0 AS value, sum(n) AS n FROM (${plan.valueCounts(plan.group!)}) GROUP BY v0
         ORDER BY v0 ASC NULLS LAST LIMIT $most`,
        withValues(plan, { most: [GRID_LIMITS.groups + 1, INTEGER] }),
      );
      return {
        total,
        groups: rows
          .slice(0, GRID_LIMITS.groups)
          .map((r) => ({ value: gridValue(r.value, kind), count: Number(r.n) })),
        truncated: rows.length > GRID_LIMITS.groups,
      };
    });
  }

  async values(req: {
    scope: GridScope;
    filters?: GridFilter[];
    column: string;
    search?: string;
    limit?: number;
  }): Promise<{ values: GridValueCount[]; truncated: boolean }> {
    return this.foreground(null, async (conn) => {
      const plan = await this.plan(conn, { scope: req.scope, filters: req.filters });
      const key = JSON.stringify([viewKeys(req).rows, req.column, req.search ?? '', req.limit ?? null]);
      const known = this.valueLists.get(key);
      if (known) return known;
      const [column] = resolveColumns([req.column], plan);
      if (column!.derived)
        throw new ServiceError('BAD_REQUEST', `the ${req.column} column has no values to list`);
      const limit = Math.min(req.limit ?? 200, GRID_LIMITS.values);
      const where = req.search ? 'WHERE contains(lower(CAST(v0 AS VARCHAR)), lower($search))' : '';
      const rows = await rowsBound<{ value: unknown; rows: unknown }>(
        conn,
        `SELECT v0 AS value, sum(n) AS rows FROM (${plan.valueCounts(column!)}) ${where}
         GROUP BY v0 ORDER BY rows DESC, v0 ASC NULLS LAST LIMIT $most`,
        withValues(withColumns(plan, [column!]), {
          most: [limit + 1, INTEGER],
          ...(req.search ? { search: [req.search, VARCHAR] } : {}),
        }),
      );
      const list = {
        values: rows
          .slice(0, limit)
          .map((r) => ({ value: gridValue(r.value, column!.kind), count: Number(r.rows) })),
        truncated: rows.length > limit,
      };
      this.valueLists.set(key, list);
      return list;
    });
  }

  async find(req: GridView & FindRequest): Promise<GridFindResult> {
    const { order } = viewKeys(req);
    return this.foreground(order, async (conn) => {
      const plan = await this.plan(conn, req);
      if (req.regex) await checkRegexes(conn, [{ what: 'find', pattern: req.text }]);
      const findOrder = await this.findOrder(conn, req, plan);
      if (findOrder.total === 0) return { row: null, matches: 0, wrapped: false };
      const scanKey = JSON.stringify([order, req.text, req.regex === true]);
      if (inTimeOrder(req)) {
        // Read in the view's own order from the current row, until the nearest match is known.
        const time = await this.timeOrder(conn, req, plan);
        let byTime = this.timeScans.get(scanKey);
        if (!byTime) {
          const near = await probeNearby(conn, findOrder, plan, req);
          if (near !== null) return { row: near, wrapped: false };
          byTime = await startTimeScan(conn, time, req, this.tempName('hits'));
          this.timeScans.set(scanKey, byTime);
        }
        const found = await continueTimeScan(conn, byTime, time, plan, req);
        return found ?? { row: null, wrapped: false, progress: timeScanProgress(byTime, time.total) };
      }
      let scan = this.scans.get(scanKey);
      if (!scan) {
        const near = await probeNearby(conn, findOrder, plan, req);
        if (near !== null) return { row: near, wrapped: false };
        scan = await startScan(conn, plan, this.tempName('hits'));
        this.scans.set(scanKey, scan);
      }
      if (!scan.done) {
        await continueScan(conn, scan, plan, req);
        if (!scan.done) return { row: null, wrapped: false, progress: scanProgress(scan) };
      }
      return nextMatch(findOrder, scan, req);
    });
  }

  async columns(req: { scope: GridScope }): Promise<GridColumns> {
    return this.foreground(null, async (conn) => {
      const plan = await this.plan(conn, { scope: req.scope });
      const ids = countableColumns(plan.scope.kind);
      const resolved = resolveColumns(ids, plan).map((c) => ({ ...c, sql: c.presenceSql }));
      const extras = Object.fromEntries(resolved.map((c, i) => [`c${i}`, c]));
      const [row] = await rowsBound<Record<string, unknown>>(
        conn,
        `SELECT count(*) AS total${resolved.map((_, i) => `, count(c${i}) AS c${i}`).join('')}
         FROM (${plan.relation(extras)})`,
        withColumns(plan, resolved),
      );
      const dataFields: GridColumns['dataFields'] = [];
      if (plan.tables.includes('win_events')) {
        const join = plan.scope.table ? ` JOIN ${plan.scope.table} s ON s.t = 0 AND s.rid = e.rowid` : '';
        // The whole case's fields are counted in its summary (store/eventSummaries.ts): reading every
        // event's JSON took 1.3 s on the bench case. A scope's few events are read.
        const keys = await rowsBound<{ k: string; n: unknown }>(
          conn,
          plan.scope.table
            ? `SELECT k, count(*) AS n FROM (SELECT unnest(json_keys(e.data)) AS k FROM win_events e${join}
               WHERE e.data IS NOT NULL) GROUP BY k ORDER BY n DESC, k LIMIT 2000`
            : `SELECT key AS k, sum(n) AS n FROM ${await eventDataKeys(conn)} GROUP BY key
               ORDER BY n DESC, k LIMIT 2000`,
          { params: {}, types: {} },
        );
        for (const r of keys) dataFields.push({ id: `data.${r.k}`, count: Number(r.n) });
      }
      return {
        total: Number(row!['total']),
        columns: ids.map((id, i) => ({ id, count: Number(row![`c${i}`]) })),
        dataFields,
      };
    });
  }

  async exportChunk(
    req: GridView & { columns: string[]; format: 'csv' | 'jsonl'; offset: number; limit: number },
  ): Promise<GridExportChunk> {
    const { order } = viewKeys(req);
    return this.foreground(order, async (conn) => {
      const plan = await this.plan(conn, req);
      const findOrder = await this.findOrder(conn, req, plan);
      const total = findOrder.total;
      const limit = Math.max(0, Math.min(req.limit, total - req.offset));
      const keys = limit === 0 ? [] : await findOrder.keys(req.offset, limit);
      const columns = resolveColumns(req.columns, plan);
      const rows = await fetchRows(conn, keys, columns, this.context(plan));
      return exportChunk(req, columns, rows, total);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (!this.conn) return;
    const conn = await this.conn.catch(() => null);
    if (this.running === 'background') conn?.interrupt();
    await this.queue.catch(() => undefined);
    conn?.closeSync();
  }

  // ---- scheduling ------------------------------------------------------------------------------

  /**
   * Runs a request after the ones before it. A background build of another view is interrupted first: the
   * user has moved on, and a build takes longer than any request.
   */
  private async foreground<T>(orderKey: string | null, task: Task<T>): Promise<T> {
    if (this.background !== null && this.background !== orderKey && this.running === 'background') {
      const conn = await this.connection();
      if (this.running === 'background') conn.interrupt();
    }
    try {
      return await this.exclusive('foreground', task);
    } catch (e) {
      // An interrupt meant for a build that had just finished can land on the next query: run it again.
      if (isInterrupt(e)) return this.exclusive('foreground', task);
      throw e;
    }
  }

  private exclusive<T>(kind: 'foreground' | 'background', task: Task<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.closed) throw new ServiceError('CASE_ERROR', 'the case was closed');
      const conn = await this.connection();
      this.running = kind;
      try {
        await this.dropPending(conn);
        return await task(conn);
      } finally {
        this.running = null;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private connection(): Promise<DuckDBConnection> {
    this.conn ??= this.connect();
    return this.conn;
  }

  private orderInBackground(orderKey: string, plan: ViewPlan): void {
    if (this.views.get(orderKey)) return;
    this.inBackground(orderKey, (conn) => this.ordered(conn, orderKey, plan));
  }

  /** Work for a view the user is looking at, done between requests; another view's request interrupts it. */
  private inBackground(orderKey: string, task: Task<unknown>): void {
    this.background = orderKey;
    this.exclusive('background', task)
      .catch(() => undefined)
      .finally(() => {
        if (this.background === orderKey) this.background = null;
      });
  }

  // ---- caches ----------------------------------------------------------------------------------

  private tempName(kind: string): string {
    return `grid_${kind}_${++this.names}`;
  }

  private dropLater(table: string | null): void {
    if (table) this.drops.push(table);
  }

  private async dropPending(conn: DuckDBConnection): Promise<void> {
    while (this.drops.length) await conn.run(`DROP TABLE IF EXISTS ${this.drops.pop()!}`);
  }

  /**
   * Forgets every cache when the case's rows or findings have changed since they were made, and those of
   * the views of the bookmarks when the responder's triage has (a bookmark set or taken away, a note).
   */
  private async checkFingerprint(conn: DuckDBConnection): Promise<void> {
    const [r] = await rowsBound<{ f: string; triage: string }>(
      conn,
      `SELECT concat_ws(':', (SELECT count(*) FROM win_events), (SELECT count(*) FROM signins),
              (SELECT count(*) FROM audits), (SELECT count(*) FROM findings),
              (SELECT coalesce(max(run_id), 0) FROM analysis_runs)) AS f,
              (SELECT concat_ws(':', count(*), count(*) FILTER (WHERE bookmarked), max(updated_at))
                 FROM event_triage) AS triage`,
      { params: {}, types: {} },
    );
    if (r!.f === this.fingerprint) {
      if (r!.triage === this.triageFingerprint) return;
      this.triageFingerprint = r!.triage;
      // Every cache's key holds its view's scope as JSON (escaped once more in some): a key naming
      // "bookmarks" is a view of the bookmarks, or at worst one that a filter's text names them in.
      for (const cache of [
        this.scopes,
        this.counts,
        this.views,
        this.kept,
        this.timeOrders,
        this.scans,
        this.timeScans,
        this.valueLists,
      ])
        cache.evictWhere((key) => key.includes('"bookmarks'));
      await this.dropPending(conn);
      return;
    }
    this.fingerprint = r!.f;
    this.triageFingerprint = r!.triage;
    this.scopes.clear();
    this.counts.clear();
    this.views.clear();
    this.kept.clear();
    this.timeOrders.clear();
    this.scans.clear();
    this.timeScans.clear();
    this.valueLists.clear();
    this.holders.clear();
    await this.dropPending(conn);
    const files = await rowsBound<{ id: unknown; sha: string }>(
      conn,
      'SELECT source_id AS id, sha256 AS sha FROM sources',
      { params: {}, types: {} },
    );
    this.sources = new Map(files.map((f) => [Number(f.id), f.sha]));
  }

  /** A time-ordered view's order: its rows' times counted per bucket (see timeOrder.ts). */
  private async timeOrder(conn: DuckDBConnection, view: GridView, plan: ViewPlan): Promise<TimeOrder> {
    const { rows, order } = viewKeys(view);
    const known = this.timeOrders.get(order);
    if (known) return known.time;
    // A filtered view's rows are found once and kept, for its count, its buckets and every window.
    const table = plan.filtered ? this.tempName('rows') : null;
    if (table) await runBound(conn, `CREATE OR REPLACE TEMP TABLE ${table} AS ${plan.relation()}`, plan);
    const from = table ? `SELECT * FROM ${table}` : plan.relation();
    const time = await TimeOrder.build(conn, from, table ? NO_BINDINGS : plan, view.sort?.desc === true);
    this.timeOrders.set(order, { time, table });
    this.counts.set(rows, time.total);
    return time;
  }

  /** The view's order as find and the export read it: by time, or its ordered table (built if need be). */
  private async findOrder(conn: DuckDBConnection, view: GridView, plan: ViewPlan): Promise<FindOrder> {
    if (inTimeOrder(view)) {
      const time = await this.timeOrder(conn, view, plan);
      return {
        total: time.total,
        keys: (offset, limit) => time.keys(conn, offset, limit),
        async nearestHit(hits, from, next) {
          const key = from < 0 || from >= time.total ? null : ((await time.keys(conn, from, 1))[0] ?? null);
          const hit = await time.nearestHit(conn, hits, key, next);
          return hit ? time.position(conn, hit) : null;
        },
      };
    }
    const total = (await this.rowSource(conn, view, plan)).total;
    const table = (await this.ordered(conn, viewKeys(view).order, plan)).table;
    return orderedTableFind(conn, table, total, (offset, limit) => readKeys(conn, table, offset, limit));
  }

  /** A filtered view's rows, found once and kept (unordered), with its order's columns. */
  private async keep(conn: DuckDBConnection, orderKey: string, plan: ViewPlan): Promise<string> {
    let kept = this.kept.get(orderKey);
    if (!kept) {
      kept = this.tempName('rows');
      await runBound(conn, `CREATE OR REPLACE TEMP TABLE ${kept} AS ${plan.relation()}`, plan);
      this.kept.set(orderKey, kept);
    }
    return kept;
  }

  private context(plan: ViewPlan): FetchContext {
    return { bindings: plan, scopeTable: plan.scope.table, sources: this.sources };
  }

  /**
   * Where a view's rows come from before it is ordered, and how many there are. A filtered view's rows are
   * kept as they are found (filtering a million events is the slow part, and is done once); few enough of
   * them are ordered at once, so every window of the view is ready.
   */
  private async rowSource(conn: DuckDBConnection, view: GridView, plan: ViewPlan): Promise<RowSource> {
    const { rows, order } = viewKeys(view);
    const ordered = this.views.get(order);
    if (ordered?.done)
      return { total: await this.count(conn, view, plan), ordered: ordered.table, from: '', bindings: plan };
    if (!plan.filtered)
      return { total: await this.count(conn, view, plan), from: plan.relation(), bindings: plan };
    const kept = await this.keep(conn, order, plan);
    const [r] = await rowsBound<{ n: unknown }>(conn, `SELECT count(*) AS n FROM ${kept}`, NO_BINDINGS);
    const total = Number(r!.n);
    this.counts.set(rows, total);
    if (total <= ORDER_AT_ONCE)
      return { total, ordered: (await this.ordered(conn, order, plan)).table, from: '', bindings: plan };
    return { total, from: `SELECT * FROM ${kept}`, bindings: NO_BINDINGS };
  }

  private async plan(conn: DuckDBConnection, view: GridView): Promise<ViewPlan> {
    await this.checkFingerprint(conn);
    const scopeKey = JSON.stringify(view.scope);
    let scope = this.scopes.get(scopeKey);
    if (!scope) {
      scope = await materializeScope(conn, view.scope, this.tempName('scope'));
      this.scopes.set(scopeKey, scope);
    }
    const plan = planView(view, scope, undefined, await this.dataFieldEvents(conn, valueDataFields(view)));
    await checkRegexes(conn, plan.regexes);
    return plan;
  }

  /** The event ids holding each of these EventData fields, from the case's summary (kept per fingerprint). */
  private async dataFieldEvents(conn: DuckDBConnection, fields: string[]): Promise<DataFieldEvents> {
    const wanted = fields.filter((f) => !this.holders.has(f));
    if (wanted.length > 0) {
      const rows = await rowsBound<{ key: string; ids: unknown; untyped: unknown }>(
        conn,
        `SELECT key, list(DISTINCT event_id) FILTER (WHERE event_id IS NOT NULL) AS ids,
                bool_or(event_id IS NULL) AS untyped
         FROM ${await eventDataKeys(conn)} WHERE list_contains($fields, key) GROUP BY key`,
        { params: { fields: listValue(wanted) }, types: { fields: LIST(VARCHAR) } },
      );
      // A field no event holds: no ids at all.
      for (const f of wanted) this.holders.set(f, { ids: [], untyped: false });
      for (const r of rows)
        this.holders.set(r.key, {
          ids: (Array.isArray(r.ids) ? r.ids : []).map(Number),
          untyped: r.untyped === true,
        });
    }
    return this.holders;
  }

  private async count(conn: DuckDBConnection, view: GridView, plan: ViewPlan): Promise<number> {
    const key = viewKeys(view).rows;
    const known = this.counts.get(key);
    if (known !== undefined) return known;
    const [r] = await rowsBound<{ n: unknown }>(conn, `SELECT count(*) AS n FROM (${plan.relation()})`, plan);
    const n = Number(r!.n);
    this.counts.set(key, n);
    return n;
  }

  /** The view's table of keys in order, built now if it is not there. */
  private async ordered(conn: DuckDBConnection, orderKey: string, plan: ViewPlan): Promise<OrderedView> {
    const known = this.views.get(orderKey);
    if (known?.done) return known;
    const view: OrderedView = { table: this.tempName('view'), done: false };
    this.views.set(orderKey, view);
    // A filtered view orders the rows it kept; any other orders its rows as they are found.
    const kept = this.kept.get(orderKey);
    try {
      // Rows go into the table in the order given, so a key's rowid is its row in the view.
      await runBound(
        conn,
        `CREATE OR REPLACE TEMP TABLE ${view.table} AS
         SELECT t, rid FROM (${kept ? `SELECT * FROM ${kept}` : plan.relation()}) ORDER BY ${plan.orderBy}`,
        kept ? NO_BINDINGS : plan,
      );
    } catch (e) {
      this.views.delete(orderKey);
      this.dropLater(view.table);
      throw e;
    }
    view.done = true;
    if (kept) {
      this.kept.delete(orderKey);
      this.dropLater(kept);
    }
    return view;
  }
}

// ---- queries ------------------------------------------------------------------------------------

function resolveColumns(ids: readonly string[], plan: ViewPlan): ResolvedColumn[] {
  const slots = new SlotCounter();
  return ids.map((id) => resolveColumn(id, 500 + slots.next(), plan.scope.kind));
}

/** The plan's bindings and the columns' own (EventData paths). */
function withColumns(plan: Bindings, columns: readonly ResolvedColumn[]): Bindings {
  const b: Bindings = { params: { ...plan.params }, types: { ...plan.types } };
  for (const c of columns)
    for (const [k, v] of Object.entries(c.params)) {
      b.params[k] = v;
      b.types[k] = VARCHAR;
    }
  return b;
}

function withValues(b: Bindings, values: Record<string, [string | number | bigint, DuckDBType]>): Bindings {
  const out: Bindings = { params: { ...b.params }, types: { ...b.types } };
  for (const [k, [v, type]] of Object.entries(values)) {
    out.params[k] = v;
    out.types[k] = type;
  }
  return out;
}

async function checkRegexes(conn: DuckDBConnection, regexes: ViewPlan['regexes']): Promise<void> {
  for (const { what, pattern } of regexes) {
    try {
      await conn.run(`SELECT regexp_matches('', $p, 'i')`, { p: pattern }, { p: VARCHAR });
    } catch (e) {
      const why = (e as Error).message.replace(/^[A-Za-z ]*Error:\s*/, '').slice(0, 300);
      throw new ServiceError('BAD_REQUEST', `${what}: not a valid regular expression (RE2 syntax): ${why}`);
    }
  }
}

async function readKeys(
  conn: DuckDBConnection,
  table: string,
  offset: number,
  limit: number,
): Promise<RowKey[]> {
  const r = await readBound(
    conn,
    `SELECT t, rid::VARCHAR AS rid_text FROM ${table} WHERE rowid BETWEEN $first AND $last ORDER BY rowid`,
    {
      params: { first: BigInt(offset), last: BigInt(offset + limit - 1) },
      types: { first: BIGINT, last: BIGINT },
    },
  );
  return toKeys(r.getRowObjectsJson());
}

async function topKeys(
  conn: DuckDBConnection,
  source: RowSource,
  orderBy: string,
  offset: number,
  limit: number,
): Promise<RowKey[]> {
  const r = await readBound(
    conn,
    `SELECT t, rid::VARCHAR AS rid_text FROM (${source.from}) ORDER BY ${orderBy} LIMIT $limit OFFSET $offset`,
    withValues(source.bindings, { limit: [BigInt(limit), BIGINT], offset: [BigInt(offset), BIGINT] }),
  );
  return toKeys(r.getRowObjectsJson());
}

/** Keys as readKeys and topKeys read them (the rowid as text under its own name: see timeOrder.ts's toKey). */
function toKeys(rows: unknown[]): RowKey[] {
  return (rows as Array<{ t: unknown; rid_text: unknown }>).map((r) => ({
    t: Number(r.t),
    rid: BigInt(String(r.rid_text)),
  }));
}
