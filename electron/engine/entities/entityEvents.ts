// An entity's events: which rows of the case are about a user, a host or an IP, and in what role, as one
// `hits` query (tbl, rid, source_id, record_no, role; the event grid's entity scope reads it too), then the timeline's own row shape over them (the
// service's ALL_EVENTS_SQL and its one-line summaries), so the pivot page reads like the Timeline.
//   user   the subject (actor) or target of a Windows event under any of the person's account keys, the
//          UPN of a sign-in, the initiator (actor) or a target of an audit record
//   host   every event the host logged (on-host), and events elsewhere naming it as the workstation a
//          logon or a credential check came from (from-host)
//   ip     the source address of a Windows logon or failure, a sign-in, an audit's initiator
// Names are first matched cheaply (`contains` on the raw column), and only those rows get a key computed.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EntityEvent, EntityEventsQuery } from '../../../shared/api.js';
import {
  ALL_EVENTS_SQL,
  AUDIT_CATEGORY_SQL,
  SIGNIN_CATEGORY_SQL,
  WIN_CATEGORY_SQL,
} from '../service/eventCategories.js';
import { summarizeEvent } from '../service/eventSummary.js';
import { toTimelineEvent } from '../service/timeline.js';
import { isoSql, num, text, textOrNull } from '../service/sqlRows.js';
import { eventNames } from '../store/eventSummaries.js';
import { readTyped, stringList, type BindingTypes, type Bindings, type EntityMatch } from './entitySql.js';

export interface HitsQuery {
  sql: string;
  values: Bindings;
  types: BindingTypes;
}

/**
 * SQL true when `column` (with its domain column) names one of the person's accounts: a cheap ILIKE on the
 * raw column first (a `_` in a name is a LIKE wildcard, which only lets a few more rows through to the
 * exact test), the account key only then. One bound value per name and key, no list lambdas: this runs on
 * every event of the case.
 */
function userFilter(match: EntityMatch, values: Bindings): (column: string, domain: string | null) => string {
  match.names.forEach((n, i) => (values[`name${i}`] = `%${n}%`));
  match.keys.forEach((k, i) => (values[`key${i}`] = k));
  const keys = match.keys.map((_, i) => `$key${i}`).join(', ');
  return (column, domain) => {
    const like = match.names.map((_, i) => `${column} ILIKE $name${i}`).join(' OR ');
    return `((${like}) AND account_key(${column}, ${domain ?? 'NULL'}) IN (${keys}))`;
  };
}

/**
 * SQL true when the scan's `column` holds one of the names the match's rows carry there (EntityMatch's
 * `written`, in DuckDB's order), or 'true' when they were not looked up. An equality test of a few values,
 * which DuckDB answers in the scan from the column's dictionaries: the match's own test then runs on the
 * few rows that pass. Several values are bounded by the first and the last too: DuckDB takes a list only
 * to skip row groups, and a range in the scan itself (measured 13-16 ms for one value, 46-73 ms for a list
 * of two, 17-29 ms for the list within its range).
 */
function writtenIn(match: EntityMatch, values: Bindings, column: string, as = column): string {
  const names = match.written?.[as];
  if (!names) return 'true';
  if (names.length === 0) return 'false';
  const slot = as.replace(/\W/g, '_');
  names.forEach((n, i) => (values[`w_${slot}_${i}`] = n));
  if (names.length === 1) return `${column} = $w_${slot}_0`;
  const last = `$w_${slot}_${names.length - 1}`;
  const list = names.map((_, i) => `$w_${slot}_${i}`).join(', ');
  return `(${column} BETWEEN $w_${slot}_0 AND ${last} AND ${column} IN (${list}))`;
}

/**
 * The names as the events write them (store/eventSummaries.ts) that pass the match's own tests of each
 * column, for EntityMatch's `written`: the same tests as hitsQuery's, run on the case's few distinct names
 * instead of on every event.
 */
