// Triage of a password spray seen from the machine it came from: the four questions a responder asks,
// answered from the case. (1) Which accounts were tried, and are they real (do they log on anywhere in the
// case)? (2) Did any of them then log on, from the source host or anywhere? (3) What did the targets see:
// their failures (4625, 4771, 4776) for the sprayed accounts, or that their logs are not in the case.
// (4) Is the source host compromised: what ran in the subject's logon session, where that session came
// from, and whether the host's logs were cleared.
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Finding, TriageStep } from '../../../../shared/report.js';
import {
  clearsBefore,
  hostTelemetry,
  list,
  logonTypeName,
  plural,
  queryRows,
  refOf,
  utcText,
} from '../common/triageWords.js';
import type { SprayDetails } from './details.js';
import { attemptsText, subjectText, targetsText } from './explain.js';

/** How long after the spray a failure at a target, or a command in the session, still belongs to it. */
const AFTER_MINUTES = 60;

interface Spray {
  d: SprayDetails;
  host: string;
  /** The sprayed accounts' name parts, lower case. */
  users: string[];
  since: string;
  until: string;
}

function spray(f: Finding): Spray {
  const d = (f.details ?? {}) as SprayDetails;
  const names = (d.accountAttempts ?? []).map((a) => a.account);
  return {
    d,
    host: f.hosts[0] ?? '',
    users: [
      ...new Set(
        (names.length ? names : f.accounts).map((a) => a.slice(a.lastIndexOf('\\') + 1).toLowerCase()),
      ),
    ],
    since: f.first.replace('Z', ''),
    until: f.last.replace('Z', ''),
  };
}

const usersParam = (s: Spray) => ({
  values: { users: listValue(s.users) },
  types: { users: LIST(VARCHAR) },
});

async function accountsStep(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const s = spray(f);
  const p = usersParam(s);
  const rows = await queryRows(
    conn,
    `SELECT lower(account_name_part(target_user)) AS u, count(*) AS n, count(DISTINCT lower(host)) AS hosts
     FROM win_events
     WHERE event_id = 4624 AND NOT blank_name(target_user)
       AND list_contains($users, lower(account_name_part(target_user)))
     GROUP BY 1 ORDER BY 1`,
    p.values,
    p.types,
  );
  const tries = attemptsText(s.d);
  const tried = `${plural(s.users.length, 'account')}${tries ? `, ${tries}` : ''}: ${list(f.accounts, 10)}.`;
  const known = rows.map((r) => String(r['u']));
  const real =
    known.length === 0
      ? ' None of them logs on anywhere in the case (4624): names from a list, or accounts whose logons were not collected.'
      : ` ${plural(known.length, 'of them logs', 'of them log')} on somewhere in the case (4624), so ${known.length === 1 ? 'it is a real account' : 'they are real accounts'} in use: ${list(known, 8)}${known.length < s.users.length ? `; the other ${s.users.length - known.length} never log on here` : ''}.`;
  return {
    text: 'Which accounts were tried, and are they real?',
    answer: tried + real,
    status: 'attention',
  };
}

async function loggedOnStep(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const s = spray(f);
  const p = usersParam(s);
  const text = 'Did any sprayed account then log on, at a target or anywhere?';
  const rows = await queryRows(
    conn,
    `SELECT 'win_events' AS tbl, s.sha256, e.record_no, e.record_id, e.event_id, iso_utc(e.ts) AS time, e.host,
            e.target_user AS account, e.logon_type,
            coalesce(remote_ip(regexp_replace(e.ip, '^::ffff:', '')), nullif(nullif(trim(e.workstation), '-'), '')) AS origin,
            first_label(e.workstation) = first_label($host) AS from_source
     FROM win_events e JOIN sources s USING (source_id)
     WHERE e.event_id = 4624 AND list_contains($users, lower(account_name_part(e.target_user)))
       AND e.ts >= $since::TIMESTAMP
     ORDER BY e.ts, e.record_no LIMIT 200`,
    { ...p.values, host: s.host, since: s.since },
    { ...p.types, host: VARCHAR },
  );
  if (rows.length === 0) {
    const [others] = await queryRows(
      conn,
      `SELECT count(*) AS n FROM win_events WHERE event_id = 4624 AND lower(host) <> lower($host)`,
      { host: s.host },
    );
    const seen = Number(others?.['n'] ?? 0) > 0;
    return {
      text,
      answer: `No logon (4624) of a sprayed account in the case after ${utcText(f.first)}.${seen ? '' : ` The case holds no logons from any host but ${s.host}: the targets' logs (${targetsText(s.d)}, and the domain controllers') would show a success; collect them.`}`,
      status: seen ? 'done' : 'unknown',
    };
  }
  const fromSource = rows.filter((r) => r['from_source'] === true);
  const said = (fromSource.length ? fromSource : rows)
    .slice(0, 6)
    .map(
      (r) =>
        `${String(r['account'])} on ${String(r['host'])} at ${utcText(String(r['time']))} (${logonTypeName(r['logon_type'])}${r['origin'] ? ` from ${String(r['origin'])}` : ''})`,
    );
  return {
    text,
    answer: fromSource.length
      ? `Yes, from ${s.host}: ${plural(fromSource.length, 'logon')} of sprayed accounts, ${list(said, 6)}. Treat ${fromSource.length === 1 ? 'that account' : 'those accounts'} as compromised.`
      : `Not from ${s.host}, but ${plural(rows.length, 'logon')} of sprayed accounts elsewhere afterwards: ${list(said, 6)}. Check that their owners made them.`,
    status: 'attention',
    refs: (fromSource.length ? fromSource : rows).slice(0, 20).map((r) => refOf(r, 'later-logon')),
  };
}

