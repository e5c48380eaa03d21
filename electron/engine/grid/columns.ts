// The SQL behind each grid column, per table: the only place a column name becomes SQL text. A request names
// columns by id (shared/eventGrid.ts); an id that is not in this list, or an EventData name of the wrong
// shape, is refused before any SQL is built, and an EventData name reaches SQL only as a bound JSON path.
import {
  DATA_COLUMN_PREFIX,
  DATA_FIELD_PATTERN,
  GRID_COLUMNS,
  columnInScope,
  type GridColumnKind,
  type GridRef,
  type GridScopeKind,
} from '../../../shared/eventGrid.js';
import { AUDIT_CATEGORY_SQL, SIGNIN_CATEGORY_SQL, WIN_CATEGORY_SQL } from '../service/eventCategories.js';
import { ServiceError } from '../service/serviceError.js';

export type GridTable = GridRef['table'];

/** The three tables in the grid's order; the index is the `t` every key carries. */
export const GRID_TABLES: readonly GridTable[] = ['win_events', 'signins', 'audits'];

/**
 * Per table, the column's SQL over the row `e` (and `s`, the scope's row, for the columns a scope carries:
 * `role`, a bookmark's `tags` and `note`); null: no value there.
 */
type PerTable = Record<GridTable, string | null>;

const SQL_TYPE: Record<GridColumnKind, string> = { time: 'TIMESTAMP', text: 'VARCHAR', number: 'BIGINT' };

const same = (sql: string): PerTable => ({ win_events: sql, signins: sql, audits: sql });
const winOnly = (sql: string): PerTable => ({ win_events: sql, signins: null, audits: null });

// The file's name: a lookup in the small sources table, which DuckDB turns into one hash join.
const SOURCE_NAME = '(SELECT src.name FROM sources src WHERE src.source_id = e.source_id)';

/** A name the logs left blank ('-' or nothing) is no name. */
const named = (x: string) => `CASE WHEN ${x} IN ('', '-') THEN NULL ELSE ${x} END`;

/**
 * DOMAIN\name as the logs wrote it (the name alone when it already says its domain, or has none): what
 * account_display() of migration 002 gives, without its trims, which cost twice as much on a million rows.
 */
const display = (user: string, domain: string) =>
  `CASE WHEN ${user} IS NULL OR ${user} IN ('', '-') THEN NULL
        WHEN ${domain} IS NULL OR ${domain} IN ('', '-') OR contains(${user}, '\\') OR contains(${user}, '@')
          THEN ${user}
        ELSE ${domain} || '\\' || ${user} END`;

const COLUMN_SQL: Record<string, PerTable> = {
  time: same('e.ts'),
  host: winOnly('e.host'),
  channel: { win_events: 'e.channel', signins: "'Entra ID sign-ins'", audits: "'Entra ID audits'" },
  provider: { win_events: 'e.provider', signins: null, audits: 'e.logged_by_service' },
  event_id: winOnly('e.event_id'),
  // The categories' SQL names the table's columns unqualified; a grid query reads one table at a time,
  // and the scope's row (`s`) has none of those names.
  category: { win_events: WIN_CATEGORY_SQL, signins: SIGNIN_CATEGORY_SQL, audits: AUDIT_CATEGORY_SQL },
  role: same('s.role'),
  tags: same('s.tags'),
  note: same('s.note'),
  user: {
    win_events: display('e.subject_user', 'e.subject_domain'),
    signins: 'e.user_principal_name',
    audits: 'e.initiator_upn',
  },
  target: {
    win_events: display('e.target_user', 'e.target_domain'),
    signins: null,
    audits: "array_to_string(e.target_upns, ', ')",
  },
  logon_type: winOnly('e.logon_type'),
  ip: { win_events: 'e.ip', signins: 'e.ip', audits: 'e.initiator_ip' },
  workstation: winOnly('e.workstation'),
  process: winOnly('e.image'),
  command_line: winOnly('e.command_line'),
  parent_process: winOnly('e.parent_image'),
  pid: winOnly('e.pid'),
  parent_pid: winOnly('e.parent_pid'),
  logon_id: winOnly('hex_logon_id(e.subject_logon_id)'),
  target_logon_id: winOnly('hex_logon_id(e.target_logon_id)'),
  status: {
    win_events: 'coalesce(e.status, e.failure_code)',
    signins: 'CAST(e.error_code AS VARCHAR)',
    audits: 'e.result',
  },
  sub_status: winOnly('e.sub_status'),
  member: winOnly('e.member_name'),
  object_type: winOnly('e.object_type'),
  object_name: winOnly('e.object_name'),
  caller_process: winOnly('e.caller_image'),
  logon_process: winOnly('e.logon_process'),
  auth_package: winOnly('e.auth_package'),
  script: winOnly('e.script_text'),
  user_sid: winOnly('e.subject_sid'),
  target_sid: winOnly('e.target_sid'),
  app: { win_events: null, signins: 'e.app_display_name', audits: 'e.initiator_app' },
  record_id: { win_events: 'e.record_id', signins: 'e.record_no', audits: 'e.record_no' },
  source: same(SOURCE_NAME),
};

