// Triage of password guessing: the three questions a responder asks first, answered from the case.
// (1) Did it get in? A success for the account from the same source, or from anywhere, after the guessing
// began; or an answer that only comes after a right password. (2) Was the account locked out? 4740 for
// the account, and lock-out answers among the failures. (3) Is the source inside the network? Private,
// loopback and link-local addresses are; a workstation name is a machine of the domain; anything else is
// an address on the internet. Its other targets say whether it guessed one account or sprayed many.
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Finding, TriageStep } from '../../../../shared/report.js';
import { list, plural, queryRows, refOf, utcText } from '../common/triageWords.js';
import type { GuessDetails } from './details.js';
import { codeWords, sourceText } from './explain.js';

interface Guess {
  d: GuessDetails;
  entra: boolean;
  /** The account's name part (Windows) or UPN (Entra ID), lower case. */
  user: string;
  address: string;
  since: string;
}

function guess(f: Finding): Guess {
  const d = (f.details ?? {}) as GuessDetails;
  const entra = d.source === 'entra-signin';
  const account = (d.account ?? f.accounts[0] ?? '').toLowerCase();
  const user = entra ? account : (account.split('\\').pop() ?? account);
  const address = (d.source === 'windows-workstation' ? d.sourceWorkstation : d.sourceIp) ?? '';
  return { d, entra, user, address, since: f.first.replace('Z', '') };
}

async function succeeded(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const g = guess(f);
  const text = `Check whether ${g.d.account ?? 'the account'} signed in successfully after the guessing began`;
  const rows = await queryRows(
    conn,
    g.entra
      ? `SELECT 'signins' AS tbl, s.sha256, x.record_no, x.record_no AS record_id, NULL AS event_id,
                iso_utc(x.ts) AS time, x.ip AS origin, x.app_display_name AS how
         FROM signins x JOIN sources s USING (source_id)
         WHERE x.error_code = 0 AND lower(x.user_principal_name) = $user AND x.ts >= $since::TIMESTAMP
         ORDER BY x.ts, x.record_no LIMIT 200`
      : `SELECT 'win_events' AS tbl, s.sha256, e.record_no, e.record_id, e.event_id, iso_utc(e.ts) AS time,
                coalesce(nullif(regexp_replace(e.ip, '^::ffff:', ''), '-'), e.workstation, e.host) AS origin,
                CASE WHEN e.event_id = 4624 THEN 'logon type ' || e.logon_type ELSE 'event ' || e.event_id END AS how
         FROM win_events e JOIN sources s USING (source_id)
         WHERE (e.event_id = 4624 OR e.event_id IN (4768, 4776) AND hex_code(e.status) = '0x0')
           AND lower(account_name_part(e.target_user)) = $user AND e.ts >= $since::TIMESTAMP
         ORDER BY e.ts, e.record_no LIMIT 200`,
    { user: g.user, since: g.since },
  );
  const fromSource = rows.filter((r) => String(r['origin'] ?? '').toLowerCase() === g.address.toLowerCase());
  const right = Number(g.d.passwordRightCount ?? 0);
  const rightText =
    right > 0
      ? ` ${plural(right, 'answer')} from ${utcText(g.d.passwordRightTime)} on said the name and password were valid but an account restriction refused the logon (${list(
          Object.keys(g.d.codeCounts ?? {})
            .filter((k) => !/0xc000006a|0xc000006d|0xc0000234|0x18|50126|50053/i.test(k))
            .map(codeWords),
          3,
        )}): the guesser most likely has the password.`
      : '';
  if (rows.length === 0) {
    return {
      text,
      answer: `No success for the account in the case after ${utcText(f.first)}.${rightText}`,
      status: right > 0 ? 'attention' : 'done',
      refs: f.evidence.filter((e) => e.role === 'password-right').slice(0, 20),
    };
  }
  const said = rows
    .slice(0, 6)
    .map(
      (r) =>
        `${utcText(String(r['time']))} from ${String(r['origin'] ?? 'an unknown source')} (${String(r['how'])})`,
    );
  return {
    text,
    answer:
      (fromSource.length
        ? `Yes, from the guessing source ${g.address}: ${plural(fromSource.length, 'success', 'successes')}. Treat the account as compromised.`
        : `Not from ${g.address}, but the account signed in elsewhere afterwards: check those sources.`) +
      ` Successes: ${list(said, 6)}.${rightText}`,
    status: 'attention',
    refs: (fromSource.length ? fromSource : rows).slice(0, 20).map((r) => refOf(r, 'later-success')),
  };
}

