// The one API contract between the UI and the engine. Each method maps a request to a response; the
// Electron preload (IPC) and the browser mode (HTTP on loopback) both carry exactly these methods, with
// no logic of their own. Everything here is JSON-safe: no bigint, no Date, times as ISO 8601 UTC strings.
import type {
  Allowlist,
  AnalyticId,
  AnalyticInfo,
  EventRef,
  EventTriage,
  Finding,
  FindingReview,
  FindingStatus,
  HostCoverage,
  LineageNode,
  Severity,
  SourceSummary,
} from './report.js';
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
} from './eventGrid.js';

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface CaseInfo {
  path: string;
  sources: SourceSummary[];
  counts: { winEvents: number; signins: number; audits: number; findings: number };
  first: string | null;
  last: string | null;
  hosts: string[];
  analyzedAt: string | null;
}

export interface ImportFileProgress {
  path: string;
  size: number;
  bytesRead: number;
  events: number;
  eventsPerSec: number;
  bytesPerSec: number;
  state: 'queued' | 'reading' | 'done' | 'failed' | 'cancelled';
  summary?: SourceSummary;
}

export interface ImportStatus {
  importId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  files: ImportFileProgress[];
  message?: string;
}

export type FindingSortKey = 'severity' | 'analytic' | 'first' | 'host' | 'confidence';

export interface FindingQuery {
  analytic?: AnalyticId[];
  severity?: Severity[];
  host?: string;
  text?: string; // matches accounts, actor, title, explanation
  sort?: FindingSortKey;
  desc?: boolean;
  offset?: number;
  limit?: number;
  /** Review statuses to keep; `new` also matches a finding nobody has reviewed. */
  status?: FindingStatus[];
  /** Only findings carrying this tag. */
  tag?: string;
  /** Only bookmarked findings. */
  bookmarked?: boolean;
}

export interface RawEvent {
  table: 'win_events' | 'signins' | 'audits';
  source: string; // sha256
  sourcePath: string;
  recordNo: number;
  format: 'xml' | 'json';
  text: string;
  /** How the text was had when it is not the stored text itself (an .evtx event rendered from its file). */
  origin?: string;
  /** A process start (4688, Sysmon 1): it opens as a process tree. */
  processStart?: boolean;
}

export interface AccountSummary {
  key: string; // normalised identity
  display: string;
  kinds: Array<'created' | 'enumerated' | 'probed'>;
  hosts: string[];
  severity: Severity;
  findingIds: string[];
  first: string;
  last: string;
}

export interface StoryEvent {
  time: string;
  host: string | null;
  eventId: number | null;
  label: string; // "added to Administrators", "logon type 10 from 10.0.4.7"
  kind: string; // created | enabled | password | changed | group | logon | deleted | enumerated | probed | process
  ref?: { table: RawEvent['table']; source: string; recordNo: number };
}

export interface AccountStory extends AccountSummary {
  findings: Finding[];
  lineage: LineageNode[]; // root first; the creating or enumerating chain
  session?: { logonId?: string; logonType?: number; sourceIp?: string; workstation?: string; user?: string };
  events: StoryEvent[]; // what happened to the account, time-ordered
}

/** What a pivot page is about: a user (any spelling of an account), a host, or an IP address. */
export type EntityKind = 'user' | 'host' | 'ip';

export interface EntityRef {
  kind: EntityKind;
  /** A user as the logs or a finding write it (`CORP\jdoe`, `jdoe@corp.com`), a host name, an IP address. */
  key: string;
}

/** One name under which the case knows a person: an on-premises account or an Entra ID identity. */
export interface EntityIdentity {
  /** The account key (electron/engine/store/migrations/002: `corp\jdoe`). */
  key: string;
  /** As the logs write it. */
  display: string;
  source: 'windows' | 'entra';
  /** How it is tied to the page's own identity; absent for the page's own. */
  linkedBy?: 'name' | 'sid';
  /** The on-premises SID that ties them, when `linkedBy` is 'sid' (or the only SID the account has). */
  sid?: string;
  /** In words: why these are the same person. */
  reason?: string;
}

/** A finding the entity is part of, and as what. */
export interface EntityFinding {
  id: string;
  analytic: AnalyticId;
  title: string;
  severity: Severity;
  first: string;
  roles: Array<'actor' | 'target' | 'host' | 'source'>;
}

