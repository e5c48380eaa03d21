// The event grid's contract: which events (a scope), which of them (filters), in which order (a sort and
// an optional group column) and which columns. The engine turns a view into SQL from its own list of
// column expressions (electron/engine/grid/columns.ts); this file names the columns both sides know, so
// the renderer can label them and the request checks can refuse a name that is not one of them.

/** Which events a grid shows before any filter: what each screen listed before the grid. */
export type GridScope =
  | { kind: 'case' }
  /** One cell of the coverage matrix: a host (or 'Entra ID') and a telemetry key of coverageTelemetry. */
  | { kind: 'coverage'; host: string; telemetry: string }
  /** The events a finding rests on (its evidence). */
  | { kind: 'finding'; findingId: string }
  /** Events naming an account (by its normalised key) as actor, target or member, and its sign-ins. */
  | { kind: 'account'; key: string }
  /**
   * A pivot page's events: a user (with every identity linked to it), a host or an IP, matched as the
   * entity pages match them (electron/engine/entities/entityEvents.ts), each with the entity's role in it.
   */
  | { kind: 'entity'; entity: 'user' | 'host' | 'ip'; key: string }
  /** The events the responder bookmarked, with their tags and note. */
  | { kind: 'bookmarks' };

export type GridScopeKind = GridScope['kind'];

export type GridTextOp = 'contains' | 'starts' | 'regex';

export type GridValue = string | number | null;

export type GridFilter =
  /** Text matching, case-insensitive; `not` keeps the rows that do not match (and those with no value). */
  | { column: string; op: GridTextOp; text: string; not?: boolean }
  /** The value is one of these (null stands for "no value"). */
  | { column: string; op: 'in'; values: GridValue[] }
  /** A time range, either end open; ISO 8601 times, UTC unless they say otherwise. */
  | { column: 'time'; op: 'range'; from?: string; to?: string };

export interface GridSort {
  column: string;
  desc?: boolean;
}

/** What a grid shows: rows in a fixed order, numbered from 0. */
export interface GridView {
  scope: GridScope;
  filters?: GridFilter[];
  /** Ties (and no sort) fall back to time, then to the event's place in its file: a stable order. */
  sort?: GridSort;
  /** Rows come grouped by this column (values ascending, no value last), each group in the sort's order. */
  groupBy?: string;
}

export interface GridRef {
  table: 'win_events' | 'signins' | 'audits';
  source: string; // the file's SHA-256
  recordNo: number;
}

export interface GridRow {
  ref: GridRef;
  /** One value per requested column, in the request's order (times as ISO 8601 UTC). */
  cells: GridValue[];
}

export interface GridWindow {
  /** Rows in the view. */
  total: number;
  offset: number;
  rows: GridRow[];
}

export interface GridGroup {
  value: GridValue;
  count: number;
}

export interface GridGroups {
  total: number;
  groups: GridGroup[];
  /** More groups than the limit: the list stops there. */
  truncated: boolean;
}

export interface GridValueCount {
  value: GridValue;
  count: number;
}

export interface GridFindResult {
  /** The row of the match, or null when nothing in the view matches (or the search is not done). */
  row: number | null;
  /** How many rows match, once the engine has looked at every row (after a quick look nearby found none). */
  matches?: number;
  /** The search went past the end (or the start) and went on from the other end. */
  wrapped: boolean;
  /**
   * Set while the search through every row is still going (0…1 of the rows read): ask again with the same
   * request to go on. Each answer comes within a fraction of a second, so the page can show progress.
   */
  progress?: number;
}

export interface GridColumnCount {
  id: string;
  /** Events of the scope that have a value in this column. */
  count: number;
}

export interface GridColumns {
  /** Events in the scope. */
  total: number;
  columns: GridColumnCount[];
  /** The EventData fields that are not typed columns, with how many events carry each. */
  dataFields: GridColumnCount[];
}

export interface GridExportChunk {
  /** The chunk's text: CSV (a header line with the first chunk) or JSON lines. */
  content: string;
  rows: number;
  total: number;
  filename: string;
  mime: string;
}

export type GridColumnKind = 'time' | 'text' | 'number';

export interface GridColumnSpec {
  id: string;
  label: string;
  kind: GridColumnKind;
  /** Offered as a list of values to tick (few distinct values). */
  valueList?: boolean;
  /** Shown when a grid opens without a column choice. */
  standard?: boolean;
  /** What the column holds, for the column chooser: the EventData names or the Entra fields. */
  hint?: string;
  /** Display only: made from other columns, so it can be neither filtered, sorted nor grouped. */
  derived?: boolean;
  /** Only in these scopes, whose own rows carry its value (a finding's roles, a bookmark's note). */
  scopes?: readonly GridScopeKind[];
}

