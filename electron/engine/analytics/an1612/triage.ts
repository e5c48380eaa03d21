// Triage of account enumeration. Seed 000's IR steps: validate the initiating user, the host, the
// process, and the account list it produced; then see whether the enumeration led anywhere (an account
// created or added to a group by the same actor soon after).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Finding, TriageStep } from '../../../../shared/report.js';
import {
  chainText,
  hostTelemetry,
  list,
  logonTypeName,
  plural,
  queryRows,
  refOf,
  utcText,
} from '../common/triageWords.js';
import type { EnumerationDetails } from './details.js';

/** How long after an enumeration an account change by the same actor still reads as its sequel. */
const FOLLOW_ON_HOURS = 24;

function userStep(f: Finding, d: EnumerationDetails): TriageStep {
  const who = f.actor.user ?? 'an unknown account';
  const how = [
    d.logonIds?.length ? `logon ${list(d.logonIds, 3)}` : null,
    d.logonType != null ? `${logonTypeName(d.logonType)} session` : null,
    f.actor.sourceIp && !['127.0.0.1', '::1', '-'].includes(f.actor.sourceIp)
      ? `from ${f.actor.sourceIp}`
      : null,
    d.sourceWorkstation && d.sourceWorkstation !== '-' ? `workstation ${d.sourceWorkstation}` : null,
  ].filter(Boolean);
  return {
    text: `Validate the initiating user ${who}: is account discovery part of their job?`,
    answer: f.allowlisted
      ? `${who} is on the allowlist (${f.allowlisted.kind} ${f.allowlisted.value}: ${f.allowlisted.reason}).`
      : `${who}${how.length ? `, ${how.join(', ')}` : ''}; not on the allowlist.`,
    status: f.allowlisted ? 'done' : undefined,
  };
}

async function hostStep(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const host = f.hosts[0] ?? '';
  const text = `Validate the host ${host}: does ${f.actor.user ?? 'this account'} normally work there?`;
  if (!f.actor.user)
    return {
      text,
      answer: 'The actor is not known, so its history on the host cannot be looked up.',
      status: 'unknown',
    };
  const [row] = await queryRows(
    conn,
    `SELECT count(*) AS n, iso_utc(min(ts)) AS first FROM win_events
     WHERE event_id = 4624 AND lower(host) = lower($host) AND ts < $before::TIMESTAMP
       AND account_key(target_user, target_domain) = account_key($user, NULL)`,
    { host, before: f.first.replace('Z', ''), user: f.actor.user },
  );
  const n = Number(row?.['n'] ?? 0);
  return {
    text,
    answer:
      n === 0
        ? `No earlier logon of ${f.actor.user} on ${host} in the case: this looks like a first visit (or the earlier logs are missing).`
        : `${plural(n, 'earlier logon')} of ${f.actor.user} on ${host}, the first at ${utcText(String(row!['first']))}.`,
    status: n === 0 ? 'attention' : 'done',
  };
}

function processStep(f: Finding, d: EnumerationDetails, processStarts: number): TriageStep {
  const tools = d.tools?.length ? list(d.tools, 4) : 'the enumerating process';
  const text = `Validate the process: ${tools}`;
  if (f.lineage.length > 0) {
    return {
      text,
      answer: `${chainText(f.lineage)}${d.unusualLauncher ? ` — started under ${d.unusualLauncher}, an unusual launcher` : ''}.`,
      status: d.unusualLauncher ? 'attention' : undefined,
    };
  }
  const client =
    f.actor.sourceIp && !['127.0.0.1', '::1', '-'].includes(f.actor.sourceIp) ? f.actor.sourceIp : null;
  const known = d.tools?.length ? `only the caller named in 4798/4799 (${tools}) is known` : null;
  const where = client
    ? `the command ran on the client at ${client}: look for it in that machine’s logs`
    : null;
  return {
    text,
    answer:
      processStarts === 0
        ? `${f.hosts[0]} logs no process creation: ${[known, where].filter(Boolean).join('; ') || 'the process cannot be seen'}.`
        : `No process start in the logs matches the lookups${known ? `; ${known}` : ''}${where ? `; ${where}` : ''}.`,
    status: 'unknown',
  };
}

function artifactStep(f: Finding, d: EnumerationDetails, fileCreations: number): TriageStep {
  const artifacts = d.artifacts ?? [];
  const text = 'Find the account list it produced and who read it';
  if (artifacts.length > 0) {
    return {
      text,
      answer: `Written to ${list(
        artifacts.map((a) => a.path),
        4,
      )}: collect the file(s) and check whether they left the host.`,
      status: 'attention',
      refs: f.evidence.filter((e) => /artifact/.test(e.role ?? '')),
    };
  }
  return {
    text,
    answer:
      fileCreations === 0
        ? `No output file recorded, and ${f.hosts[0]} has no Sysmon 11: a list written to a file would not show here unless the command line redirected it.`
        : 'No list-shaped file was written by the process or its shell (Sysmon 11) and no command redirected its output: the list was probably only displayed.',
    status: fileCreations === 0 ? 'unknown' : 'done',
  };
}

async function followOnStep(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const text = `Check whether ${f.actor.user ?? 'the actor'} created or promoted accounts afterwards`;
  if (!f.actor.user) return { text, answer: 'The actor is not known.', status: 'unknown' };
  const rows = await queryRows(
    conn,
    `SELECT 'win_events' AS tbl, s.sha256, e.record_no, e.record_id, e.event_id, iso_utc(e.ts) AS time, e.host,
            account_display(e.target_user, e.target_domain) AS target, e.member_name
     FROM win_events e JOIN sources s USING (source_id)
     WHERE e.event_id IN (4720, 4728, 4732, 4756)
       AND e.ts >= $from::TIMESTAMP AND e.ts <= $from::TIMESTAMP + INTERVAL ${FOLLOW_ON_HOURS} HOUR
       AND account_key(e.subject_user, e.subject_domain) = account_key($user, NULL)
     ORDER BY e.ts, e.record_no LIMIT 50`,
    { from: f.first.replace('Z', ''), user: f.actor.user },
  );
  const said = rows.map((r) =>
    Number(r['event_id']) === 4720
      ? `created ${String(r['target'])} on ${String(r['host'])} at ${utcText(String(r['time']))}`
      : `added a member to ${String(r['target'])} at ${utcText(String(r['time']))}`,
  );
  return {
    text,
    answer: rows.length
      ? `${list(said, 4)}.`
      : `No account created (4720) or group member added by ${f.actor.user} within ${FOLLOW_ON_HOURS} h.`,
    status: rows.length ? 'attention' : 'done',
    refs: rows.map((r) => refOf(r, 'follow-on')),
  };
}

export async function enumerationSteps(conn: DuckDBConnection, f: Finding): Promise<TriageStep[]> {
  const d = (f.details ?? {}) as EnumerationDetails;
  const facts = await hostTelemetry(conn, f.hosts[0] ?? '');
  return [
    userStep(f, d),
    await hostStep(conn, f),
    processStep(f, d, facts.processStarts),
    artifactStep(f, d, facts.fileCreations),
    await followOnStep(conn, f),
  ];
}