/** Logons grouped by where and how: for a user its logons, for a host those to it, for an IP those from it. */
export interface EntityLogon {
  host: string | null;
  user: string | null;
  logonType: number | null;
  /** The source address, else the workstation name the event gives. */
  source: string | null;
  count: number;
  /** Failed logons of the same user, host and source (4625; 4771, 4768 and 4776 with a failure status). */
  failures: number;
  first: string;
  last: string;
}

export interface EntityAccountAction {
  action: 'created' | 'enumerated';
  /** The account acted on, as the event writes it. */
  account: string;
  /** Who acted (on a host's page; a user's page is the actor). */
  by: string | null;
  host: string | null;
  time: string;
  count: number;
}

export interface EntitySignins {
  user: string;
  ip: string | null;
  successes: number;
  failures: number;
  codes: number[];
  first: string;
  last: string;
}

export interface EntityCount {
  /** A user's display name, a host name or an IP: what a pivot link opens. */
  value: string;
  count: number;
}

export interface EntityPage extends EntityRef {
  /** How the page names it. */
  display: string;
  /** A user's every identity, its own first, then the linked ones; empty for a host or an IP. */
  identities: EntityIdentity[];
  first: string | null;
  last: string | null;
  /** Events on its timeline, in all. */
  total: number;
  /** Events per category (the timeline's categories: process, logon, logon-failure, account …). */
  categories: Record<string, number>;
  logons: EntityLogon[];
  accounts: EntityAccountAction[];
  /** Processes started (a user's, or on a host), by image, most frequent first. */
  processes: Array<{ image: string; host: string | null; count: number; first: string; last: string }>;
  signins: EntitySignins[];
  /** Who and what it met, most frequent first (the first 500 of each), and how many in all. */
  related: {
    users: EntityCount[];
    hosts: EntityCount[];
    ips: EntityCount[];
    totals: { users: number; hosts: number; ips: number };
  };
  findings: EntityFinding[];
}

/** One event on an entity's timeline, and what the entity was in it. */
export interface EntityEvent extends TimelineEvent {
  role: 'actor' | 'target' | 'on-host' | 'from-host' | 'source';
}

export interface EntityEventsQuery extends EntityRef {
  categories?: string[];
  offset?: number;
  limit?: number;
}

/** One process start in a process tree (or the stub of a parent whose start is not in the logs). */
export interface ProcessNode {
  /** The start's key (a number as text); a stub's is its child's key with a `stub:` prefix. */
  key: string;
  parentKey: string | null;
  host: string;
  time: string;
  pid: number | null;
  image: string | null;
  commandLine: string | null;
  user: string | null;
  /** The logon session it ran in, as hex (`0x40c341`). */
  logonId: string | null;
  stub: boolean;
  /** To the focus; `chain` is on one of the finding's chains but not the focus's own. */
  relation: 'ancestor' | 'focus' | 'sibling' | 'descendant' | 'chain' | 'child';
  /** Children in the tree's logon session (loaded or not). */
  childCount: number;
  /** Children in other sessions (shown as a count only). */
  otherSessionChildren: number;
  /** One of the finding's processes (its chain, or a process start among its evidence). */
  highlighted: boolean;
  ref: { table: 'win_events'; source: string; recordNo: number } | null;
  /** The same start logged again by the other telemetry (Sysmon 1 beside Security 4688): one node, two records. */
  sameStart: Array<{ table: 'win_events'; source: string; recordNo: number }>;
}

export interface ProcessTree {
  host: string;
  focusKey: string;
  /** The focus process's logon session: children and siblings are shown only from it. */
  session: {
    logonId: string | null;
    user: string | null;
    logonType: number | null;
    source: string | null;
    start: string | null;
  };
  /** Ancestors (any session), the focus, its siblings and descendants, and the finding's chains. */
  nodes: ProcessNode[];
  /** Processes left out where a parent had more children than the tree lists (parent key → how many). */
  truncated: Record<string, number>;
  findingId?: string;
}

export interface ProcessTreeQuery {
  /** The process to centre on: its key (ProcessNode.key) on a host, or a chain node's host, pid and time. */
  host?: string;
  key?: string;
  pid?: number;
  time?: string;
  /** Or a process start's event (4688 or Sysmon 1), as an event list gives it: its source's SHA-256 and record. */
  source?: string;
  recordNo?: number;
  /** Highlights the finding's processes; with no process named, centres on the act of its chain. */
  findingId?: string;
}

export interface TimelineBucket {
  t: string; // bucket start
  counts: Record<string, number>; // by category: process, logon, logon-failure, account, group, enumeration, signin-failure, signin, audit, other
}

