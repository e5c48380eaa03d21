// Which names in the case are one person: an on-premises account (`CORP\jdoe`, from Windows events) and an
// Entra ID identity (`jdoe@contoso.com`, from sign-ins and audits). Account keys (migration 002) already
// make `CORP\jdoe` and `jdoe@corp.local` one key; a UPN under another suffix is another key, and is linked:
//   - by SID, when an Entra record carries the account's on-premises SID (`onPremisesSecurityIdentifier`,
//     written by Entra Connect into a user's audit record, as a property or a modified property) and a
//     Windows event pairs that SID with the account's name;
//   - by name, when the UPN's local part is the account's name, the UPN exists in the tenant (a sign-in not
//     answered "no such user" (50034), or an audit record), and neither side has another candidate: one
//     Windows account of that name in the case, one UPN of that local part. A name shared by two domains
//     or two UPN suffixes is ambiguous and left unlinked rather than guessed.
// The SIDs come from audit records only (see entraByName).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EntityIdentity } from '../../../shared/api.js';
import { textList, text } from '../service/sqlRows.js';
import { eventNames } from '../store/eventSummaries.js';
import { accountNamePart, readTyped, stringList } from './entitySql.js';

interface Candidate {
  key: string;
  display: string;
  source: EntityIdentity['source'];
  sids: string[];
  /** Entra only: seen answered by anything but "no such user", or in an audit record. */
  exists: boolean;
  machine: boolean;
}

// A domain SID as Windows writes it; well-known SIDs (S-1-5-18 …) are shared by every machine.
const SID_PATTERN = 'S-1-5-21-[0-9]+(-[0-9]+)*';
const SID_IN_JSON = `(?i)onPremises?SecurityIdentifier.{0,160}?(${SID_PATTERN})`;

/**
 * Windows accounts named `name` in any domain, with the domain SIDs events pair with them: looked up among
 * the names the case's events carry (store/eventSummaries.ts), not in every event.
 */
async function windowsByName(conn: DuckDBConnection, names: string, name: string): Promise<Candidate[]> {
  const rows = await readTyped(
    conn,
    `WITH named AS (
       SELECT key, display, domain IS NOT NULL AS has_domain, sid, n
         FROM ${names}
        WHERE tbl = 'win_events' AND field IN ('subject', 'target') AND name ILIKE $like
          AND part = $name AND key IS NOT NULL
     ),
     -- The name as the logs write it with a domain, most often, then the greatest: one answer every time.
     shown AS (
       SELECT key, arg_max(display, {'domain': has_domain, 'n': n, 'display': display}) AS display
         FROM (SELECT key, display, has_domain, sum(n) AS n FROM named GROUP BY ALL) GROUP BY key
     )
     SELECT key, any_value(s.display) AS display,
            list(DISTINCT upper(sid) ORDER BY upper(sid))
              FILTER (WHERE regexp_full_match(upper(sid), '${SID_PATTERN}')) AS sids
     FROM named JOIN shown s USING (key)
     GROUP BY key`,
    { name, like: `%${name}%` },
  );
  return rows.map((r) => ({
    key: text(r['key']),
    display: text(r['display']),
    source: 'windows',
    sids: textList(r['sids']),
    exists: true,
    machine: text(r['key']).endsWith('$'),
  }));
}

/**
 * Entra ID identities whose UPN's local part is `name`, and the SIDs their audit records carry. Sign-in
 * records carry no on-premises SID in any documented schema, and reading their JSON means decompressing
 * every one (seconds on a big case), so only their columns are read; the sign-ins' UPNs, from the names the
 * case's events carry (store/eventSummaries.ts).
 */
async function entraByName(conn: DuckDBConnection, names: string, name: string): Promise<Candidate[]> {
  const rows = await readTyped(
    conn,
    `WITH rows AS (
       SELECT name AS upn, in_tenant AS exists_in_tenant, NULL AS raw
         FROM ${names} WHERE tbl = 'signins' AND field = 'upn' AND name ILIKE $like
       UNION ALL
       SELECT initiator_upn, true, raw FROM audits WHERE initiator_upn ILIKE $like
       UNION ALL
       SELECT t.upn, true, CASE WHEN t.n = 1 THEN t.raw END
         FROM (SELECT unnest(target_upns) AS upn, len(target_upns) AS n, raw FROM audits
                WHERE array_to_string(target_upns, ' ') ILIKE $like) t
     )
     SELECT account_key(upn, NULL) AS key, min(upn) AS display, bool_or(exists_in_tenant) AS exists_in_tenant,
            list(DISTINCT upper(regexp_extract(raw, '${SID_IN_JSON}', 1)))
              FILTER (WHERE contains(lower(raw), 'securityidentifier')) AS sids
     FROM rows
     WHERE upn IS NOT NULL AND strpos(upn, '@') > 1 AND lower(split_part(upn, '@', 1)) = $name
     GROUP BY 1`,
    { name, like: `%${name}%` },
  );
  return rows.map((r) => ({
    key: text(r['key']),
    display: text(r['display']),
    source: 'entra',
    sids: textList(r['sids']).filter((s) => s !== ''),
    exists: r['exists_in_tenant'] === true,
    machine: false,
  }));
}

