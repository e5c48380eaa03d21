// A pivot page: everything the case holds about a user, a host or an IP, summed up from its events (see
// entityEvents.ts for which rows those are) in one statement, plus the findings it is part of. A user's
// page covers every identity linked to it (identities.ts), so an on-premises account and its Entra ID
// identity read as one person.
import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  EntityCount,
  EntityFinding,
  EntityIdentity,
  EntityPage,
  EntityRef,
} from '../../../shared/api.js';
import type { Severity } from '../../../shared/report.js';
import { hasTable } from '../service/caseInfo.js';
import { num, numOrNull, text, textOrNull, type JsonRow } from '../service/sqlRows.js';
import { entityEventsCte, hitsQuery, writtenNames } from './entityEvents.js';
import { accountNamePart, normaliseEntityKey, readTyped, stringList, type EntityMatch } from './entitySql.js';
import { linkedIdentities } from './identities.js';

const SHOWN = 50;
/** A spray's source tried hundreds of names: the page lists them all up to this many. */
const RELATED_SHOWN = 500;

/** Who or what the page is about, and every key its rows are matched by. */
export async function entityMatch(
  conn: DuckDBConnection,
  ref: EntityRef,
): Promise<{ match: EntityMatch; identities: EntityIdentity[] }> {
  const key = await normaliseEntityKey(conn, ref);
  if (ref.kind !== 'user') {
    const match: EntityMatch = { kind: ref.kind, keys: [key], names: [], display: ref.key.trim() };
    return { match: { ...match, ...(await writtenNames(conn, match)) }, identities: [] };
  }
  const identities = await linkedIdentities(conn, key);
  const keys = [...new Set([key, ...identities.map((i) => i.key)])];
  const match: EntityMatch = {
    kind: 'user',
    keys,
    names: [...new Set(keys.map(accountNamePart))],
    display: identities[0]?.display ?? ref.key.trim(),
  };
  return { match: { ...match, ...(await writtenNames(conn, match)) }, identities };
}

// A logon (4624), or a failed one: 4625, and the Kerberos and NTLM failures a domain controller logs
// (4771, 4768 and 4776 with a failure status: the timeline's logon-failure category).
const LOGON_EVENTS = "(event_id = 4624 OR category = 'logon-failure')";

