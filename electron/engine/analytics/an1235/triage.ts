// Triage of a suspicious process followed by an account creation: first the process and how strongly it
// ties to the creation (seed 003), then the steps of any created account.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Finding, TriageStep } from '../../../../shared/report.js';
import { createdAccountSteps } from '../common/creationTriage.js';
import type { SequenceDetails } from './details.js';

/** The suspicious process and how strongly it ties to the creation. */
function sequenceStep(f: Finding): TriageStep {
  const d = (f.details ?? {}) as SequenceDetails;
  const p = d.process ?? { imageName: null, commandLine: null };
  const tie = d.tie ?? 'weak';
  const delta = Number(d.deltaSeconds ?? 0);
  const why =
    tie === 'strong'
      ? 'its command line names the account or it ran in the same logon'
      : 'only host and time tie them';
  return {
    text: `Confirm what ${p.imageName ?? 'the suspicious process'} did just before the account appeared`,
    answer: `${p.commandLine ? `“${p.commandLine.trim()}”` : (p.imageName ?? 'a process')} started ${delta} s before the 4720; ${tie} tie (${why}).`,
    status: tie === 'strong' ? 'attention' : 'unknown',
    refs: f.evidence.filter((e) => e.role === 'suspicious-process'),
  };
}

export async function sequenceSteps(conn: DuckDBConnection, f: Finding): Promise<TriageStep[]> {
  const d = (f.details ?? {}) as SequenceDetails;
  return [sequenceStep(f), ...(await createdAccountSteps(conn, f, d.creationTime ?? f.last))];
}