export interface Timeline {
  from: string;
  to: string;
  bucketSeconds: number;
  categories: string[];
  buckets: TimelineBucket[];
  markers: Array<{
    time: string;
    findingId: string;
    analytic: AnalyticId;
    severity: Severity;
    title: string;
  }>;
}

export interface TimelineEvent {
  time: string;
  table: RawEvent['table'];
  source: string;
  recordNo: number;
  host: string | null;
  category: string;
  eventId: number | null;
  summary: string;
}

export interface SigninSource {
  ip: string;
  failures: number;
  distinctUsers: number;
  first: string;
  last: string;
  errorCodes: Record<string, number>;
  allowlisted: boolean;
}

export interface SigninSourceDetail extends SigninSource {
  series: Array<{ t: string; distinctUsers: number; failures: number }>;
  users: Array<{
    user: string;
    attempts: number;
    codes: number[];
    lastCode: number | null;
    succeededLater: boolean;
  }>;
}

export interface AnalyticSql {
  id: AnalyticId;
  title: string;
  attack: string;
  sql: string;
  params: ParamSpec[];
}

export interface ParamSpec {
  name: string;
  analytic: AnalyticId | 'common';
  type: 'number' | 'string' | 'string[]' | 'number[]' | 'boolean';
  default: unknown;
  description: string;
  /** The smallest value a number (or each number of a list) may take; setSettings refuses less. */
  min?: number;
  /** The largest value a number (or each number of a list) may take; setSettings refuses more. */
  max?: number;
}

export interface SqlResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  truncated: boolean;
  /**
   * What stopped the rows short when truncated: the row limit, or the size cap on a result (8 MiB of
   * rows; a text value over 1 MiB is cut, and ends with a note saying how much was cut).
   */
  truncatedBy?: 'rows' | 'bytes';
  elapsedMs: number;
}

export interface Settings {
  params: Record<string, unknown>;
  allowlist: Allowlist;
  timeZone: string; // IANA name; 'UTC' by default
  profile: 'default' | 'seed';
}

/** A value "Allowlist this" adds, and to which of the allowlists. */
export interface AllowlistPick {
  kind: 'accounts' | 'tools' | 'sourceIps' | 'hosts';
  value: string;
}

/** A change to a finding's review: the fields given are set, the others stay as they are. */
export interface FindingReviewChange {
  id: string;
  status?: FindingStatus;
  tags?: string[];
  note?: string;
  bookmarked?: boolean;
}

/** A change to an event's triage: the fields given are set, the others stay as they are. */
export interface EventTriageChange {
  ref: EventRef;
  tags?: string[];
  note?: string;
  bookmarked?: boolean;
}

export interface ReportFile {
  filename: string;
  mime: string;
  content: string;
}

/** A setting (or an analyst's record) the merged cases disagreed on: each case's value, and whose was kept. */
export interface MergeConflict {
  /** What differs: `param an1604_creation_window_s`, `allowlist accounts`, `timeZone`, a table's row. */
  item: string;
  /** Each case's value as words ("not set" where a case left it at its default). */
  values: Array<{ case: string; value: string }>;
  /** The case whose value the merged case holds: always the first case named. */
  kept: string;
}

/** What a merge of cases made (`accountscope merge`, the app's Merge case…). */
export interface MergeSummary {
  path: string;
  cases: Array<{ path: string; schemaVersion: number; upgraded: boolean; sources: number; records: number }>;
  /** Evidence files in the merged case: each file (by SHA-256) once. */
  sources: number;
  /** Files more than one case held: their records were taken once, from `keptFrom`. */
  duplicates: Array<{
    sha256: string;
    name: string;
    keptFrom: string;
    alsoIn: string[];
    sameCounts: boolean;
  }>;
  records: { winEvents: number; signins: number; audits: number };
  /** Findings of the analytics run across every host of the merged case. */
  findings: number;
  conflicts: MergeConflict[];
  elapsedMs: number;
}

/** Work on the whole case that takes a while and reports progress: merging cases, the two hand-over exports. */
export type CaseTaskRequest =
  | { kind: 'merge'; paths: string[]; target: string }
  | { kind: 'parquet'; dir: string; withRaw?: boolean }
  | { kind: 'timesketch'; file: string };

export interface CaseTaskStatus {
  taskId: string;
  kind: CaseTaskRequest['kind'];
  state: 'running' | 'done' | 'failed';
  /** What is being done now ("win_events from b.duckdb", "analytics"), and rows or lines done of the total. */
  step: string;
  done: number;
  total: number;
  message?: string;
  merge?: MergeSummary;
  parquet?: { dir: string; tables: number; rows: number };
  timesketch?: { file: string; lines: number; bytes: number; untimed: number };
}