/**
 * Cheaper keys that sort like the shown value, where building that value for every row costs more than
 * the sort (measured on the bench case: the first 200 of a million rows by user, 620 ms building
 * DOMAIN\\name, 36 ms by the name and then the domain). Per table, the keys in order.
 */
const SORT_SQL: Record<string, Record<GridTable, string[] | null>> = {
  user: {
    win_events: [named('e.subject_user'), 'e.subject_domain'],
    signins: ['e.user_principal_name', 'NULL'],
    audits: ['e.initiator_upn', 'NULL'],
  },
  target: {
    win_events: [named('e.target_user'), 'e.target_domain'],
    signins: null,
    audits: ["array_to_string(e.target_upns, ', ')", 'NULL'],
  },
  logon_id: { win_events: ['e.subject_logon_id'], signins: null, audits: null },
  target_logon_id: { win_events: ['e.target_logon_id'], signins: null, audits: null },
};

const ALWAYS = new Set(['category', 'source', 'channel', 'time']);

/**
 * The row's own columns a computed value is made from, per table, where they take few distinct values
 * together. A column's value list counts rows per combination of these first, then computes the value once
 * per combination (measured on the bench case's million events: the category of every row 84 ms, of each
 * combination of its four columns under 1 ms after a 20 ms count). A plain column needs none.
 */
const INPUTS: Record<string, Partial<Record<GridTable, string[]>>> = {
  category: {
    win_events: ['event_id', 'provider', 'channel', 'status'],
    signins: ['error_code'],
    audits: [],
  },
  channel: { signins: [], audits: [] },
  user: { win_events: ['subject_user', 'subject_domain'] },
  target: { win_events: ['target_user', 'target_domain'], audits: ['target_upns'] },
  status: { win_events: ['status', 'failure_code'], signins: ['error_code'] },
  source: { win_events: ['source_id'], signins: ['source_id'], audits: ['source_id'] },
};

/** A column ready for SQL: its expression per table, and any value the expression binds. */
export interface ResolvedColumn {
  id: string;
  kind: GridColumnKind;
  /** Display only (the summary): never in a filter, a sort or a group. */
  derived: boolean;
  /** The expression for table t, typed alike in every table; `$name` parameters are in `params`. */
  sql(table: GridTable): string;
  /** True when no row of this table can have a value here. */
  absentIn(table: GridTable): boolean;
  /** The keys to sort by (the value itself, or cheaper keys in the same order), typed alike in every table. */
  sortKeys: number;
  sortSql(table: GridTable, key: number): string;
  /** SQL that is not null exactly when the column has a value, and cheaper to compute than the value. */
  presenceSql(table: GridTable): string;
  /**
   * The columns of the row `e` the value is computed from alone (see INPUTS), or null: the value is counted
   * as it is.
   */
  inputs(table: GridTable): string[] | null;
  /**
   * The JSON text the value is read from (an EventData field: the event's `data`), or null. Its values are
   * strings written by JSON.stringify (rowContract.ts), so a value is in this JSON exactly as JSON.stringify
   * writes it, quotes and all: a test of the JSON's text can rule an event out before its JSON is parsed.
   * `holds`: SQL true when the JSON may hold the field (a substring test).
   */
  json(table: GridTable): { text: string; holds: string } | null;
  params: Record<string, string>;
}