export async function writtenNames(
  conn: DuckDBConnection,
  match: EntityMatch,
): Promise<Required<Pick<EntityMatch, 'written' | 'writtenPairs'>>> {
  const values: Bindings = {};
  let where: string;
  switch (match.kind) {
    case 'user': {
      // userFilter's test, with the account key the summary holds for each name.
      match.names.forEach((n, i) => (values[`name${i}`] = `%${n}%`));
      match.keys.forEach((k, i) => (values[`key${i}`] = k));
      const like = match.names.map((_, i) => `name ILIKE $name${i}`).join(' OR ');
      where = `field IN ('subject', 'target', 'upn') AND (${like})
        AND key IN (${match.keys.map((_, i) => `$key${i}`).join(', ')})`;
      break;
    }
    case 'host':
      values['host'] = match.keys[0]!;
      where = `tbl = 'win_events' AND field IN ('host', 'workstation') AND first_label(name) = $host`;
      break;
    case 'ip':
      values['ip'] = match.keys[0]!;
      where = `field = 'ip' AND lower(name) = $ip`;
      break;
  }
  // In DuckDB's order of the names (writtenIn bounds them by the first and the last).
  const rows = await readTyped(
    conn,
    `SELECT DISTINCT tbl, field, name, domain FROM ${await eventNames(conn)} WHERE ${where}
     ORDER BY tbl, field, name, domain`,
    values,
  );
  const column: Record<string, string> = {
    'win_events.subject': 'subject_user',
    'win_events.target': 'target_user',
    'signins.upn': 'user_principal_name',
    'win_events.host': 'host',
    'win_events.workstation': 'workstation',
    'win_events.ip': 'ip',
    'signins.ip': 'signins.ip',
  };
  const out: Record<string, string[]> = Object.fromEntries(
    {
      user: ['subject_user', 'target_user', 'user_principal_name'],
      host: ['host', 'workstation'],
      ip: ['ip', 'signins.ip'],
    }[match.kind].map((c) => [c, [] as string[]]),
  );
  const pairs: Record<string, Array<{ name: string; domain: string | null }>> = {};
  for (const r of rows) {
    const c = column[`${text(r['tbl'])}.${text(r['field'])}`]!;
    const name = text(r['name']);
    const names = out[c]!;
    if (names[names.length - 1] !== name) names.push(name);
    if (match.kind === 'user' && c !== 'user_principal_name')
      (pairs[c] ??= []).push({ name, domain: textOrNull(r['domain']) });
  }
  if (match.kind === 'user') for (const c of ['subject_user', 'target_user']) pairs[c] ??= [];
  return { written: out, writtenPairs: pairs };
}

/**
 * SQL true when the row's account (`column`, `domain`) is one of the pairs the match's own test passes
 * (EntityMatch's `writtenPairs`): that test, which reads only the two columns, answered from the case's
 * names instead of planned and run on every event. Null when the pairs were not looked up.
 */
function writtenPair(match: EntityMatch, values: Bindings, column: string, domain: string): string | null {
  const pairs = match.writtenPairs?.[column];
  if (!pairs) return null;
  if (pairs.length === 0) return 'false';
  const tests = pairs.map((p, i) => {
    values[`p_${column}_${i}`] = p.name;
    if (p.domain === null) return `(${column} = $p_${column}_${i} AND ${domain} IS NULL)`;
    values[`d_${column}_${i}`] = p.domain;
    return `(${column} = $p_${column}_${i} AND ${domain} = $d_${column}_${i})`;
  });
  return `(${writtenIn(match, values, column)} AND (${tests.join(' OR ')}))`;
}

// Each hit carries its time and category, so a page of the timeline is chosen before the wide rows are read.
const WIN = `ts, ${WIN_CATEGORY_SQL} AS category`;
const SIGNIN = `ts, ${SIGNIN_CATEGORY_SQL}`;
const AUDIT = `ts, ${AUDIT_CATEGORY_SQL}`;