// Each part is a list of structs from the entity's events; the WHERE of each says which role counts.
const PARTS = `
  SELECT
    (SELECT count(*) FROM ev) AS total,
    (SELECT ${iso('min(ts)')} FROM ev) AS first,
    (SELECT ${iso('max(ts)')} FROM ev) AS last,
    (SELECT list({'category': category, 'n': n}) FROM (SELECT category, count(*) AS n FROM ev GROUP BY 1)) AS categories,
    (SELECT list({'host': host, 'user': usr, 'logon_type': logon_type, 'source': src, 'n': ok, 'failures': bad,
                  'first': ${iso('lo')}, 'last': ${iso('hi')}} ORDER BY ok + bad DESC, lo)
       FROM (SELECT host, account_display(target_user, target_domain) AS usr,
                    CASE WHEN event_id IN (4624, 4625) THEN logon_type END AS logon_type,
                    coalesce(remote_ip(ip), nullif(nullif(trim(workstation), ''), '-')) AS src,
                    count(*) FILTER (WHERE event_id = 4624) AS ok,
                    count(*) FILTER (WHERE category = 'logon-failure') AS bad,
                    min(ts) AS lo, max(ts) AS hi
               FROM ev WHERE tbl = 'win_events' AND ${LOGON_EVENTS} AND role <> 'actor'
              GROUP BY 1, 2, 3, 4 ORDER BY ok + bad DESC LIMIT ${SHOWN})) AS logons,
    (SELECT list({'action': action, 'account': account, 'by': actor, 'host': host, 'time': ${iso('lo')}, 'n': n} ORDER BY lo)
       FROM (SELECT CASE WHEN event_id = 4720 THEN 'created' ELSE 'enumerated' END AS action,
                    account_display(target_user, target_domain) AS account,
                    account_display(subject_user, subject_domain) AS actor, host, min(ts) AS lo, count(*) AS n
               FROM ev WHERE tbl = 'win_events' AND event_id IN (4720, 4798, 4799) AND role IN ('actor', 'on-host')
                AND NOT blank_name(target_user)
              GROUP BY 1, 2, 3, 4 ORDER BY lo LIMIT ${SHOWN * 4})) AS accounts,
    (SELECT list({'image': img, 'host': host, 'n': n, 'first': ${iso('lo')}, 'last': ${iso('hi')}} ORDER BY n DESC, img)
       FROM (SELECT coalesce(image_basename(image), '?') AS img, host, count(*) AS n, min(ts) AS lo, max(ts) AS hi
               FROM ev WHERE category = 'process' AND role <> 'from-host'
              GROUP BY 1, 2 ORDER BY n DESC LIMIT ${SHOWN})) AS processes,
    (SELECT list({'user': usr, 'ip': ip, 'ok': ok, 'bad': bad, 'codes': codes, 'first': ${iso('lo')}, 'last': ${iso('hi')}} ORDER BY ok + bad DESC, lo)
       FROM (SELECT subject_user AS usr, ip, count(*) FILTER (WHERE coalesce(error_code, 0) = 0) AS ok,
                    count(*) FILTER (WHERE coalesce(error_code, 0) <> 0) AS bad,
                    list(DISTINCT error_code ORDER BY error_code) FILTER (WHERE coalesce(error_code, 0) <> 0) AS codes,
                    min(ts) AS lo, max(ts) AS hi
               FROM ev WHERE tbl = 'signins' GROUP BY 1, 2 ORDER BY ok + bad DESC, lo LIMIT ${SHOWN})) AS signins,
    (SELECT {'list': list({'value': v, 'n': n} ORDER BY n DESC, v) FILTER (WHERE rank <= ${RELATED_SHOWN}), 'total': count(*)}
       FROM (SELECT v, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, v) AS rank FROM (
               SELECT account_display(target_user, target_domain) AS v FROM ev
                WHERE tbl = 'win_events' AND ${LOGON_EVENTS} AND role <> 'actor'
               UNION ALL SELECT subject_user FROM ev WHERE tbl = 'signins')
             WHERE v IS NOT NULL GROUP BY 1)) AS users,
    (SELECT {'list': list({'value': v, 'n': n} ORDER BY n DESC, v) FILTER (WHERE rank <= ${RELATED_SHOWN}), 'total': count(*)}
       FROM (SELECT host AS v, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, host) AS rank
               FROM ev WHERE host IS NOT NULL GROUP BY 1)) AS hosts,
    (SELECT {'list': list({'value': v, 'n': n} ORDER BY n DESC, v) FILTER (WHERE rank <= ${RELATED_SHOWN}), 'total': count(*)}
       FROM (SELECT remote_ip(ip) AS v, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, remote_ip(ip)) AS rank
               FROM ev WHERE remote_ip(ip) IS NOT NULL GROUP BY 1)) AS ips`;

function iso(expr: string): string {
  return `strftime(${expr}, '%Y-%m-%dT%H:%M:%S.%fZ')`;
}

function structs(v: unknown): JsonRow[] {
  return Array.isArray(v) ? (v as JsonRow[]) : [];
}

function counts(v: unknown): { list: EntityCount[]; total: number } {
  const part = (v ?? {}) as JsonRow;
  return {
    list: structs(part['list']).map((r) => ({ value: text(r['value']), count: num(r['n']) })),
    total: num(part['total']),
  };
}