export const GRID_COLUMNS: readonly GridColumnSpec[] = [
  { id: 'time', label: 'Time', kind: 'time', standard: true, hint: 'TimeCreated, UTC in the engine' },
  { id: 'host', label: 'Host', kind: 'text', valueList: true, standard: true, hint: 'Computer' },
  { id: 'channel', label: 'Channel', kind: 'text', valueList: true, hint: 'Channel; Entra ID logs by kind' },
  { id: 'provider', label: 'Provider', kind: 'text', valueList: true, hint: 'Provider Name' },
  { id: 'event_id', label: 'Event', kind: 'number', valueList: true, standard: true, hint: 'EventID' },
  { id: 'category', label: 'Category', kind: 'text', valueList: true, standard: true },
  {
    id: 'role',
    label: 'Role',
    kind: 'text',
    valueList: true,
    scopes: ['finding', 'entity'],
    hint: "the event's part in the finding; on a user's, host's or IP's page, its part in the event",
  },
  {
    id: 'tags',
    label: 'Tags',
    kind: 'text',
    scopes: ['bookmarks'],
    hint: "the responder's tags on the event",
  },
  {
    id: 'note',
    label: 'Note',
    kind: 'text',
    scopes: ['bookmarks'],
    hint: "the responder's note on the event",
  },
  { id: 'summary', label: 'Summary', kind: 'text', derived: true, standard: true },
  { id: 'user', label: 'User', kind: 'text', hint: 'SubjectDomainName\\SubjectUserName; Entra: the UPN' },
  {
    id: 'target',
    label: 'Target',
    kind: 'text',
    hint: 'TargetDomainName\\TargetUserName; Entra audits: targets',
  },
  { id: 'logon_type', label: 'Logon type', kind: 'number', valueList: true, hint: 'LogonType' },
  { id: 'ip', label: 'IP', kind: 'text', hint: 'IpAddress, SourceNetworkAddress, ClientAddress' },
  { id: 'workstation', label: 'Workstation', kind: 'text', hint: 'WorkstationName, Workstation' },
  { id: 'process', label: 'Process', kind: 'text', hint: 'NewProcessName, Image' },
  { id: 'command_line', label: 'Command line', kind: 'text', hint: 'CommandLine' },
  { id: 'parent_process', label: 'Parent process', kind: 'text', hint: 'ParentProcessName, ParentImage' },
  { id: 'pid', label: 'PID', kind: 'number', hint: 'NewProcessId, ProcessId' },
  { id: 'parent_pid', label: 'Parent PID', kind: 'number', hint: 'ProcessId (4688), ParentProcessId' },
  { id: 'logon_id', label: 'Logon ID', kind: 'text', hint: 'SubjectLogonId, LogonId' },
  { id: 'target_logon_id', label: 'Target logon ID', kind: 'text', hint: 'TargetLogonId' },
  {
    id: 'status',
    label: 'Status',
    kind: 'text',
    valueList: true,
    hint: 'Status, FailureCode; Entra: error code, result',
  },
  { id: 'sub_status', label: 'Sub status', kind: 'text', valueList: true, hint: 'SubStatus' },
  { id: 'member', label: 'Member', kind: 'text', hint: 'MemberName' },
  { id: 'object_type', label: 'Object type', kind: 'text', valueList: true, hint: 'ObjectType' },
  { id: 'object_name', label: 'Object', kind: 'text', hint: 'ObjectName, TargetFilename' },
  { id: 'caller_process', label: 'Caller process', kind: 'text', hint: 'CallerProcessName' },
  { id: 'logon_process', label: 'Logon process', kind: 'text', valueList: true, hint: 'LogonProcessName' },
  {
    id: 'auth_package',
    label: 'Auth package',
    kind: 'text',
    valueList: true,
    hint: 'AuthenticationPackageName',
  },
  { id: 'script', label: 'Script block', kind: 'text', hint: 'ScriptBlockText' },
  { id: 'user_sid', label: 'User SID', kind: 'text', hint: 'SubjectUserSid' },
  { id: 'target_sid', label: 'Target SID', kind: 'text', hint: 'TargetUserSid, TargetSid' },
  {
    id: 'app',
    label: 'Application',
    kind: 'text',
    valueList: true,
    hint: 'Entra: appDisplayName, initiator app',
  },
  { id: 'record_id', label: 'Record', kind: 'number', hint: 'EventRecordID; Entra: the record in its file' },
  { id: 'source', label: 'File', kind: 'text', valueList: true, hint: 'the evidence file' },
];

/** An EventData field shown as a column: `data.` and the field's name as the event wrote it. */
export const DATA_COLUMN_PREFIX = 'data.';
/** What an EventData name may be (Windows writes identifiers; the reader adds `#2` for a repeated name). */
export const DATA_FIELD_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.:# -]{0,127}$/;

export function gridColumnSpec(id: string): GridColumnSpec | undefined {
  if (id.startsWith(DATA_COLUMN_PREFIX)) {
    const name = id.slice(DATA_COLUMN_PREFIX.length);
    return DATA_FIELD_PATTERN.test(name) ? { id, label: name, kind: 'text', hint: 'EventData' } : undefined;
  }
  return GRID_COLUMNS.find((c) => c.id === id);
}

/** Whether a column can hold values in a scope: a scope's own columns (a finding's roles) only there. */
export function columnInScope(spec: GridColumnSpec, scope: GridScopeKind): boolean {
  return spec.scopes === undefined || spec.scopes.includes(scope);
}

/** A column id the engine knows: one of GRID_COLUMNS, or `data.` and an EventData name. */
export function isGridColumn(id: string): boolean {
  return gridColumnSpec(id) !== undefined;
}

export const GRID_LIMITS = {
  /** Rows in one window or one export chunk. */
  window: 1_000,
  exportChunk: 50_000,
  columns: 64,
  filters: 32,
  values: 1_000,
  groups: 5_000,
  text: 1_000,
} as const;
