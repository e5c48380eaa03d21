// The report contract: what `accountscope analyze --json` writes and what every screen reads.
// Other tools build on this shape; fields may be added, never renamed or removed.

/**
 * An analytic's id as its SQL names it (`AN1612`, `T1589`). The engine's registry
 * (electron/engine/analytics/registry.ts) is the one list of them; the UI learns it from the `analytics`
 * API method and a report from its own `analytics` field.
 */
export type AnalyticId = string;

/** What an analytic id looks like: capitals, digits and `_`, as in an ATT&CK or MITRE analytic id. */
export const ANALYTIC_ID_PATTERN = /^[A-Z][A-Z0-9_]{1,31}$/;

/** The logs an analytic reads. */
export type LogFamily = 'windows' | 'entra';

/** What the UI and a report know of an analytic. */
export interface AnalyticInfo {
  id: AnalyticId;
  /** A few words for tables and filters: "Account enumeration". */
  name: string;
  /** The title line of its SQL. */
  title: string;
  /** Its ATT&CK mapping, from its SQL header. */
  attack: string;
  /** One that reads only Windows events is blind to Entra ID by design. */
  reads: LogFamily[];
  /**
   * Present when an allowlisted account among the accounts a finding names lowers it (not only its
   * actor): what the finding calls such an account ("the guessed account").
   */
  allowlistsNamedAccounts?: string;
}
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type Confidence = 'low' | 'medium' | 'high';

export interface SourceError {
  message: string;
  offset?: number;
  record?: number;
}

export interface SourceSummary {
  path: string;
  sha256: string;
  format: string;
  variant?: string;
  events: number;
  skipped: number;
  errors: SourceError[];
  /** True when the same file (by hash) was already in the case, so nothing was added. */
  duplicate?: boolean;
  size?: number;
  importMs?: number;
}

export interface LineageNode {
  host: string;
  time: string; // ISO 8601 UTC
  pid: number | null;
  image: string | null;
  commandLine: string | null;
  user: string | null;
  /** True when this process's own start is not in the logs (a stub built from the child's event). */
  stub?: boolean;
}

export interface EvidenceRef {
  source: string; // the file's SHA-256
  recordId: number | null; // EventRecordID for Windows; record ordinal for JSON
  eventId?: number;
  time: string;
  /** Which table and row: lets the app open the raw event. */
  table?: 'win_events' | 'signins' | 'audits';
  recordNo?: number;
  role?: string;
  /** The account the event names (its target, else its subject): filled in by a report, not stored. */
  user?: string;
  /** The event's outcome code (a Windows status or sub-status, an Entra error code): filled in by a report. */
  code?: string;
}

export interface Finding {
  id: string;
  analytic: AnalyticId;
  title: string;
  severity: Severity;
  confidence: Confidence;
  first: string;
  last: string;
  hosts: string[];
  accounts: string[];
  actor: { user?: string; logonId?: string; sourceIp?: string };
  explanation: string;
  params: Record<string, unknown>;
  lineage: LineageNode[];
  evidence: EvidenceRef[];
  /** Lowered because it matched an allowlist entry: which one and why. */
  allowlisted?: { kind: string; value: string; reason: string };
  /** Analytic-specific details (counts, follow-up events, tie strength …). */
  details?: Record<string, unknown>;
  /** What a responder checks next, answered from the case where it can be (the analytic's triage.ts). */
  triage?: TriageStep[];
  /** What the responder decided about it (migration 008); absent while nobody has touched it (status new). */
  review?: FindingReview;
}

/** Where a responder is with a finding: not looked at yet, looked at, ruled out, or confirmed as an attack. */
export type FindingStatus = 'new' | 'reviewed' | 'false-positive' | 'confirmed';
export const FINDING_STATUSES: readonly FindingStatus[] = ['new', 'reviewed', 'false-positive', 'confirmed'];

