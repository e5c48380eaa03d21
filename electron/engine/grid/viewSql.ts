// A grid view as SQL: for each table that can hold rows of it, one SELECT of the row's key (t, rid), its
// time and whatever the caller asks for, joined to the scope's keys and filtered; the tables' SELECTs are
// unioned, and ORDER BY puts the group, the sort column, then time and the row's place in its table. All
// column SQL comes from columns.ts; every value the user gave is a bound parameter.
import { BIGINT, INTEGER, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { DATA_COLUMN_PREFIX, type GridFilter, type GridView } from '../../../shared/eventGrid.js';
import { ServiceError } from '../service/serviceError.js';
import { isoToMicros } from '../service/sqlRows.js';
import { GRID_TABLES, resolveColumn, type GridTable, type ResolvedColumn } from './columns.js';
import type { ScopeRows } from './scope.js';

export interface Bindings {
  params: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}

/** A predicate per table, or false when no row of that table can pass. */
type TablePredicate = (table: GridTable) => string | false;

export interface ViewPlan extends Bindings {
  tables: GridTable[];
  /** Regular expressions to check before running anything (DuckDB says what is wrong with one). */
  regexes: Array<{ what: string; pattern: string }>;
  /**
   * The view's rows: t, rid, ts and `extras` (alias → column), one SELECT per table, unioned; `where` adds
   * a condition of the caller's per table (find's match).
   */
  relation(extras?: Record<string, ResolvedColumn>, where?: (table: GridTable) => string): string;
  /**
   * How many of the view's rows have each value of `column`: (v0, n) per table and value, unioned (a value
   * may come once per table). Rows are counted per combination of the column's inputs where it has them.
   */
  valueCounts(column: ResolvedColumn): string;
  /** ORDER BY over the relation's t, rid, ts and the group (g0) and sort keys (s0, s1 …) it adds. */
  orderBy: string;
  /** The group column, when the view is grouped. */
  group: ResolvedColumn | null;
  /** True when some filter narrows the scope (the rows are worth keeping rather than filtering again). */
  filtered: boolean;
  scope: ScopeRows;
}

export class SlotCounter {
  private n = 0;
  next(): number {
    return this.n++;
  }
}

function bindColumn(column: ResolvedColumn, b: Bindings): void {
  for (const [k, v] of Object.entries(column.params)) {
    b.params[k] = v;
    b.types[k] = VARCHAR;
  }
}

const TEXT_OPS = new Set(['contains', 'starts', 'regex']);

/**
 * The event ids whose events hold each EventData field (from the case's summary, store/eventSummaries.ts):
 * `ids`, and `untyped` when events without an id hold it. A field no event holds has neither.
 */
export type DataFieldEvents = ReadonlyMap<string, { ids: number[]; untyped: boolean }>;

/** The EventData fields a view's filters need a value of (which DataFieldEvents narrows). */
export function valueDataFields(view: GridView): string[] {
  return (view.filters ?? []).flatMap((f) =>
    f.column.startsWith(DATA_COLUMN_PREFIX) && !needsNoValue(f)
      ? [f.column.slice(DATA_COLUMN_PREFIX.length)]
      : [],
  );
}

/** A filter that keeps events without a value: "does not contain", a value list with "no value". */
function needsNoValue(filter: GridFilter): boolean {
  return filter.op === 'in' ? filter.values.includes(null) : filter.op !== 'range' && filter.not === true;
}

/**
 * An EventData value is there only in events whose ids hold the field: `predicate` narrowed to those, so
 * the scan reads the JSON of those alone (the ids are a bound list within their range, which DuckDB tests
 * in the scan). Unchanged for a filter that keeps events without a value, or without the summary's ids.
 */
function heldBy(
  filter: GridFilter,
  index: number,
  predicate: TablePredicate,
  b: Bindings,
  dataEvents?: DataFieldEvents,
): TablePredicate {
  if (!filter.column.startsWith(DATA_COLUMN_PREFIX) || needsNoValue(filter)) return predicate;
  const holders = dataEvents?.get(filter.column.slice(DATA_COLUMN_PREFIX.length));
  if (!holders) return predicate;
  const ids = [...holders.ids].sort((x, y) => x - y);
  ids.forEach((id, j) => {
    b.params[`f${index}_id${j}`] = id;
    b.types[`f${index}_id${j}`] = INTEGER;
  });
  const list = ids.map((_, j) => `$f${index}_id${j}`).join(', ');
  const parts = [
    ...(ids.length
      ? [`(e.event_id BETWEEN $f${index}_id0 AND $f${index}_id${ids.length - 1} AND e.event_id IN (${list}))`]
      : []),
    ...(holders.untyped ? ['e.event_id IS NULL'] : []),
  ];
  const held = parts.length ? `(${parts.join(' OR ')})` : 'false';
  return (t) => {
    const p = predicate(t);
    return p === false || t !== 'win_events' ? p : `(${held} AND ${p})`;
  };
}

function filterPredicate(
  filter: GridFilter,
  index: number,
  slots: SlotCounter,
  scope: ScopeRows,
  b: Bindings,
  regexes: ViewPlan['regexes'],
): TablePredicate {
  const column = resolveColumn(filter.column, slots.next(), scope.kind);
  if (column.derived) throw new ServiceError('BAD_REQUEST', `the ${filter.column} column cannot be filtered`);
  bindColumn(column, b);
  const p = `f${index}`;
  if (filter.op === 'range') {
    if (column.kind !== 'time')
      throw new ServiceError('BAD_REQUEST', `${filter.column} is not a time column`);
    const ends: string[] = [];
    if (filter.from !== undefined) {
      b.params[`${p}_from`] = isoToMicros(filter.from, 'the filter start');
      b.types[`${p}_from`] = BIGINT;
      ends.push(`%s >= make_timestamp($${p}_from)`);
    }
    if (filter.to !== undefined) {
      b.params[`${p}_to`] = isoToMicros(filter.to, 'the filter end');
      b.types[`${p}_to`] = BIGINT;
      ends.push(`%s <= make_timestamp($${p}_to)`);
    }
    return (t) =>
      ends.length === 0 ? 'true' : ends.map((e) => e.replaceAll('%s', () => column.sql(t))).join(' AND ');
  }
  if (column.kind === 'time')
    throw new ServiceError('BAD_REQUEST', 'the time column is filtered by a range (from, to)');
  if (filter.op === 'in') {
    const names: string[] = [];
    let withNull = false;
    filter.values.forEach((v, j) => {
      if (v === null) {
        withNull = true;
        return;
      }
      if (column.kind === 'number' && !(typeof v === 'number' && Number.isSafeInteger(v)))
        throw new ServiceError(
          'BAD_REQUEST',
          `${filter.column} holds whole numbers: ${String(v).slice(0, 40)} is not one`,
        );
      if (column.kind === 'text' && typeof v !== 'string')
        throw new ServiceError('BAD_REQUEST', `${filter.column} holds text: give its values as strings`);
      b.params[`${p}_${j}`] = column.kind === 'number' ? BigInt(v as number) : v;
      b.types[`${p}_${j}`] = column.kind === 'number' ? BIGINT : VARCHAR;
      names.push(`$${p}_${j}`);
    });
    // A value from JSON is there as JSON.stringify wrote it, quotes and all: events whose JSON does not
    // hold one of the values written so are not parsed (a list with "no value" keeps every event).
    const fromJson = GRID_TABLES.some((t) => column.json(t) !== null);
    const written = withNull || !fromJson ? [] : names.map((name) => `${name}_json`);
    written.forEach((w, j) => {
      b.params[w.slice(1)] = JSON.stringify(b.params[names[j]!.slice(1)]);
      b.types[w.slice(1)] = VARCHAR;
    });
    return (t) => {
      if (column.absentIn(t)) return withNull ? 'true' : false;
      const x = column.sql(t);
      const parts = [
        ...(names.length ? [`${x} IN (${names.join(', ')})`] : []),
        ...(withNull ? [`${x} IS NULL`] : []),
      ];
      if (!parts.length) return false;
      const json = column.json(t);
      const held =
        json && written.length
          ? `${json.holds} AND (${written.map((w) => `contains(${json.text}, ${w})`).join(' OR ')}) AND `
          : '';
      return `(${held}${parts.join(' OR ')})`;
    };
  }
  if (!TEXT_OPS.has(filter.op))
    throw new ServiceError('BAD_REQUEST', `unknown filter operation ${String(filter.op)}`);
  b.params[p] = filter.text;
  b.types[p] = VARCHAR;
  if (filter.op === 'regex') regexes.push({ what: `the filter on ${filter.column}`, pattern: filter.text });
  const test = (x: string): string => {
    switch (filter.op) {
      // RE2's case-insensitive search measured up to four times faster than lower-casing every value.
      case 'contains':
        return `regexp_matches(${x}, regexp_escape($${p}), 'i')`;
      case 'starts':
        return `regexp_matches(${x}, '^' || regexp_escape($${p}), 'i')`;
      case 'regex':
        return `regexp_matches(${x}, $${p}, 'i')`;
    }
  };
  return (t) => {
    // No value never matches; "does not contain" keeps it.
    if (column.absentIn(t)) return filter.not ? 'true' : false;
    const x = column.kind === 'text' ? column.sql(t) : `CAST(${column.sql(t)} AS VARCHAR)`;
    // Text is searched in the value itself: a case-insensitive search of a whole event's JSON first cost
    // more than parsing it, on the bench case's Sysmon events (their EventData is long).
    return filter.not ? `NOT coalesce(${test(x)}, false)` : test(x);
  };
}

function orderable(
  id: string,
  what: string,
  slots: SlotCounter,
  scope: ScopeRows,
  b: Bindings,
): ResolvedColumn {
  const column = resolveColumn(id, slots.next(), scope.kind);
  if (column.derived) throw new ServiceError('BAD_REQUEST', `the ${id} column cannot be ${what}`);
  bindColumn(column, b);
  return column;
}

/** Plans a view over a materialised scope: its tables, bound values, relation and order. */
export function planView(
  view: GridView,
  scope: ScopeRows,
  slots = new SlotCounter(),
  dataEvents?: DataFieldEvents,
): ViewPlan {
  const b: Bindings = { params: {}, types: {} };
  const regexes: ViewPlan['regexes'] = [];
  const predicates = (view.filters ?? []).map((f, i) =>
    heldBy(f, i, filterPredicate(f, i, slots, scope, b, regexes), b, dataEvents),
  );
  // The order's own columns, per table: the group's value, then the sort's keys.
  const orderSql: Record<string, (table: GridTable) => string> = {};
  const order: string[] = [];
  let group: ResolvedColumn | null = null;
  if (view.groupBy !== undefined) {
    const g = orderable(view.groupBy, 'grouped', slots, scope, b);
    if (g.kind === 'time')
      throw new ServiceError('BAD_REQUEST', 'rows cannot be grouped by their exact time');
    group = g;
    orderSql['g0'] = g.sql;
    order.push('g0 ASC NULLS LAST');
  }
  const sort = view.sort;
  if (sort && sort.column !== 'time') {
    const s = orderable(sort.column, 'sorted', slots, scope, b);
    for (let k = 0; k < s.sortKeys; k++) {
      orderSql[`s${k}`] = (t) => s.sortSql(t, k);
      order.push(`s${k} ${sort.desc ? 'DESC' : 'ASC'} NULLS LAST`);
    }
    // Ties in time order, then in the file's order: the same rows always come in the same order.
    order.push('ts ASC NULLS LAST', 't ASC', 'rid ASC');
  } else {
    // Time descending is the exact reverse of time ascending.
    const d = sort?.desc ? 'DESC' : 'ASC';
    order.push(`ts ${d} NULLS LAST`, `t ${d}`, `rid ${d}`);
  }

  const wheres = new Map<GridTable, string[]>();
  for (const table of scope.tables) {
    const parts = predicates.map((p) => p(table));
    if (parts.every((p): p is string => p !== false)) wheres.set(table, parts);
  }
  const tables = GRID_TABLES.filter((t) => wheres.has(t));

  /** FROM the table (as `e`), joined to the scope's keys, WHERE the view's filters and `extra`. */
  const source = (table: GridTable, extra: string[] = []): string => {
    const join = scope.table
      ? ` JOIN ${scope.table} s ON s.t = ${GRID_TABLES.indexOf(table)} AND s.rid = e.rowid`
      : '';
    const where = [...wheres.get(table)!, ...extra];
    return `FROM ${table} e${join}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  };

  const relation = (
    extras: Record<string, ResolvedColumn> = {},
    extraWhere?: (table: GridTable) => string,
  ): string => {
    const all: Record<string, (table: GridTable) => string> = { ...orderSql };
    for (const [alias, c] of Object.entries(extras)) all[alias] = c.sql;
    if (tables.length === 0) {
      // No table can hold a row: an empty relation of the same shape.
      const cols = Object.keys(all).map((alias) => `NULL AS ${alias}`);
      return `SELECT NULL::UTINYINT AS t, NULL::BIGINT AS rid, NULL::TIMESTAMP AS ts${cols.map((c) => `, ${c}`).join('')} WHERE false`;
    }
    return tables
      .map((table) => {
        const cols = Object.entries(all).map(([alias, sql]) => `, ${sql(table)} AS ${alias}`);
        return (
          `SELECT ${GRID_TABLES.indexOf(table)}::UTINYINT AS t, e.rowid AS rid, e.ts AS ts${cols.join('')} ` +
          source(table, extraWhere ? [extraWhere(table)] : [])
        );
      })
      .join('\nUNION ALL\n');
  };

  const valueCounts = (column: ResolvedColumn): string => {
    if (tables.length === 0) return `SELECT NULL AS v0, 0::BIGINT AS n WHERE false`;
    return tables
      .map((table) => {
        const inputs = column.inputs(table);
        if (inputs === null)
          return `SELECT ${column.sql(table)} AS v0, count(*) AS n ${source(table)} GROUP BY 1`;
        // The inputs counted first, under the name `e`, so the column's SQL reads them as it reads a row.
        const keys = inputs.map((c) => `e.${c}, `).join('');
        return (
          `SELECT ${column.sql(table)} AS v0, n FROM (SELECT ${keys}count(*) AS n ${source(table)}` +
          `${inputs.length ? ' GROUP BY ALL' : ''} HAVING count(*) > 0) e`
        );
      })
      .join('\nUNION ALL\n');
  };
  const filtered = (view.filters ?? []).length > 0;
  return {
    ...b,
    tables,
    regexes,
    relation,
    valueCounts,
    orderBy: order.join(', '),
    group,
    filtered,
    scope,
  };
}

/** A stable text for a view's rows (its scope and filters) and for its order, to key caches. */
export function viewKeys(view: GridView): { rows: string; order: string } {
  const rows = JSON.stringify({ scope: view.scope, filters: view.filters ?? [] });
  return { rows, order: JSON.stringify({ rows, sort: view.sort ?? null, groupBy: view.groupBy ?? null }) };
}
