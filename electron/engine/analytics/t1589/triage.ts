// Triage of username enumeration. Seeds 002 and 004 say why probing matters: it builds the list
// for the password spray or phishing that follows. So the first question is answered right here, from
// the case: did any probed account later sign in successfully from the same source? For Entra ID that is
// a sign-in with error code 0 from the same IP after the window opened; for Windows, a 4624 from the same
// address (or, for NTLM 4776 grouped by workstation, from the same workstation).
import { INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Finding, TriageStep } from '../../../../shared/report.js';
import { list, plural, queryRows, refOf, utcText } from '../common/triageWords.js';
import type { ProbeDetails } from './details.js';

/** Entra ID codes that say "no such user"; any other failure means the name is a real account. */
const ENTRA_NOT_FOUND = [50034];
/** Windows codes that say "no such user" (4625 0xC0000064, Kerberos 0x6), compared by value; code constants. */
const WINDOWS_NOT_FOUND = ['0xc0000064', '0x6'];

/**
 * A Windows event from the finding's source: the same IP, the same workstation (4776), or, for a 4625
 * with no source address, the same host with no remote address either. `{e}` is the table's prefix.
 */
const SAME_SOURCE = `CASE $mode
    WHEN 'workstation' THEN lower({e}workstation) = lower($address)
    WHEN 'local' THEN lower({e}host) = lower($address) AND remote_ip(regexp_replace({e}ip, '^::ffff:', '')) IS NULL
    ELSE lower(regexp_replace({e}ip, '^::ffff:', '')) = lower($address) END`;

const d = (f: Finding) => (f.details ?? {}) as ProbeDetails;

function probe(f: Finding) {
  const d = (f.details ?? {}) as ProbeDetails;
  const source = d.source ?? (f.hosts.length ? 'windows-ip' : 'entra-signin');
  // A 4625 with no source address was grouped on its host: that host is where to look.
  const address =
    (source === 'windows-workstation'
      ? d.sourceWorkstation
      : source === 'windows-local'
        ? f.hosts[0]
        : (d.sourceIp ?? f.actor.sourceIp)) ?? '';
  const users = [...new Set((d.users?.length ? d.users : f.accounts).map((u) => u.toLowerCase()))];
  const mode = source === 'windows-workstation' ? 'workstation' : source === 'windows-local' ? 'local' : 'ip';
  return { source, mode, address, users, since: (d.windowStart ?? f.first).replace('Z', '') };
}

async function laterSuccesses(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const p = probe(f);
  const entra = p.source === 'entra-signin' || p.source === 'entra-sspr';
  const where = entra
    ? `from ${p.address}`
    : p.source === 'windows-ip'
      ? `from ${p.address}`
      : p.source === 'windows-local'
        ? `on ${p.address} with no source address`
        : `from workstation ${p.address}`;
  const sql = entra
    ? `SELECT 'signins' AS tbl, s.sha256, g.record_no, g.record_no AS record_id, NULL AS event_id,
              iso_utc(g.ts) AS time, g.user_principal_name AS who, g.app_display_name AS app
       FROM signins g JOIN sources s USING (source_id)
       WHERE coalesce(g.error_code, -1) = 0 AND g.ip = $address AND g.ts >= $since::TIMESTAMP
         AND list_contains($users, lower(g.user_principal_name))
       ORDER BY g.ts, g.record_no LIMIT 200`
    : `SELECT 'win_events' AS tbl, s.sha256, e.record_no, e.record_id, e.event_id, iso_utc(e.ts) AS time,
              account_display(e.target_user, e.target_domain) AS who, e.host AS app
       FROM win_events e JOIN sources s USING (source_id)
       WHERE e.event_id = 4624 AND e.ts >= $since::TIMESTAMP
         AND ${SAME_SOURCE.replaceAll('{e}', 'e.')}
         AND list_contains($users, lower(account_name_part(e.target_user)))
       ORDER BY e.ts, e.record_no LIMIT 200`;
  const rows = await queryRows(
    conn,
    sql,
    {
      address: p.address,
      since: p.since,
      users: listValue(p.users.map((u) => (entra ? u : (u.split('\\').pop() ?? u)))),
      ...(entra ? {} : { mode: p.mode }),
    },
    { users: LIST(VARCHAR) },
  );
  // One line per account, however the logs spelled it (Entra ID names compare case-insensitively).
  const byAccount = new Map<string, { who: string; times: string[] }>();
  for (const r of rows) {
    const who = String(r['who']);
    const seen = byAccount.get(who.toLowerCase()) ?? { who, times: [] };
    seen.times.push(String(r['time']));
    byAccount.set(who.toLowerCase(), seen);
  }
  const said = [...byAccount.values()].map(
    ({ who, times }) =>
      `${who} at ${utcText(times[0])}${times.length > 1 ? ` (${plural(times.length, 'time')})` : ''}`,
  );
  return {
    text: `Check whether any probed account later signed in successfully ${where}`,
    answer: rows.length
      ? `Yes: ${list(said, 6)}. Treat ${byAccount.size === 1 ? 'this account' : 'these accounts'} as compromised.`
      : `No: none of the ${plural(p.users.length, 'probed name')} signed in successfully ${where} after ${utcText(p.since + 'Z')}.`,
    status: rows.length ? 'attention' : 'done',
    refs: rows.slice(0, 20).map((r) => refOf(r, 'later-success')),
  };
}