/** The responder's own record of a finding, kept in the case and across re-runs of the analytics. */
export interface FindingReview {
  status: FindingStatus;
  /** When the status was last set (ISO 8601 UTC), and by whom (the account the engine ran as). */
  statusAt?: string;
  statusBy?: string;
  tags: string[];
  note: string;
  bookmarked: boolean;
  updatedAt: string;
}

/** One event, named the way the raw viewer names it: its table, its file's SHA-256, its ordinal there. */
export interface EventRef {
  table: 'win_events' | 'signins' | 'audits';
  source: string;
  recordNo: number;
}

/** The responder's tags, note and bookmark on one event. */
export interface EventTriage {
  ref: EventRef;
  tags: string[];
  note: string;
  bookmarked: boolean;
  updatedAt: string;
}

/** A tagged, noted or bookmarked event as a report lists it: the triage and what the event is. */
export interface TriagedEvent extends EventTriage {
  time: string | null;
  host: string | null;
  eventId: number | null;
  user: string | null;
  code: string | null;
}

/** One step of a finding's triage checklist; `answer` is what the case itself says, when it can say it. */
export interface TriageStep {
  text: string;
  answer?: string;
  /** done: answered and nothing more to do · attention: answered and worrying · unknown: the logs cannot say. */
  status?: 'done' | 'attention' | 'unknown';
  /** The events behind the answer, openable raw. */
  refs?: EvidenceRef[];
}

/** Whether an analytic can fire on a host, from the telemetry its logs hold. */
export type CoverageState = 'full' | 'partial' | 'blind';

export interface AnalyticCoverage {
  state: CoverageState;
  /** In words: what is there, what is missing, and what that means for a finding (or its absence). */
  reason: string;
}

/** A stretch inside a host's span with no event of any kind from it, longer than the gap threshold. */
export interface CoverageGap {
  from: string;
  to: string;
  seconds: number;
}

/** A log clear (Security 1102, System 104) and who did it. */
export interface LogClearEvent {
  time: string;
  eventId: number;
  user: string | null;
  /** The log that was cleared: Security for 1102, the named channel for 104. */
  channel?: string;
  source: string; // the file's SHA-256
  recordNo: number;
}

/** Coverage of one host, or of the Entra ID tenant as one pseudo-host (electron/engine/coverage/coverage.sql). */
export interface HostCoverage {
  host: string;
  kind?: 'windows' | 'entra';
  first: string;
  last: string;
  /** Events of any kind from this host. */
  events?: number;
  /** Clock hours holding at least one event from this host. */
  activeHours?: number;
  /** Telemetry key (shared/coverageTelemetry.ts) → events. */
  telemetry: Record<string, number>;
  /** Telemetry key → clock hours holding at least one such event. */
  telemetryHours?: Record<string, number>;
  gaps: CoverageGap[];
  logCleared: LogClearEvent[];
  /** Analytic id → its verdict here, for every analytic of the registry. */
  analytics: Record<AnalyticId, AnalyticCoverage>;
}

export interface AnalyzeReport {
  tool: { name: 'accountscope'; version: string };
  sources: SourceSummary[];
  findings: Finding[];
  /** The analytics of the engine, in run order: their names for headings and the order of coverage verdicts. */
  analytics?: AnalyticInfo[];
  /** Per host: telemetry present, gaps, log clears and where each analytic is blind. */
  coverage?: HostCoverage[];
  /** Events the responder tagged, noted or bookmarked, in time order. */
  events?: TriagedEvent[];
}

export interface AllowlistEntry {
  value: string;
  reason: string;
}

export interface Allowlist {
  accounts: AllowlistEntry[];
  tools: AllowlistEntry[];
  sourceIps: AllowlistEntry[];
  hosts: AllowlistEntry[];
  /**
   * Properties a finding can have that make it routine where the analyst says so: `created-during-setup`
   * (an account SYSTEM created as Windows was installed). An old allowlist without the list reads as empty.
   */
  properties?: AllowlistEntry[];
}