/**
 * Resolves a column id to its SQL. `slot` names its bound parameter uniquely within one query (an
 * EventData column binds its JSON path). Unknown ids are the caller's error, said in words.
 */
export function resolveColumn(id: string, slot: number, scope: GridScopeKind): ResolvedColumn {
  if (id.startsWith(DATA_COLUMN_PREFIX)) {
    const name = id.slice(DATA_COLUMN_PREFIX.length);
    if (!DATA_FIELD_PATTERN.test(name) || name.includes('"'))
      throw new ServiceError('BAD_REQUEST', `"${id.slice(0, 80)}" is not an EventData field name`);
    const param = `col${slot}`;
    // A quoted JSON path: a name with a dot or a space stays one key. Only events whose JSON holds the
    // key at all are parsed (a test of the text that costs a quarter of parsing every event's JSON).
    const sql = (t: GridTable) =>
      t === 'win_events'
        ? `CASE WHEN contains(e.data, $${param}_key) THEN json_extract_string(e.data, $${param}) END`
        : 'NULL::VARCHAR';
    return {
      id,
      kind: 'text',
      derived: false,
      sql,
      absentIn: (t) => t !== 'win_events',
      sortKeys: 1,
      sortSql: (t) => sql(t),
      presenceSql: sql,
      inputs: () => null,
      json: (t) => (t === 'win_events' ? { text: 'e.data', holds: `contains(e.data, $${param}_key)` } : null),
      params: { [param]: `$."${name}"`, [`${param}_key`]: JSON.stringify(name) },
    };
  }
  const spec = GRID_COLUMNS.find((c) => c.id === id);
  if (!spec) throw new ServiceError('BAD_REQUEST', `"${id.slice(0, 80)}" is not a column of the event grid`);
  if (spec.derived) {
    const none = () => 'NULL';
    return {
      id,
      kind: spec.kind,
      derived: true,
      sql: none,
      absentIn: () => false,
      sortKeys: 0,
      sortSql: none,
      presenceSql: none,
      inputs: () => null,
      json: () => null,
      params: {},
    };
  }
  const perTable = COLUMN_SQL[id]!;
  const type = SQL_TYPE[spec.kind];
  const absent = (t: GridTable) => perTable[t] === null || !columnInScope(spec, scope);
  const sql = (t: GridTable) => (absent(t) ? `NULL::${type}` : `CAST(${perTable[t]} AS ${type})`);
  const keys = SORT_SQL[id];
  return {
    id,
    kind: spec.kind,
    derived: false,
    sql,
    absentIn: absent,
    sortKeys: keys ? Math.max(...Object.values(keys).map((l) => l?.length ?? 0)) : 1,
    sortSql: (t, k) => {
      if (!keys) return sql(t);
      const list = keys[t];
      // Keys of one table line up with another's only when typed alike: text, or a number as a number.
      if (!list || absent(t)) return k === 0 && spec.kind === 'text' ? 'NULL::VARCHAR' : 'NULL';
      return list[k] ?? 'NULL';
    },
    // Every event has a category and a file; a composed value is there when its first key is.
    presenceSql: (t) => (absent(t) ? 'NULL' : ALWAYS.has(id) ? '1' : (keys?.[t]?.[0] ?? sql(t))),
    // No value at all: the rows are only counted.
    inputs: (t) => (absent(t) ? [] : (INPUTS[id]?.[t] ?? null)),
    json: () => null,
    params: {},
  };
}

/** Every column a scope's events may fill, for the column chooser's counts (the summary is always there). */
export function countableColumns(scope: GridScopeKind): string[] {
  return GRID_COLUMNS.filter((c) => !c.derived && columnInScope(c, scope)).map((c) => c.id);
}