/** Entra identities whose audit records carry one of these SIDs (any UPN, whatever its local part). */
async function entraBySid(conn: DuckDBConnection, sids: string[]): Promise<Candidate[]> {
  if (sids.length === 0) return [];
  const { value, type } = stringList(sids);
  const rows = await readTyped(
    conn,
    `WITH hits AS (
       SELECT initiator_upn, target_upns, upper(regexp_extract(raw, '${SID_IN_JSON}', 1)) AS sid FROM audits
        WHERE contains(lower(raw), 'securityidentifier') AND len(list_filter($sids, s -> contains(raw, s))) > 0
     )
     SELECT account_key(upn, NULL) AS key, min(upn) AS display, true AS exists_in_tenant, list(DISTINCT sid) AS sids
     FROM (SELECT CASE WHEN len(target_upns) = 1 THEN target_upns[1] ELSE initiator_upn END AS upn, sid FROM hits)
     WHERE upn IS NOT NULL AND list_contains($sids, sid)
     GROUP BY 1`,
    { sids: value },
    { sids: type },
  );
  return rows.map((r) => ({
    key: text(r['key']),
    display: text(r['display']),
    source: 'entra' as const,
    sids: textList(r['sids']),
    exists: true,
    machine: false,
  }));
}

/** Windows accounts the case's events pair with these SIDs (migration 007's sid_account_names). */
async function windowsBySid(conn: DuckDBConnection, sids: string[]): Promise<Candidate[]> {
  if (sids.length === 0) return [];
  const { value, type } = stringList(sids);
  const rows = await readTyped(
    conn,
    `SELECT account_key AS key, display, list(sid) AS sids FROM sid_account_names($sids)
      WHERE account_key IS NOT NULL GROUP BY ALL`,
    { sids: value },
    { sids: type },
  );
  return rows.map((r) => ({
    key: text(r['key']),
    display: text(r['display']),
    source: 'windows',
    sids: textList(r['sids']),
    exists: true,
    machine: text(r['key']).endsWith('$'),
  }));
}

function sharedSid(a: Candidate, b: Candidate): string | undefined {
  return a.sids.find((s) => b.sids.includes(s));
}

function identity(c: Candidate, extra: Partial<EntityIdentity> = {}): EntityIdentity {
  const out: EntityIdentity = { key: c.key, display: c.display, source: c.source, ...extra };
  if (!out.sid && c.sids.length === 1) out.sid = c.sids[0]!;
  return out;
}

/**
 * Every identity of the person behind an account key: the key's own (Windows and/or Entra, the same key),
 * then those linked to it by SID or by name, each saying why. The first is the page's own.
 */
export async function linkedIdentities(conn: DuckDBConnection, key: string): Promise<EntityIdentity[]> {
  const name = accountNamePart(key);
  if (name.length < 2) return [];
  const names = await eventNames(conn);
  const [windows, entra] = await Promise.all([
    windowsByName(conn, names, name),
    entraByName(conn, names, name),
  ]);
  const own = [...windows, ...entra].filter((c) => c.key === key);
  const ownWindows = own.filter((c) => c.source === 'windows');
  const ownEntra = own.filter((c) => c.source === 'entra');
  const ownSids = [...new Set(own.flatMap((c) => c.sids))];

  // Across names, only a SID can tie them; search the other side for the own SIDs.
  const [entraSid, windowsSid] = await Promise.all([
    ownWindows.length > 0 ? entraBySid(conn, ownSids) : Promise.resolve([]),
    ownEntra.length > 0 ? windowsBySid(conn, ownSids) : Promise.resolve([]),
  ]);
  const others = new Map<string, Candidate>();
  for (const c of [...windows, ...entra, ...entraSid, ...windowsSid]) {
    if (c.key === key) continue;
    const seen = others.get(`${c.source}|${c.key}`);
    if (seen) seen.sids = [...new Set([...seen.sids, ...c.sids])];
    else others.set(`${c.source}|${c.key}`, { ...c });
  }

  // `jdoe@corp.local` and `CORP\jdoe` are one key already: the same account, under both logs' names.
  const result: EntityIdentity[] = own.map((c) =>
    c.source === 'entra' && ownWindows.length > 0
      ? identity(c, {
          reason: `${c.display} is ${ownWindows[0]!.display}: the UPN's domain is the account's domain`,
        })
      : identity(c),
  );
  const otherWindowsOfName = [...others.values()].filter(
    (c) => c.source === 'windows' && !c.machine && accountNamePart(c.key) === name,
  );
  const otherEntraOfName = [...others.values()].filter(
    (c) => c.source === 'entra' && accountNamePart(c.key) === name,
  );
  for (const c of others.values()) {
    const counterpart = own.filter((o) => o.source !== c.source);
    if (counterpart.length === 0) continue; // two accounts on the same side are two accounts
    const bySid = counterpart.map((o) => sharedSid(o, c)).find((s) => s !== undefined);
    if (bySid) {
      result.push(
        identity(c, {
          linkedBy: 'sid',
          sid: bySid,
          reason: `${c.display} carries the on-premises SID ${bySid} of ${counterpart[0]!.display}`,
        }),
      );
      continue;
    }
    // By name: one candidate on each side, the Entra one real, neither a machine account.
    const windowsSide = c.source === 'windows' ? c : ownWindows[0];
    const entraSide = c.source === 'entra' ? c : ownEntra[0];
    if (!windowsSide || !entraSide || windowsSide.machine || !entraSide.exists) continue;
    if (accountNamePart(c.key) !== name) continue;
    const windowsCount = ownWindows.length + otherWindowsOfName.length;
    const entraCount = ownEntra.length + otherEntraOfName.length;
    if (windowsCount !== 1 || entraCount !== 1) continue;
    // A SID on both sides that differs says they are two people, whatever the name.
    if (windowsSide.sids.length > 0 && entraSide.sids.length > 0 && !sharedSid(windowsSide, entraSide))
      continue;
    result.push(
      identity(c, {
        linkedBy: 'name',
        reason: `${entraSide.display} is the only Entra ID identity named ${name}, and ${windowsSide.display} the only account of that name in the Windows logs`,
      }),
    );
  }
  return result;
}
