// Run-time checks of every API request, used by the server side of both transports (the Electron IPC
// wrapper and the loopback HTTP server) before anything reaches the engine. TypeScript's types vanish at
// run time, and a compromised page can send anything: so each method's request is described once here,
// strictly (no unknown keys, bounded strings, lists and numbers), and everything else is refused.
import { API_METHODS, type ApiMethod, type ApiRequest, type Result } from './api.js';
import { TELEMETRY_KEYS } from './coverageTelemetry.js';
import { GRID_LIMITS, isGridColumn } from './eventGrid.js';
import { ANALYTIC_ID_PATTERN, FINDING_STATUSES } from './report.js';

/** Returns a message naming what is wrong at `where`, or null when the value is acceptable. */
type Check = (value: unknown, where: string) => string | null;

export const LIMITS = {
  path: 4096,
  paths: 10_000,
  sql: 200_000,
  text: 2_000,
  id: 256,
  pageSize: 10_000,
  sqlRowLimit: 100_000,
  listItems: 10_000,
  paramKeys: 500,
  tag: 64,
  tags: 64,
  note: 20_000,
} as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function text(max: number, opts: { nonEmpty?: boolean; pattern?: RegExp } = {}): Check {
  return (v, where) => {
    if (typeof v !== 'string') return `${where} must be a string`;
    if (v.length > max) return `${where} is longer than ${max} characters`;
    if (opts.nonEmpty && v.length === 0) return `${where} must not be empty`;
    if (opts.pattern && !opts.pattern.test(v)) return `${where} has an unexpected form`;
    return null;
  };
}

function integer(min: number, max: number): Check {
  return (v, where) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? null
      : `${where} must be a whole number from ${min} to ${max}`;
}

const finiteNumber: Check = (v, where) =>
  typeof v === 'number' && Number.isFinite(v) ? null : `${where} must be a finite number`;

const bool: Check = (v, where) => (typeof v === 'boolean' ? null : `${where} must be true or false`);

function oneOf(values: readonly string[]): Check {
  return (v, where) =>
    typeof v === 'string' && values.includes(v) ? null : `${where} must be one of ${values.join(', ')}`;
}

function anyOf(...checks: Check[]): Check {
  return (v, where) => {
    const errors = checks.map((c) => c(v, where));
    return errors.includes(null) ? null : errors.join(', or ');
  };
}

function list(item: Check, max: number = LIMITS.listItems): Check {
  return (v, where) => {
    if (!Array.isArray(v)) return `${where} must be a list`;
    if (v.length > max) return `${where} has more than ${max} items`;
    for (let i = 0; i < v.length; i++) {
      const e = item(v[i], `${where}[${i}]`);
      if (e) return e;
    }
    return null;
  };
}

/** A record of known keys: `required` must be present, `optional` may be, anything else is refused. */
function object(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v, where) => {
    if (!isPlainObject(v)) return `${where} must be an object`;
    for (const key of Object.keys(v)) {
      if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key))
        return `${where} has an unknown field "${key.slice(0, 64)}"`;
    }
    for (const [key, check] of Object.entries(required)) {
      if (!Object.hasOwn(v, key)) return `${where}.${key} is missing`;
      const e = check(v[key], `${where}.${key}`);
      if (e) return e;
    }
    for (const [key, check] of Object.entries(optional)) {
      if (!Object.hasOwn(v, key) || v[key] === undefined) continue;
      const e = check(v[key], `${where}.${key}`);
      if (e) return e;
    }
    return null;
  };
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A record with free keys (bounded in number and length) and one kind of value. */
function dictionary(value: Check, maxKeys: number = LIMITS.paramKeys): Check {
  return (v, where) => {
    if (!isPlainObject(v)) return `${where} must be an object`;
    const keys = Object.keys(v);
    if (keys.length > maxKeys) return `${where} has more than ${maxKeys} entries`;
    for (const key of keys) {
      // Keys name parameters ($name in SQL, registry names): identifiers only, and never a prototype name.
      if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(key) || RESERVED_KEYS.has(key)) {
        return `${where} has a key that is not a parameter name: "${key.slice(0, 64)}"`;
      }
      const e = value(v[key], `${where}.${key}`);
      if (e) return e;
    }
    return null;
  };
}