async function targetFailuresStep(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const s = spray(f);
  const p = usersParam(s);
  const text = `Check what the targets logged: failures (4625, 4771, 4776) for the sprayed accounts`;
  const rows = await queryRows(
    conn,
    `SELECT 'win_events' AS tbl, s.sha256, e.record_no, e.record_id, e.event_id, iso_utc(e.ts) AS time, e.host
     FROM win_events e JOIN sources s USING (source_id)
     WHERE e.event_id IN (4625, 4771, 4776) AND (e.event_id <> 4776 OR coalesce(hex_code(e.status), '0x0') <> '0x0')
       AND list_contains($users, lower(account_name_part(e.target_user)))
       AND e.ts >= $since::TIMESTAMP - INTERVAL 5 MINUTE
       AND e.ts <= $until::TIMESTAMP + INTERVAL ${AFTER_MINUTES} MINUTE
     ORDER BY e.ts, e.record_no LIMIT 2000`,
    { ...p.values, since: s.since, until: s.until },
    p.types,
  );
  if (rows.length === 0) {
    return {
      text,
      answer: `No 4625, 4771 or 4776 failure for a sprayed account in the case around the spray: the logs of ${targetsText(s.d)} and of the domain controllers are not here, or the spray never reached them. Collect them: their failures show the passwords that were wrong, and a success among them the one that worked.`,
      status: 'unknown',
    };
  }
  const byHost = new Map<string, number>();
  for (const r of rows) byHost.set(String(r['host']), (byHost.get(String(r['host'])) ?? 0) + 1);
  return {
    text,
    answer: `${plural(rows.length, 'failure')}${rows.length === 2000 ? ' (the first 2000)' : ''} for sprayed accounts around the spray: ${list(
      [...byHost].map(([h, n]) => `${n} on ${h}`),
      5,
    )}. The spray reached ${byHost.size === 1 ? 'that host' : 'those hosts'}; a finding of username enumeration (T1589) there names the same source.`,
    status: 'attention',
    refs: rows.slice(0, 20).map((r) => refOf(r, 'target-failure')),
  };
}

async function sourceStep(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const s = spray(f);
  const who = subjectText(f, s.d);
  const text = `Is ${s.host} compromised? What ran in the session of ${who}?`;
  if (f.allowlisted) {
    return {
      text,
      answer: `On the allowlist (${f.allowlisted.kind} ${f.allowlisted.value}): ${f.allowlisted.reason}.`,
      status: 'done',
    };
  }
  const facts = await hostTelemetry(conn, s.host);
  const cleared = clearsBefore(facts, f.last);
  const clearText = cleared ? ` Before it, ${cleared}.` : '';
  const session = s.d.session;
  const origin = session
    ? ` The session is ${logonTypeName(session.logonType)}${session.ip ? ` from ${session.ip}` : session.workstation ? ` from workstation ${session.workstation}` : ''}, opened at ${utcText(session.start)}${session.ip ? `: look at ${session.ip} too` : ''}.`
    : '';
  const logonId = f.actor.logonId;
  if (facts.processStarts === 0 || !logonId) {
    return {
      text,
      answer: `${facts.processStarts === 0 ? `${s.host} logs no process creation (4688, Sysmon 1): what ran in the session cannot be seen here; collect its process history (Prefetch, PowerShell history, EDR).` : 'The events name no logon session.'}${origin}${clearText}`,
      status: cleared ? 'attention' : 'unknown',
    };
  }
  // From the session's start, but no more than a day before the spray (a session may be weeks old).
  const dayBefore = new Date(Date.parse(f.first) - 86_400_000).toISOString();
  const from = (session?.start && session.start > dayBefore ? session.start : dayBefore).replace('Z', '');
  const rows = await queryRows(
    conn,
    `SELECT 'win_events' AS tbl, src.sha256, p.record_no, p.record_id, p.event_id, iso_utc(p.ts) AS time,
            p.image_name, p.command_line
     FROM process_starts() p JOIN sources src USING (source_id)
     WHERE p.host_key = lower($host) AND hex_logon_id(p.logon_id) = $logon_id
       AND p.ts >= $from::TIMESTAMP
       AND p.ts <= $until::TIMESTAMP + INTERVAL 10 MINUTE
     ORDER BY p.ts, p.record_no LIMIT 200`,
    { host: s.host, logon_id: logonId, from, until: s.until },
  );
  if (rows.length === 0) {
    return {
      text,
      answer: `No process start in logon session ${logonId} on ${s.host} in the logs, though the host logs process creation: the spray ran in a process started before the logs begin, or in the kernel (SMB).${origin}${clearText}`,
      status: cleared ? 'attention' : 'unknown',
    };
  }
  const said = rows
    .slice(-8)
    .map((r) => `${utcText(String(r['time']))} ${String(r['command_line'] ?? r['image_name'] ?? '?')}`);
  return {
    text,
    answer: `${plural(rows.length, 'process start')} in logon session ${logonId} on ${s.host}${rows.length === 200 ? ' (the first 200)' : ''}; the last of them: ${list(said, 8)}.${origin}${clearText}`,
    status: 'attention',
    refs: rows.slice(-20).map((r) => refOf(r, 'session-process')),
  };
}

export async function spraySteps(conn: DuckDBConnection, f: Finding): Promise<TriageStep[]> {
  return [
    await accountsStep(conn, f),
    await loggedOnStep(conn, f),
    await targetFailuresStep(conn, f),
    await sourceStep(conn, f),
  ];
}