/** The rows about the entity: (tbl, rid (the row's rowid in its table), source_id, record_no, ts, category, role). */
export function hitsQuery(match: EntityMatch): HitsQuery {
  switch (match.kind) {
    case 'user': {
      const values: Bindings = {};
      const named = userFilter(match, values);
      const anyTarget = match.names.map((_, i) => `array_to_string(target_upns, ' ') ILIKE $name${i}`);
      // An event naming the person as actor, then one naming them as target only: each scan tests one
      // column for the names written, which DuckDB answers from that column alone.
      const subject =
        writtenPair(match, values, 'subject_user', 'subject_domain') ??
        `(${writtenIn(match, values, 'subject_user')} AND ${named('subject_user', 'subject_domain')})`;
      const target =
        writtenPair(match, values, 'target_user', 'target_domain') ??
        `(${writtenIn(match, values, 'target_user')} AND ${named('target_user', 'target_domain')})`;
      // A UPN's test reads the UPN alone: the names it passes are exactly those looked up.
      const upn = match.written
        ? writtenIn(match, values, 'user_principal_name')
        : `(${writtenIn(match, values, 'user_principal_name')} AND ${named('user_principal_name', null)})`;
      return {
        sql: `
          SELECT 'win_events' AS tbl, rowid AS rid, source_id, record_no, ${WIN}, 'actor' AS role
            FROM win_events
           WHERE ${subject}
          UNION ALL
          SELECT 'win_events' AS tbl, rowid AS rid, source_id, record_no, ${WIN}, 'target' AS role
            FROM win_events
           WHERE ${target} AND NOT coalesce(${subject}, false)
          UNION ALL
          SELECT 'signins', rowid, source_id, record_no, ${SIGNIN}, 'actor'
            FROM signins
           WHERE ${upn}
          UNION ALL
          SELECT 'audits', rowid, source_id, record_no, ${AUDIT},
                 CASE WHEN ${named('initiator_upn', null)} THEN 'actor' ELSE 'target' END
            FROM audits
           WHERE ${named('initiator_upn', null)}
              OR ((${anyTarget.join(' OR ')}) AND len(list_filter(target_upns, u -> ${named('u', null)})) > 0)`,
        values,
        types: {},
      };
    }
    case 'host': {
      const values: Bindings = { host: match.keys[0]! };
      return {
        sql: `
          SELECT 'win_events' AS tbl, rowid AS rid, source_id, record_no, ${WIN}, 'on-host' AS role
            FROM win_events WHERE ${writtenIn(match, values, 'host')} AND first_label(host) = $host
          UNION ALL
          SELECT 'win_events', rowid, source_id, record_no, ${WIN}, 'from-host'
            FROM win_events
           WHERE ${writtenIn(match, values, 'workstation')} AND first_label(workstation) = $host
             AND first_label(host) IS DISTINCT FROM $host`,
        values,
        types: {},
      };
    }
    case 'ip': {
      const values: Bindings = { ip: match.keys[0]! };
      return {
        sql: `
          SELECT 'win_events' AS tbl, rowid AS rid, source_id, record_no, ${WIN}, 'source' AS role
            FROM win_events WHERE ${writtenIn(match, values, 'ip')} AND lower(ip) = $ip
          UNION ALL
          SELECT 'signins', rowid, source_id, record_no, ${SIGNIN}, 'source' FROM signins
           WHERE ${writtenIn(match, values, 'ip', 'signins.ip')} AND lower(ip) = $ip
          UNION ALL
          SELECT 'audits', rowid, source_id, record_no, ${AUDIT}, 'source' FROM audits WHERE lower(initiator_ip) = $ip`,
        values,
        types: {},
      };
    }
  }
}

/** The entity's events in the timeline's row shape, with their role: `ev` for the queries built on it. */
export function entityEventsCte(hits: HitsQuery): string {
  // The category is the hit's (the same SQL over the same row): worked out for the entity's few events,
  // not for every event of the case before the join (40 ms of the bench case's pivot page).
  return `hits AS MATERIALIZED (${hits.sql}),
    ev AS MATERIALIZED (
      SELECT e.* REPLACE (h.category AS category), h.role FROM (${ALL_EVENTS_SQL}) e
        JOIN (SELECT tbl, source_id, record_no, category, role FROM hits) h USING (tbl, source_id, record_no)
    )`;
}

export const DEFAULT_ENTITY_PAGE = 200;

export async function entityEvents(
  conn: DuckDBConnection,
  match: EntityMatch,
  q: Pick<EntityEventsQuery, 'categories' | 'offset' | 'limit'>,
): Promise<{ total: number; rows: EntityEvent[] }> {
  const hits = hitsQuery(match);
  const categories = stringList(q.categories ?? []);
  const values: Bindings = {
    ...hits.values,
    categories: categories.value,
    all: q.categories === undefined,
    limit: q.limit ?? DEFAULT_ENTITY_PAGE,
    offset: q.offset ?? 0,
  };
  const types: BindingTypes = { ...hits.types, categories: categories.type };
  // The page is chosen on the narrow hits; only its rows are joined to the wide event rows.
  const rows = await readTyped(
    conn,
    `WITH hits AS MATERIALIZED (${hits.sql}),
     shown AS MATERIALIZED (SELECT * FROM hits WHERE $all OR list_contains($categories, category)),
     page AS MATERIALIZED (
       SELECT tbl, source_id, record_no, role FROM shown
        ORDER BY ts, tbl, source_id, record_no LIMIT $limit OFFSET $offset
     )
     SELECT e.*, p.role, ${isoSql('e.ts')} AS time, src.sha256, (SELECT count(*) FROM shown) AS total
       FROM page p JOIN (${ALL_EVENTS_SQL}) e USING (tbl, source_id, record_no) JOIN sources src USING (source_id)
      ORDER BY e.ts, e.tbl, e.source_id, e.record_no`,
    values,
    types,
  );
  let total = num(rows[0]?.['total']);
  if (rows.length === 0 && (q.offset ?? 0) > 0) {
    // Past the end: no row to carry the count.
    const counted = await readTyped(
      conn,
      `WITH hits AS MATERIALIZED (${hits.sql})
       SELECT count(*) AS n FROM hits WHERE $all OR list_contains($categories, category)`,
      { ...hits.values, categories: categories.value, all: q.categories === undefined },
      types,
    );
    total = num(counted[0]?.['n']);
  }
  return {
    total,
    rows: rows.map((r) => ({
      ...toTimelineEvent(r, summarizeEvent(r)),
      role: text(r['role']) as EntityEvent['role'],
    })),
  };
}