async function realAccounts(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const p = probe(f);
  const text = 'Reset or watch the probed names that are real accounts';
  if (p.source === 'entra-sspr') {
    const rows = await queryRows(
      conn,
      `SELECT 'audits' AS tbl, s.sha256, a.record_no, a.record_no AS record_id, NULL AS event_id,
              iso_utc(a.ts) AS time, a.target_upns[1] AS who
       FROM audits a JOIN sources s USING (source_id)
       WHERE starts_with(lower(a.activity), 'reset password') AND lower(a.result) = 'success'
         AND a.ts >= $since::TIMESTAMP AND list_contains($users, lower(a.target_upns[1]))
       ORDER BY a.ts LIMIT 200`,
      { since: p.since, users: listValue(p.users) },
      { users: LIST(VARCHAR) },
    );
    return {
      text: 'Check whether a probed account’s password was then reset',
      answer: rows.length
        ? `Reset for ${list([...new Set(rows.map((r) => String(r['who'])))], 6)}.`
        : 'No successful password reset of a probed account in the audits.',
      status: rows.length ? 'attention' : 'done',
      refs: rows.slice(0, 20).map((r) => refOf(r, 'password-reset')),
    };
  }
  const entra = p.source === 'entra-signin';
  const [row] = await queryRows(
    conn,
    entra
      ? `SELECT count(DISTINCT lower(user_principal_name)) AS n FROM signins
         WHERE ip = $address AND ts BETWEEN $since::TIMESTAMP AND $last::TIMESTAMP
           AND coalesce(error_code, 0) <> 0 AND NOT list_contains($codes, error_code)`
      : `SELECT count(DISTINCT lower(target_user)) AS n FROM win_events
         WHERE event_id IN (4625, 4768, 4771, 4776) AND ts BETWEEN $since::TIMESTAMP AND $last::TIMESTAMP
           AND ${SAME_SOURCE.replaceAll('{e}', '')}
           AND hex_code(CASE WHEN event_id = 4625 THEN coalesce(sub_status, status)
                             WHEN event_id = 4771 THEN coalesce(failure_code, status) ELSE status END)
               NOT IN ('0x0', ${WINDOWS_NOT_FOUND.map((c) => `'${c}'`).join(', ')})`,
    entra
      ? {
          address: p.address,
          since: p.since,
          last: f.last.replace('Z', ''),
          codes: listValue(ENTRA_NOT_FOUND),
        }
      : {
          address: p.address,
          since: p.since,
          last: f.last.replace('Z', ''),
          mode: p.mode,
        },
    entra ? { codes: LIST(INTEGER) } : undefined,
  );
  const n = Number(row?.['n'] ?? 0);
  return {
    text,
    answer: n
      ? `${plural(n, 'probed name')} answered as a real account (wrong password, locked, disabled or MFA): the prober now knows ${n === 1 ? 'it exists' : 'they exist'}.`
      : 'Every probed name came back as unknown: the probe found no real account.',
    status: n ? 'attention' : 'done',
  };
}

async function sourceStep(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const p = probe(f);
  const byWorkstation = p.mode !== 'ip';
  const text =
    p.mode === 'local'
      ? `Identify the caller on ${p.address}${d(f).callingProcess ? ` (${d(f).callingProcess})` : ''}: an application checking passwords for others (a web or mail front end), a script, or someone at the console?`
      : `Identify ${p.address}: a known scanner, penetration test, log collector or NAC?`;
  if (f.allowlisted) {
    return {
      text,
      answer: `On the allowlist (${f.allowlisted.kind} ${f.allowlisted.value}): ${f.allowlisted.reason}.`,
      status: 'done',
    };
  }
  const [row] = await queryRows(
    conn,
    `WITH seen AS (
       SELECT ts FROM signins WHERE NOT $by_workstation AND ip = $address
       UNION ALL SELECT ts FROM audits WHERE NOT $by_workstation AND initiator_ip = $address
       UNION ALL SELECT ts FROM win_events
         WHERE ${SAME_SOURCE.replaceAll('{e}', '')})
     SELECT count(*) AS n, iso_utc(min(ts)) AS first, iso_utc(max(ts)) AS last FROM seen`,
    { address: p.address, by_workstation: byWorkstation, mode: p.mode },
  );
  return {
    text,
    answer: `Not on the allowlist. The case holds ${plural(Number(row?.['n'] ?? 0), 'event')} from it, ${utcText(String(row?.['first'] ?? ''))} to ${utcText(String(row?.['last'] ?? ''))}.`,
  };
}

export async function probingSteps(conn: DuckDBConnection, f: Finding): Promise<TriageStep[]> {
  if (!probe(f).address) {
    return [
      {
        text: 'Identify the source of the probing',
        answer: 'The finding names no source.',
        status: 'unknown',
      },
    ];
  }
  return [await laterSuccesses(conn, f), await realAccounts(conn, f), await sourceStep(conn, f)];
}
