// Turns one result row of an analytic's SQL into a Finding (shared/report.ts). Every analytic returns the
// same columns (see the SELECT at the end of each .sql); only `details` differs, and the explanation is
// written from it in explain.ts.
import { createHash } from 'node:crypto';
import type {
  Allowlist,
  AnalyticId,
  Confidence,
  EvidenceRef,
  Finding,
  LineageNode,
  Severity,
} from '../../../shared/report.js';
import { accountControlFlagNames } from './accountControlFlags.js';
import { allowlistRecord } from './allowlistBindings.js';
import { explainFinding, titleOf } from './explain.js';
import type { ParamValue } from './paramTypes.js';

export interface AccountRef {
  key: string;
  display: string;
  role: 'created' | 'enumerated' | 'probed';
}

/** A row as `getRowObjectsJson()` gives it: BIGINTs arrive as strings, so numbers are converted here. */
export interface AnalyticRow {
  finding_key: string;
  severity: Severity;
  confidence: Confidence;
  first_time: string;
  last_time: string;
  hosts: string[] | null;
  accounts: Array<{ key: string | null; display: string | null; role: string }> | null;
  actor_user: string | null;
  actor_logon_id: string | null;
  actor_source_ip: string | null;
  lineage: Array<Record<string, unknown>> | null;
  evidence: Array<Record<string, unknown>> | null;
  allowlisted_kind: string | null;
  allowlisted_values: string[] | null;
  details: Record<string, unknown> | null;
}

export interface BuiltFinding {
  finding: Finding;
  accounts: AccountRef[];
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function findingId(analytic: AnalyticId, key: string): string {
  return `${analytic}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

function lineageNode(n: Record<string, unknown>): LineageNode {
  const node: LineageNode = {
    host: String(n['host'] ?? ''),
    time: String(n['time'] ?? ''),
    pid: num(n['pid']),
    image: str(n['image']),
    commandLine: str(n['commandLine']),
    user: str(n['user']),
  };
  if (n['stub'] === true) node.stub = true;
  return node;
}

function evidenceRef(e: Record<string, unknown>): EvidenceRef {
  const ref: EvidenceRef = {
    source: String(e['source'] ?? ''),
    recordId: num(e['recordId']),
    time: String(e['time'] ?? ''),
    table: e['table'] as EvidenceRef['table'],
    recordNo: num(e['recordNo']) ?? undefined,
  };
  const eventId = num(e['eventId']);
  if (eventId !== null) ref.eventId = eventId;
  if (typeof e['role'] === 'string') ref.role = e['role'];
  return ref;
}

/** The same event can support a finding twice (a signal that is also an artifact's process): keep it once. */
function uniqueEvidence(refs: EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.table}|${r.source}|${r.recordNo}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** MAP values come back as [{key, value}]; details read better as plain objects. */
function plainDetails(value: unknown): unknown {
  if (Array.isArray(value)) {
    const isMap =
      value.length > 0 && value.every((v) => v && typeof v === 'object' && 'key' in v && 'value' in v);
    if (isMap) {
      return Object.fromEntries(
        (value as Array<{ key: unknown; value: unknown }>).map((e) => [String(e.key), plainDetails(e.value)]),
      );
    }
    return value.map(plainDetails);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainDetails(v)]));
  }
  return value;
}

const namePart = (display: string) => display.slice(display.lastIndexOf('\\') + 1).toLowerCase();

/**
 * `Administrators` from a command line and `Builtin\Administrators` from the 4799 it caused are one group:
 * a bare name is dropped when a qualified name with the same account part is listed.
 */
function withoutBareDuplicates(accounts: AccountRef[]): AccountRef[] {
  const qualified = new Set(accounts.filter((a) => a.display.includes('\\')).map((a) => namePart(a.display)));
  return accounts.filter((a) => a.display.includes('\\') || !qualified.has(namePart(a.display)));
}

export function buildFinding(
  analytic: AnalyticId,
  row: AnalyticRow,
  params: Record<string, ParamValue>,
  allowlist: Allowlist,
): BuiltFinding {
  const details = (plainDetails(row.details ?? {}) as Record<string, unknown>) ?? {};
  const uac = details['userAccountControl'] as { value?: unknown; flags?: unknown } | undefined;
  if (uac) details['userAccountControl'] = { ...uac, names: accountControlFlagNames(uac.value, uac.flags) };
  const accounts = withoutBareDuplicates(
    (row.accounts ?? [])
      .filter((a) => a.key && a.display)
      .map((a) => ({ key: a.key!, display: a.display!, role: a.role as AccountRef['role'] })),
  );
  const actor: Finding['actor'] = {};
  if (row.actor_user) actor.user = row.actor_user;
  if (row.actor_logon_id) actor.logonId = row.actor_logon_id;
  if (row.actor_source_ip) actor.sourceIp = row.actor_source_ip;
  const finding: Finding = {
    id: findingId(analytic, row.finding_key),
    analytic,
    title: '',
    severity: row.severity,
    confidence: row.confidence,
    first: row.first_time,
    last: row.last_time,
    hosts: row.hosts ?? [],
    accounts: [...new Set(accounts.map((a) => a.display))],
    actor,
    explanation: '',
    params,
    lineage: (row.lineage ?? []).map(lineageNode),
    evidence: uniqueEvidence((row.evidence ?? []).map(evidenceRef)),
    details,
  };
  const allowlisted = allowlistRecord(allowlist, row.allowlisted_kind, row.allowlisted_values);
  if (allowlisted) finding.allowlisted = allowlisted;
  finding.title = titleOf(finding);
  finding.explanation = explainFinding(finding);
  return { finding, accounts };
}
