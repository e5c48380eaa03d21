// Triage next steps for a finding: the short checklist a responder works through, drawn from the seeds'
// triage advice and answered from the case where the case can answer it. Each analytic writes its own
// (its module's triage); this runs them.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Finding, TriageStep } from '../../../shared/report.js';
import { requireAnalytic } from './registry.js';

export async function triageSteps(conn: DuckDBConnection, finding: Finding): Promise<TriageStep[]> {
  return requireAnalytic(finding.analytic).triage(conn, finding);
}

/** Each finding with its checklist; one failing lookup leaves that finding without one, not the report. */
export async function withTriage(conn: DuckDBConnection, findings: readonly Finding[]): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const f of findings) {
    const triage = await triageSteps(conn, f).catch(() => undefined);
    out.push(triage ? { ...f, triage } : f);
  }
  return out;
}