// A path names a file or folder on the engine's side; NUL would truncate it in the C layers below.
const path = text(LIMITS.path, { nonEmpty: true, pattern: /^[^\0]+$/ });
const id = text(LIMITS.id, { nonEmpty: true });
const isoTime = text(40, {
  nonEmpty: true,
  pattern: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/,
});
const sha256 = text(64, { pattern: /^[0-9a-f]{64}$/ });
const empty = object({});

// Analytic ids by shape: the engine's registry is the list, and a filter naming an unknown one matches nothing.
const analyticId = text(32, { nonEmpty: true, pattern: ANALYTIC_ID_PATTERN });
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const SORT_KEYS = ['severity', 'analytic', 'first', 'host', 'confidence'] as const;
const TABLES = ['win_events', 'signins', 'audits'] as const;

// Parameter values follow ParamSpec's types: scalars and lists of scalars, nothing nested.
const paramScalar = anyOf(finiteNumber, text(LIMITS.text), bool);
const paramValue = anyOf(paramScalar, list(anyOf(finiteNumber, text(LIMITS.text)), 1_000));
const sqlScalar = anyOf(finiteNumber, text(LIMITS.text * 10), bool, (v, w) =>
  v === null ? null : `${w} is not null`,
);
// Lists too: the analytics' own SQL binds lists of names, patterns and codes.
const sqlParam = anyOf(sqlScalar, list(anyOf(finiteNumber, text(LIMITS.text)), LIMITS.listItems));

const allowlistEntries = list(object({ value: text(500, { nonEmpty: true }), reason: text(LIMITS.text) }));
const allowlist = object(
  {
    accounts: allowlistEntries,
    tools: allowlistEntries,
    sourceIps: allowlistEntries,
    hosts: allowlistEntries,
  },
  { properties: allowlistEntries },
);

const settings = object({
  params: dictionary(paramValue),
  allowlist,
  // IANA names: letters, digits and _ + - /; the engine checks the name is one the runtime knows.
  timeZone: text(64, { nonEmpty: true, pattern: /^[A-Za-z0-9_+\-/]+$/ }),
  profile: oneOf(['default', 'seed']),
});

// Triage: a tag is a short word or two of visible text; a note is free text, bounded.
const tag = text(LIMITS.tag, { nonEmpty: true, pattern: /^\S(.*\S)?$/ });
const tags = list(tag, LIMITS.tags);
const note = text(LIMITS.note);
const eventRef = object({
  table: oneOf(TABLES),
  source: sha256,
  recordNo: integer(1, Number.MAX_SAFE_INTEGER),
});
const ALLOWLIST_PICK_KINDS = ['accounts', 'tools', 'sourceIps', 'hosts'] as const;
const ENTITY_KINDS = ['user', 'host', 'ip'] as const;
const entityRef = { kind: oneOf(ENTITY_KINDS), key: text(LIMITS.text, { nonEmpty: true }) };
// A process key is event_key() of migration 002 as decimal text.
const processKey = text(24, { nonEmpty: true, pattern: /^\d{1,20}$/ });
const hostName = text(LIMITS.id, { nonEmpty: true });
// The event grid's views (shared/eventGrid.ts): a scope, filters, a sort and a group, each column a known id.
/** One of several shapes, told apart by the value of `field`. */
function tagged(field: string, shapes: Record<string, Check>): Check {
  return (v, where) => {
    if (!isPlainObject(v)) return `${where} must be an object`;
    const tag = v[field];
    if (typeof tag !== 'string' || !Object.hasOwn(shapes, tag))
      return `${where}.${field} must be one of ${Object.keys(shapes).join(', ')}`;
    return shapes[tag]!(v, where);
  };
}

const gridColumn: Check = (v, where) =>
  text(200, { nonEmpty: true })(v, where) ??
  (isGridColumn(v as string)
    ? null
    : `${where} is not a column of the event grid: "${(v as string).slice(0, 64)}"`);