async function lockedOut(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const g = guess(f);
  const locks = Object.entries(g.d.codeCounts ?? {})
    .filter(([k]) => /0xc0000234$|:50053$/i.test(k))
    .reduce((n, [, c]) => n + c, 0);
  if (g.entra) {
    return {
      text: 'Check whether the account was locked out',
      answer: locks
        ? `Smart lockout answered ${plural(locks, 'sign-in')} with 50053 (locked): Entra ID locked the account against this source; the guessing went on regardless.`
        : 'No sign-in of the guessing was answered with 50053 (locked): smart lockout did not stop it.',
      status: locks ? 'attention' : 'unknown',
    };
  }
  const rows = await queryRows(
    conn,
    `SELECT 'win_events' AS tbl, s.sha256, e.record_no, e.record_id, e.event_id, iso_utc(e.ts) AS time,
            e.host, coalesce(e.data->>'TargetDomainName', e.target_domain, '') AS caller
     FROM win_events e JOIN sources s USING (source_id)
     WHERE e.event_id = 4740 AND lower(account_name_part(e.target_user)) = $user
       AND e.ts >= $since::TIMESTAMP - INTERVAL 1 HOUR
     ORDER BY e.ts, e.record_no LIMIT 50`,
    { user: g.user, since: g.since },
  );
  const [logged] = await queryRows(
    conn,
    `SELECT count(*) AS n FROM win_events WHERE event_id = 4740 AND list_contains($hosts, lower(host))`,
    { hosts: listValue(f.hosts.map((h) => h.toLowerCase())) },
    { hosts: LIST(VARCHAR) },
  );
  const answers = locks ? ` ${plural(locks, 'failure')} of the guessing answered "account locked out".` : '';
  if (rows.length) {
    return {
      text: 'Check whether the account was locked out (4740)',
      answer: `Yes: ${plural(rows.length, '4740 lock-out')}, the first at ${utcText(String(rows[0]!['time']))} on ${String(rows[0]!['host'])} (the caller computer it names is where the bad passwords came from).${answers}`,
      status: 'attention',
      refs: rows.slice(0, 20).map((r) => refOf(r, 'lockout')),
    };
  }
  return {
    text: 'Check whether the account was locked out (4740)',
    answer:
      (Number(logged?.['n'] ?? 0) > 0
        ? 'No 4740 for this account, though the host logs lock-outs.'
        : `No 4740 in the case for this account; lock-outs are logged by the domain controller (or the machine, for a local account), and ${listText(f.hosts)} logged none.`) +
      (locks
        ? answers
        : ' None of the failures said "locked out": a lock-out policy did not stop the guessing (local Administrator is exempt by default).'),
    status: locks ? 'attention' : 'unknown',
  };
}

function listText(items: string[]): string {
  return items.length ? items.join(', ') : 'the host';
}

/** Whether an address is inside a private network: RFC 1918, loopback, link-local, CGNAT, IPv6 ULA. */
export function internalAddress(ip: string): boolean {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip.replace(/^::ffff:/i, ''));
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = ip.toLowerCase();
  return v6 === '::1' || /^f[cd][0-9a-f]{2}:/.test(v6) || /^fe[89ab][0-9a-f]:/.test(v6);
}

async function sourceStep(conn: DuckDBConnection, f: Finding): Promise<TriageStep> {
  const g = guess(f);
  const text = `Is ${sourceText(g.d)} inside the network, and whose is it?`;
  if (f.allowlisted) {
    return {
      text,
      answer: `On the allowlist (${f.allowlisted.kind} ${f.allowlisted.value}): ${f.allowlisted.reason}.`,
      status: 'done',
    };
  }
  if (!g.address) {
    return {
      text,
      answer: `The failures name no source address: the caller ran on ${f.hosts.join(', ')} itself${g.d.callingProcess ? ` (${g.d.callingProcess})` : ''}. Find who was logged on there and what that process is.`,
      status: 'attention',
    };
  }
  const byWorkstation = g.d.source === 'windows-workstation';
  const [other] = await queryRows(
    conn,
    g.entra
      ? `SELECT count(DISTINCT lower(user_principal_name)) AS n FROM signins
         WHERE ip = $address AND coalesce(error_code, 0) <> 0`
      : `SELECT count(DISTINCT lower(account_name_part(target_user))) AS n FROM win_events
         WHERE event_id IN (4625, 4771, 4776) AND NOT blank_name(target_user)
           AND lower(CASE WHEN $by_workstation THEN workstation ELSE regexp_replace(ip, '^::ffff:', '') END) = lower($address)`,
    g.entra ? { address: g.address } : { address: g.address, by_workstation: byWorkstation },
  );
  const accounts = Number(other?.['n'] ?? 1);
  const where = byWorkstation
    ? `${g.address} is a workstation name, so a machine that talks NTLM to the domain: inside.`
    : internalAddress(g.address)
      ? `${g.address} is a private address: inside the network (or a VPN pool or NAT in front of it).`
      : `${g.address} is a public address: the guessing came from the internet.`;
  const spread =
    accounts > 1
      ? ` It failed against ${plural(accounts, 'account')} in the case: a spray, not one account's guessing.`
      : ' It failed against this account only.';
  return {
    text,
    answer: `Not on the allowlist. ${where}${spread}`,
    status: byWorkstation || internalAddress(g.address) ? 'attention' : 'unknown',
  };
}

export async function guessingSteps(conn: DuckDBConnection, f: Finding): Promise<TriageStep[]> {
  return [await succeeded(conn, f), await lockedOut(conn, f), await sourceStep(conn, f)];
}
