// Triage of a created account, for both analytics that see one. From seeds 001 and 003: confirm the creator was expected to
// do it, confirm the process chain, look at what the account joined and whether it was used, and disable
// it if nobody approved it. Group additions, logons and removal are looked up across the whole case, not
// only the 24 h the analytic followed.
import { BIGINT, type DuckDBConnection } from '@duckdb/node-api';
import type { Finding, TriageStep } from '../../../../shared/report.js';
import { COMMON_PARAMS } from '../paramsCommon.js';
import type { CreatedAccountDetails } from './creationDetails.js';
import {
  chainText,
  clearsBefore,
  hostTelemetry,
  list,
  logonTypeName,
  plural,
  queryRows,
  refOf,
  utcText,
  type HostTelemetry,
} from './triageWords.js';

interface CreatedAccount {
  name: string;
  domain: string | null;
  sid: string | null;
  host: string;
  time: string;
}

/** `creationTime`: when the 4720 was logged (the analytic knows where its finding puts it). */
function createdAccount(f: Finding, creationTime: string): CreatedAccount {
  const d = (f.details ?? {}) as { account?: Partial<CreatedAccountDetails>; host?: string };
  const account = d.account ?? {};
  const display = f.accounts[0] ?? '';
  return {
    name: account.name ?? display.split('\\').pop() ?? display,
    domain: account.domain ?? null,
    sid: account.sid ?? null,
    host: f.hosts[0] ?? String(d.host ?? ''),
    time: creationTime,
  };
}

/** The 4624 that opened the creator's session: the latest logon of that id on the host before the creation. */
async function creatorSession(conn: DuckDBConnection, f: Finding, a: CreatedAccount) {
  const logonId = f.actor.logonId && /^0x[0-9a-f]+$/i.test(f.actor.logonId) ? BigInt(f.actor.logonId) : null;
  if (logonId === null) return undefined;
  const [row] = await queryRows(
    conn,
    `SELECT 'win_events' AS tbl, s.sha256, e.record_no, e.record_id, e.event_id, iso_utc(e.ts) AS time,
            e.logon_type, e.ip, e.workstation
     FROM win_events e JOIN sources s USING (source_id)
     WHERE e.event_id = 4624 AND lower(e.host) = lower($host) AND e.target_logon_id = $logon
       AND e.ts <= $before::TIMESTAMP
     ORDER BY e.ts DESC LIMIT 1`,
    { host: a.host, logon: logonId, before: a.time.replace('Z', '') },
    { logon: BIGINT },
  );
  return row;
}

async function creatorStep(conn: DuckDBConnection, f: Finding, a: CreatedAccount, facts: HostTelemetry) {
  const remote = ((f.details ?? {}) as Record<string, unknown>)['remote'] as { host?: string } | null;
  const session = await creatorSession(conn, f, a);
  let answer = [f.actor.user ?? 'an unknown account', f.actor.logonId && `logon ${f.actor.logonId}`]
    .filter(Boolean)
    .join(', ');
  if (session) {
    const from = [session['workstation'], session['ip']].filter((x) => x && x !== '-').join(' / ');
    const type = Number(session['logon_type']);
    answer += ` — ${logonTypeName(type)} session${from ? ` from ${from}` : ''}, opened ${utcText(String(session['time']))}`;
  } else answer += ' — the logon (4624) that opened this session is not in the logs';
  if (remote?.host) answer += `; the request came from ${remote.host}`;
  const cleared = clearsBefore(facts, a.time);
  if (cleared) answer += `; ${cleared}`;
  const step: TriageStep = {
    text: `Confirm that ${f.actor.user ?? 'the creator'} was expected to create ${a.name} on ${a.host}`,
    answer: `${answer}.`,
    refs: session ? [refOf(session, 'creator-logon')] : undefined,
  };
  if (cleared) step.status = 'attention';
  return step;
}

function processStep(f: Finding, a: CreatedAccount, facts: HostTelemetry): TriageStep {
  const text = `Confirm the process chain that created ${a.name}`;
  if (f.lineage.length > 0) {
    const unusual = ((f.details ?? {}) as Record<string, unknown>)['unusualLauncher'];
    return {
      text,
      answer: `${chainText(f.lineage)}${unusual ? ` — ${String(unusual)} is not a normal way to start account tools` : ''}.`,
      status: unusual ? 'attention' : undefined,
      refs: f.evidence.filter((e) => /process/.test(e.role ?? '')),
    };
  }
  if (facts.processStarts === 0) {
    return {
      text,
      answer: `${a.host} logs no process creation (no 4688, no Sysmon 1): the tool that made the account cannot be seen. Look for it on the host itself (prefetch, shell history, EDR).`,
      status: 'unknown',
    };
  }
  return {
    text,
    answer: `Process creation is logged on ${a.host}, but no process start in the creator’s session or naming the account preceded the 4720: an API call, a remote tool or a gap in the logs.`,
    status: 'attention',
  };
}