const gridScope = tagged('kind', {
  case: object({ kind: oneOf(['case']) }),
  coverage: object({
    kind: oneOf(['coverage']),
    host: text(LIMITS.id, { nonEmpty: true }),
    telemetry: oneOf(TELEMETRY_KEYS),
  }),
  finding: object({ kind: oneOf(['finding']), findingId: id }),
  account: object({ kind: oneOf(['account']), key: text(LIMITS.text, { nonEmpty: true }) }),
  entity: object({ kind: oneOf(['entity']), entity: entityRef.kind, key: entityRef.key }),
  bookmarks: object({ kind: oneOf(['bookmarks']) }),
});
const gridTextFilter = (op: string) =>
  object(
    { column: gridColumn, op: oneOf([op]), text: text(GRID_LIMITS.text, { nonEmpty: true }) },
    { not: bool },
  );
const gridFilter = tagged('op', {
  contains: gridTextFilter('contains'),
  starts: gridTextFilter('starts'),
  regex: gridTextFilter('regex'),
  in: object({
    column: gridColumn,
    op: oneOf(['in']),
    values: list(
      anyOf(text(LIMITS.text), finiteNumber, (v, w) => (v === null ? null : `${w} is not null`)),
      GRID_LIMITS.values,
    ),
  }),
  range: object({ column: oneOf(['time']), op: oneOf(['range']) }, { from: isoTime, to: isoTime }),
});
const gridView = {
  required: { scope: gridScope },
  optional: {
    filters: list(gridFilter, GRID_LIMITS.filters),
    sort: object({ column: gridColumn }, { desc: bool }),
    groupBy: gridColumn,
  },
};
const gridColumns = list(gridColumn, GRID_LIMITS.columns);
const gridWindow = (max: number) => ({ offset: integer(0, 1e9), limit: integer(1, max) });
// A case task: a merge into a new case file, or an export into a new folder or a .jsonl file.
const CASE_TASKS: Record<string, Check> = {
  merge: object({ kind: oneOf(['merge']), paths: list(path, 100), target: path }),
  parquet: object({ kind: oneOf(['parquet']), dir: path }, { withRaw: bool }),
  timesketch: object({ kind: oneOf(['timesketch']), file: path }),
};
const caseTask: Check = (v, where) => {
  const kind = isPlainObject(v) ? v['kind'] : undefined;
  return typeof kind === 'string' && Object.hasOwn(CASE_TASKS, kind)
    ? CASE_TASKS[kind]!(v, where)
    : `${where}.kind must be one of ${Object.keys(CASE_TASKS).join(', ')}`;
};

