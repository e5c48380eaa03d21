// The report contract: what `accountscope analyze --json` writes and what every screen reads.
// Other tools build on this shape; fields may be added, never renamed or removed.

export type AnalyticId = 'AN1612' | 'AN1604' | 'AN1235' | 'T1589';
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
}

export interface AnalyzeReport {
  tool: { name: 'accountscope'; version: string };
  sources: SourceSummary[];
  findings: Finding[];
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
}