/** Method name → [request, response]. */
export interface ApiMethods {
  caseInfo: [Record<string, never>, CaseInfo];
  startImport: [{ paths: string[] }, { importId: string }];
  importStatus: [{ importId: string }, ImportStatus];
  cancelImport: [{ importId: string }, { cancelled: boolean }];
  analyze: [Record<string, never>, { findings: number; elapsedMs: number }];
  listFindings: [FindingQuery, { total: number; rows: Finding[] }];
  getFinding: [{ id: string }, Finding];
  rawEvent: [{ table: RawEvent['table']; source: string; recordNo: number }, RawEvent];
  listAccounts: [Record<string, never>, AccountSummary[]];
  accountStory: [{ key: string }, AccountStory];
  timeline: [{ from?: string; to?: string; buckets?: number }, Timeline];
  timelineEvents: [
    { from: string; to: string; offset?: number; limit?: number },
    { total: number; rows: TimelineEvent[] },
  ];
  signinSources: [Record<string, never>, SigninSource[]];
  signinSource: [{ ip: string }, SigninSourceDetail];
  /** Every analytic of the engine's registry, in run order: ids, names, what it reads. */
  analytics: [Record<string, never>, AnalyticInfo[]];
  analyticSql: [Record<string, never>, AnalyticSql[]];
  /** Every analytic parameter, including those read only by the building blocks (process parents). */
  paramSpecs: [Record<string, never>, ParamSpec[]];
  runSql: [{ sql: string; params?: Record<string, unknown>; limit?: number }, SqlResult];
  getSettings: [Record<string, never>, Settings];
  setSettings: [Settings, Settings];
  /**
   * The report of the case. It names evidence files and the case by file name only, unless `includePaths`
   * asks for the full local paths.
   */
  exportReport: [{ format: 'html' | 'json' | 'csv'; includePaths?: boolean }, ReportFile];
  openCase: [{ path: string }, CaseInfo];
  /**
   * Copies the case to `path` (a .duckdb name) and goes on in the copy. An existing AccountScope case
   * there is replaced only with `replace: true` (ask the user first: the engine answers EXISTS without
   * it); anything else there is never replaced.
   */
  saveCaseAs: [{ path: string; replace?: boolean }, { path: string }];
  /**
   * Creates an empty case at `path` (a .duckdb name) and goes on in it. Like saveCaseAs, an existing
   * AccountScope case there is replaced only with `replace: true` (EXISTS without it), anything else
   * there never.
   */
  newCase: [{ path: string; replace?: boolean }, CaseInfo];
  /** Per host: telemetry, gaps, log clears and where each analytic is blind (electron/engine/coverage). */
  coverage: [{ gapSeconds?: number }, HostCoverage[]];
  /** The events behind one cell of the coverage matrix: a host and a telemetry key of shared/coverageTelemetry. */
  coverageEvents: [
    { host: string; telemetry: string; offset?: number; limit?: number },
    { total: number; rows: TimelineEvent[] },
  ];
  /** The tags the triage pickers offer, in order: an editable set stored in the case. */
  triageTags: [Record<string, never>, string[]];
  setTriageTags: [{ tags: string[] }, string[]];
  /** Records a responder's status, tags, note or bookmark on a finding; answers with the whole review. */
  setFindingReview: [FindingReviewChange, FindingReview];
  /**
   * The triage of those of these events that have any (tags, a note or a bookmark), in the order asked:
   * one call for a page of a table's rows.
   */
  eventTriage: [{ refs: EventRef[] }, EventTriage[]];
  setEventTriage: [EventTriageChange, EventTriage];
  /**
   * "Allowlist this": adds the picked values to the case's allowlists with the reason, re-runs the
   * analytics, and answers with the finding as the new run made it (null if it no longer fires).
   */
  allowlistFromFinding: [
    { id: string; entries: AllowlistPick[]; reason: string },
    { finding: Finding | null; findings: number; settings: Settings },
  ];
  /** A pivot page: everything the case holds about a user (with the identities linked to it), host or IP. */
  entityPage: [EntityRef, EntityPage];
  /** The entity's timeline, paged, optionally only some categories. */
  entityEvents: [EntityEventsQuery, { total: number; rows: EntityEvent[] }];
  /** A process with its ancestors, and its siblings and descendants in its logon session. */
  processTree: [ProcessTreeQuery, ProcessTree];
  /** The children of one process in one logon session (a tree node being expanded). */
  processChildren: [{ host: string; key: string; logonId?: string }, ProcessNode[]];
  /** The event grid (shared/eventGrid.ts): a window of a view's rows, and how many rows it has. */
  eventGrid: [GridView & { columns: string[]; offset: number; limit: number }, GridWindow];
  /** The view's rows counted by the values of one column, in the order a grouped view shows them. */
  eventGridGroups: [GridView & { column: string }, GridGroups];
  /** The row of the next (or previous) event holding the text, from row `from` (-1: from the start or end). */
  eventGridFind: [
    GridView & { text: string; regex?: boolean; from: number; direction: 'next' | 'prev' },
    GridFindResult,
  ];
  /** A column's values in the view, most frequent first, for its filter's list. */
  eventGridValues: [
    { scope: GridScope; filters?: GridFilter[]; column: string; search?: string; limit?: number },
    { values: GridValueCount[]; truncated: boolean },
  ];
  /** The columns the scope's events fill, and its EventData fields, with how many events have each. */
  eventGridColumns: [{ scope: GridScope }, GridColumns];
  /** Rows `offset` … `offset + limit` of the view as CSV or JSON lines, with exactly the columns named. */
  eventGridExport: [
    GridView & { columns: string[]; format: 'csv' | 'jsonl'; offset: number; limit: number },
    GridExportChunk,
  ];
  /**
   * Starts a merge of cases into a new one, or a Parquet or Timesketch export of this case, in the
   * background; caseTaskStatus reports its progress and result.
   */
  startCaseTask: [CaseTaskRequest, { taskId: string }];
  caseTaskStatus: [{ taskId: string }, CaseTaskStatus];
}