const REQUEST_CHECKS: { [M in ApiMethod]: Check } = {
  caseInfo: empty,
  startImport: object({ paths: list(path, LIMITS.paths) }),
  importStatus: object({ importId: id }),
  cancelImport: object({ importId: id }),
  analyze: empty,
  listFindings: object(
    {},
    {
      analytic: list(analyticId, 64),
      severity: list(oneOf(SEVERITIES), SEVERITIES.length),
      host: text(LIMITS.text),
      text: text(LIMITS.text),
      sort: oneOf(SORT_KEYS),
      desc: bool,
      offset: integer(0, 1e9),
      limit: integer(1, LIMITS.pageSize),
      status: list(oneOf(FINDING_STATUSES), FINDING_STATUSES.length),
      tag,
      bookmarked: bool,
    },
  ),
  getFinding: object({ id }),
  rawEvent: object({ table: oneOf(TABLES), source: sha256, recordNo: integer(1, Number.MAX_SAFE_INTEGER) }),
  listAccounts: empty,
  accountStory: object({ key: text(LIMITS.text, { nonEmpty: true }) }),
  timeline: object({}, { from: isoTime, to: isoTime, buckets: integer(1, 2_000) }),
  timelineEvents: object(
    { from: isoTime, to: isoTime },
    { offset: integer(0, 1e9), limit: integer(1, LIMITS.pageSize) },
  ),
  signinSources: empty,
  signinSource: object({ ip: text(100, { nonEmpty: true }) }),
  analytics: empty,
  analyticSql: empty,
  paramSpecs: empty,
  runSql: object(
    { sql: text(LIMITS.sql, { nonEmpty: true }) },
    { params: dictionary(sqlParam, 100), limit: integer(1, LIMITS.sqlRowLimit) },
  ),
  getSettings: empty,
  setSettings: settings,
  exportReport: object({ format: oneOf(['html', 'json', 'csv']) }, { includePaths: bool }),
  openCase: object({ path }),
  saveCaseAs: object({ path }, { replace: bool }),
  newCase: object({ path }, { replace: bool }),
  // A gap shorter than a minute is noise, longer than a year is no gap inside any case.
  coverage: object({}, { gapSeconds: integer(60, 366 * 86_400) }),
  coverageEvents: object(
    { host: text(LIMITS.id, { nonEmpty: true }), telemetry: oneOf(TELEMETRY_KEYS) },
    { offset: integer(0, 1e9), limit: integer(1, LIMITS.pageSize) },
  ),
  triageTags: empty,
  setTriageTags: object({ tags }),
  setFindingReview: object({ id }, { status: oneOf(FINDING_STATUSES), tags, note, bookmarked: bool }),
  eventTriage: object({ refs: list(eventRef, LIMITS.pageSize) }),
  setEventTriage: object({ ref: eventRef }, { tags, note, bookmarked: bool }),
  allowlistFromFinding: object({
    id,
    entries: list(
      object({ kind: oneOf(ALLOWLIST_PICK_KINDS), value: text(500, { nonEmpty: true, pattern: /\S/ }) }),
      16,
    ),
    reason: text(LIMITS.text, { nonEmpty: true, pattern: /\S/ }),
  }),
  entityPage: object(entityRef),
  entityEvents: object(entityRef, {
    categories: list(text(32, { nonEmpty: true }), 32),
    offset: integer(0, 1e9),
    limit: integer(1, LIMITS.pageSize),
  }),
  processTree: object(
    {},
    {
      host: hostName,
      key: processKey,
      pid: integer(0, 2 ** 32),
      time: isoTime,
      source: sha256,
      recordNo: integer(1, Number.MAX_SAFE_INTEGER),
      findingId: id,
    },
  ),
  processChildren: object(
    { host: hostName, key: processKey },
    { logonId: text(20, { pattern: /^0x[0-9a-f]+$/ }) },
  ),
  eventGrid: object(
    { ...gridView.required, columns: gridColumns, ...gridWindow(GRID_LIMITS.window) },
    gridView.optional,
  ),
  eventGridGroups: object({ ...gridView.required, column: gridColumn }, gridView.optional),
  eventGridFind: object(
    {
      ...gridView.required,
      text: text(GRID_LIMITS.text, { nonEmpty: true }),
      from: integer(-1, 1e9),
      direction: oneOf(['next', 'prev']),
    },
    { ...gridView.optional, regex: bool },
  ),
  eventGridValues: object(
    { scope: gridScope, column: gridColumn },
    {
      filters: gridView.optional.filters,
      search: text(GRID_LIMITS.text),
      limit: integer(1, GRID_LIMITS.values),
    },
  ),
  eventGridColumns: object({ scope: gridScope }),
  eventGridExport: object(
    {
      ...gridView.required,
      columns: gridColumns,
      format: oneOf(['csv', 'jsonl']),
      ...gridWindow(GRID_LIMITS.exportChunk),
    },
    gridView.optional,
  ),
  startCaseTask: caseTask,
  caseTaskStatus: object({ taskId: id }),
};

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

export type ValidRequest = { [M in ApiMethod]: { method: M; request: ApiRequest<M> } }[ApiMethod];

/** Checks the method name and its request; the value is the same request, now known to be well-formed. */
export function validateRequest(method: unknown, request: unknown): Result<ValidRequest> {
  if (!isApiMethod(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 64)}"` : typeof method;
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `no such API method: ${shown}` } };
  }
  const problem = REQUEST_CHECKS[method](request, 'request');
  if (problem) return { ok: false, error: { code: 'BAD_REQUEST', message: `${method}: ${problem}` } };
  return { ok: true, value: { method, request } as ValidRequest };
}
