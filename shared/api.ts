// The one API contract between the UI and the engine. Each method maps a request to a response; the
// Electron preload (IPC) and the browser mode (HTTP on loopback) both carry exactly these methods, with
// no logic of their own. Everything here is JSON-safe: no bigint, no Date, times as ISO 8601 UTC strings.
import type {
  Allowlist,
  AnalyticId,
  AnalyticInfo,
  Finding,
  HostCoverage,
  LineageNode,
  Severity,
  SourceSummary,
} from './report.js';

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
  exportReport: [{ format: 'html' | 'json' | 'csv' }, ReportFile];
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
