// Runs analytics over a hand-made case in one call, for tests that only look at the findings.
import type { Allowlist, AnalyticId, Finding } from '../../shared/report.js';
import { runAnalytics, type ProfileName } from '../../electron/engine/analytics/index.js';
import { CaseBuilder, type AuditInput, type SigninInput, type WinInput } from './caseBuilder.js';

export interface CaseInput {
  win?: WinInput[];
  signins?: SigninInput[];
  audits?: AuditInput[];
}

export interface RunInput {
  analytics?: AnalyticId[];
  params?: Record<string, unknown>;
  profile?: ProfileName;
  allowlist?: Partial<Allowlist>;
}

export function allowlistOf(partial: Partial<Allowlist> = {}): Allowlist {
  return { accounts: [], tools: [], sourceIps: [], hosts: [], ...partial };
}

/** The findings the analytics produce on exactly these events (one source per kind of row). */
export async function findingsFor(input: CaseInput, run: RunInput = {}): Promise<Finding[]> {
  const b = await CaseBuilder.create();
  try {
    if (input.win?.length) await b.add('security.xml', { win: input.win });
    if (input.signins?.length) await b.add('signins.json', { signins: input.signins });
    if (input.audits?.length) await b.add('audits.json', { audits: input.audits });
    return await runAnalytics(b.conn, {
      analytics: run.analytics,
      params: run.params,
      profile: run.profile,
      allowlist: allowlistOf(run.allowlist),
    });
  } finally {
    b.close();
  }
}

/** `2024-03-01T10:00:00Z` plus some seconds, as ISO text. */
export function at(base: string, seconds: number): string {
  return new Date(Date.parse(base) + seconds * 1000).toISOString();
}

/** A value inside a finding's details by a dotted path, e.g. detail(f, 'link.method'). */
export function detail(f: Finding | undefined, path: string): unknown {
  let value: unknown = f?.details;
  for (const key of path.split('.')) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** A list inside a finding's details, each item a plain object. */
export function detailList(f: Finding | undefined, path: string): Array<Record<string, unknown>> {
  return (detail(f, path) as Array<Record<string, unknown>> | undefined) ?? [];
}