export type ApiMethod = keyof ApiMethods;
export type ApiRequest<M extends ApiMethod> = ApiMethods[M][0];
export type ApiResponse<M extends ApiMethod> = ApiMethods[M][1];

// One key per method of ApiMethods, each naming itself: the compiler refuses a missing, an extra or a
// misspelt method, so API_METHODS (the values, in this order) cannot disagree with the type.
const METHOD_NAMES: { [M in ApiMethod]: M } = {
  caseInfo: 'caseInfo',
  startImport: 'startImport',
  importStatus: 'importStatus',
  cancelImport: 'cancelImport',
  analyze: 'analyze',
  listFindings: 'listFindings',
  getFinding: 'getFinding',
  rawEvent: 'rawEvent',
  listAccounts: 'listAccounts',
  accountStory: 'accountStory',
  timeline: 'timeline',
  timelineEvents: 'timelineEvents',
  signinSources: 'signinSources',
  signinSource: 'signinSource',
  analytics: 'analytics',
  analyticSql: 'analyticSql',
  paramSpecs: 'paramSpecs',
  runSql: 'runSql',
  getSettings: 'getSettings',
  setSettings: 'setSettings',
  exportReport: 'exportReport',
  openCase: 'openCase',
  saveCaseAs: 'saveCaseAs',
  newCase: 'newCase',
  coverage: 'coverage',
  coverageEvents: 'coverageEvents',
  triageTags: 'triageTags',
  setTriageTags: 'setTriageTags',
  setFindingReview: 'setFindingReview',
  eventTriage: 'eventTriage',
  setEventTriage: 'setEventTriage',
  allowlistFromFinding: 'allowlistFromFinding',
  entityPage: 'entityPage',
  entityEvents: 'entityEvents',
  processTree: 'processTree',
  processChildren: 'processChildren',
  eventGrid: 'eventGrid',
  eventGridGroups: 'eventGridGroups',
  eventGridFind: 'eventGridFind',
  eventGridValues: 'eventGridValues',
  eventGridColumns: 'eventGridColumns',
  eventGridExport: 'eventGridExport',
  startCaseTask: 'startCaseTask',
  caseTaskStatus: 'caseTaskStatus',
};

export const API_METHODS: readonly ApiMethod[] = Object.values(METHOD_NAMES);

/** What the renderer calls: the value, or a rejection with an ApiError (shared/apiClient.ts builds it). */
export type ApiClient = {
  [M in ApiMethod]: (req: ApiRequest<M>) => Promise<ApiResponse<M>>;
};

/** What a transport carries: each method's reply as a Result, never an exception (the Electron preload). */
export type ApiResultClient = {
  [M in ApiMethod]: (req: ApiRequest<M>) => Promise<Result<ApiResponse<M>>>;
};

/** Every failure the renderer sees, whichever transport carried it: a code a program can test, and words. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