/**
 * Events about the account after its creation: by SID when the 4720 had one, else by name (a group
 * addition names its member, or its member's distinguished name, CN=name,…). The event ids
 * are this module's own constants, never evidence, so they are written into the statement.
 */
async function laterEvents(conn: DuckDBConnection, a: CreatedAccount, eventIds: readonly number[]) {
  return queryRows(
    conn,
    `SELECT 'win_events' AS tbl, s.sha256, e.record_no, e.record_id, e.event_id, iso_utc(e.ts) AS time, e.host,
            e.target_user, e.logon_type, e.ip, e.workstation, account_display(e.subject_user, e.subject_domain) AS by_user
     FROM win_events e JOIN sources s USING (source_id)
     WHERE e.event_id IN (${eventIds.join(', ')}) AND e.ts >= $since::TIMESTAMP
       AND CASE WHEN $sid::VARCHAR IS NOT NULL
                THEN (CASE WHEN e.event_id IN (4728, 4732, 4756) THEN e.member_sid ELSE e.target_sid END) = $sid::VARCHAR
                WHEN e.event_id IN (4728, 4732, 4756)
                THEN lower(e.member_name) = lower($name::VARCHAR) OR starts_with(lower(e.member_name), 'cn=' || lower($name::VARCHAR) || ',')
                ELSE account_key(e.target_user, e.target_domain) = account_key($name::VARCHAR, $domain::VARCHAR) END
     ORDER BY e.ts, e.record_no`,
    { since: a.time.replace('Z', ''), sid: a.sid, name: a.name, domain: a.domain },
  );
}

export async function createdAccountSteps(
  conn: DuckDBConnection,
  f: Finding,
  creationTime: string,
): Promise<TriageStep[]> {
  const a = createdAccount(f, creationTime);
  const facts = await hostTelemetry(conn, a.host);
  const privileged = new Set(
    (Array.isArray(f.params?.['privileged_groups'])
      ? (f.params['privileged_groups'] as string[])
      : // A finding made before the parameter existed: the registry's default, as the analysis would use.
        (COMMON_PARAMS.find((p) => p.name === 'privileged_groups')!.default as string[])
    ).map((g) => g.toLowerCase()),
  );
  const groups = await laterEvents(conn, a, [4728, 4732, 4756]);
  const logons = await laterEvents(conn, a, [4624]);
  const removal = await laterEvents(conn, a, [4725, 4726]);

  const privilegedAdds = groups.filter((g) => privileged.has(String(g['target_user'] ?? '').toLowerCase()));
  const groupStep: TriageStep = {
    text: `Check the groups ${a.name} was added to`,
    answer:
      groups.length === 0
        ? 'No group additions (4728, 4732, 4756) for the account in the case.'
        : `${list(groups.map((g) => `added to ${String(g['target_user'])}${privileged.has(String(g['target_user']).toLowerCase()) ? ' (privileged)' : ''} at ${utcText(String(g['time']))}`))}.`,
    status: privilegedAdds.length > 0 ? 'attention' : 'done',
    refs: groups.map((g) => refOf(g, 'group-add')),
  };

  const last = logons[logons.length - 1];
  const lastFrom = last && [last['ip'], last['workstation']].find((x) => x && x !== '-' && x !== '127.0.0.1');
  const logonStep: TriageStep = {
    text: `Check logons by ${a.name}`,
    answer:
      logons.length === 0
        ? 'No logons (4624) by the account in the case.'
        : `${plural(logons.length, 'logon')}, last at ${utcText(String(last!['time']))} on ${String(last!['host'])}${lastFrom ? ` from ${String(lastFrom)}` : ''} (${logonTypeName(last!['logon_type'])}).`,
    status: logons.length > 0 ? 'attention' : 'done',
    refs: logons.slice(-10).map((l) => refOf(l, 'logon')),
  };

  const gone = removal[removal.length - 1];
  const disableStep: TriageStep = {
    text: `Disable ${a.name} if nobody approved its creation`,
    answer: gone
      ? `${Number(gone['event_id']) === 4726 ? 'Deleted' : 'Disabled'} at ${utcText(String(gone['time']))} by ${String(gone['by_user'] ?? 'an unknown account')}.`
      : f.allowlisted
        ? `Still enabled as far as the logs show; the creation matched the allowlist (${f.allowlisted.reason}).`
        : 'Still enabled as far as the logs show (no 4725 or 4726 after the creation).',
    status: gone || f.allowlisted ? 'done' : 'attention',
    refs: gone ? [refOf(gone, 'removal')] : undefined,
  };

  return [await creatorStep(conn, f, a, facts), processStep(f, a, facts), groupStep, logonStep, disableStep];
}