/** The findings the entity is part of, and as what (actor, target, host, source). */
async function entityFindings(conn: DuckDBConnection, match: EntityMatch): Promise<EntityFinding[]> {
  if (!(await hasTable(conn, 'findings'))) return [];
  const keys = stringList(match.keys);
  const role = {
    user: {
      actor: 'list_contains($keys, account_key(f.actor_user, NULL))',
      target:
        'f.finding_id IN (SELECT finding_id FROM finding_accounts WHERE list_contains($keys, account_key))',
    },
    host: {
      host: 'list_contains(list_transform(f.hosts, h -> first_label(h)), $keys[1])',
    },
    ip: {
      // the actor's address, or the address anywhere in the finding (a spray's source, a session's)
      source: `lower(f.actor_source_ip) = $keys[1] OR contains(lower(f.finding_json), '"' || $keys[1] || '"')`,
    },
  }[match.kind] as Record<string, string>;
  const columns = Object.entries(role)
    .map(([name, sql]) => `(${sql}) AS is_${name}`)
    .join(', ');
  const rows = await readTyped(
    conn,
    `SELECT * FROM (
       SELECT f.finding_id, f.analytic, f.title, f.severity, f.severity_rank, ${iso('f.first_ts')} AS first, ${columns}
       FROM findings f)
     WHERE ${Object.keys(role)
       .map((n) => `is_${n}`)
       .join(' OR ')}
     ORDER BY severity_rank DESC, first, finding_id`,
    { keys: keys.value },
    { keys: keys.type },
  );
  return rows.map((r) => ({
    id: text(r['finding_id']),
    analytic: text(r['analytic']),
    title: text(r['title']),
    severity: text(r['severity']) as Severity,
    first: text(r['first']),
    roles: Object.keys(role).filter((n) => r[`is_${n}`] === true) as EntityFinding['roles'],
  }));
}

export async function entityPage(conn: DuckDBConnection, ref: EntityRef): Promise<EntityPage> {
  const { match, identities } = await entityMatch(conn, ref);
  const hits = hitsQuery(match);
  const [row] = await readTyped(conn, `WITH ${entityEventsCte(hits)} ${PARTS}`, hits.values, hits.types);
  const r = row ?? {};
  return {
    kind: ref.kind,
    key: ref.key.trim(),
    display: match.display,
    identities,
    first: textOrNull(r['first']),
    last: textOrNull(r['last']),
    total: num(r['total']),
    categories: Object.fromEntries(structs(r['categories']).map((c) => [text(c['category']), num(c['n'])])),
    logons: structs(r['logons']).map((l) => ({
      host: textOrNull(l['host']),
      user: textOrNull(l['user']),
      logonType: numOrNull(l['logon_type']),
      source: textOrNull(l['source']),
      count: num(l['n']),
      failures: num(l['failures']),
      first: text(l['first']),
      last: text(l['last']),
    })),
    accounts: structs(r['accounts']).map((a) => ({
      action: text(a['action']) as 'created' | 'enumerated',
      account: text(a['account']),
      by: textOrNull(a['by']),
      host: textOrNull(a['host']),
      time: text(a['time']),
      count: num(a['n']),
    })),
    processes: structs(r['processes']).map((p) => ({
      image: text(p['image']),
      host: textOrNull(p['host']),
      count: num(p['n']),
      first: text(p['first']),
      last: text(p['last']),
    })),
    signins: structs(r['signins']).map((s) => ({
      user: text(s['user']),
      ip: textOrNull(s['ip']),
      successes: num(s['ok']),
      failures: num(s['bad']),
      codes: Array.isArray(s['codes']) ? s['codes'].map(Number) : [],
      first: text(s['first']),
      last: text(s['last']),
    })),
    related: (() => {
      const [users, hosts, ips] = [counts(r['users']), counts(r['hosts']), counts(r['ips'])];
      return {
        users: users.list,
        hosts: hosts.list,
        ips: ips.list,
        totals: { users: users.total, hosts: hosts.total, ips: ips.total },
      };
    })(),
    findings: await entityFindings(conn, match),
  };
}
