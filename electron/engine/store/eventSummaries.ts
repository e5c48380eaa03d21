// The case's summaries of its events (migration 011): the names each table carries (accounts with their
// domain and SID, hosts, workstations, addresses, UPNs), and the EventData fields per event id, with their
// counts. Readers look names and fields up there instead of in every event.
//
// Each summary covers its table's rows below a mark; the rows added since are counted from the table in
// the same query (the relations below), so a reader is right whether or not the summaries are up to date.
// DuckDB takes the mark, a scalar subquery, as a filter on the scan's rowids: only the rows above it are
// read. An import and an analysis bring the summaries up to date (refreshEventSummaries), so those rows
// are usually none.
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { BIGINT } from './duckdbApi.js';

const END = '9223372036854775807';
const mark = (table: 'win_events' | 'signins') =>
  `coalesce((SELECT below FROM event_summary_coverage WHERE tbl = '${table}'), 0)`;

/**
 * Every name of the case's Windows events and sign-ins with how many rows carry it: (tbl, field, name,
 * domain, sid, in_tenant, key, display, part, n), a name possibly on several rows (the summary's and the
 * newer rows').
 */
export const EVENT_NAMES = `(SELECT * FROM event_names UNION ALL
  SELECT * FROM event_names_between(${mark('win_events')}, ${END}, ${mark('signins')}, ${END}))`;

/** Every EventData field per event id with how many events hold it: (event_id, key, n), likewise. */
export const EVENT_DATA_KEYS = `(SELECT * FROM event_data_keys UNION ALL
  SELECT * FROM event_data_keys_between(${mark('win_events')}, ${END}))`;

/**
 * EVENT_NAMES, or the summary alone when it covers every row (planning the count of the newer rows costs
 * more than the lookup itself: ~20 ms a query). Rows an import commits after this check are then not seen,
 * as if the reader had run a moment before: what it reads is the case as of the check, or later.
 */
export async function eventNames(conn: DuckDBConnection): Promise<string> {
  return (await covered(conn)) ? 'event_names' : EVENT_NAMES;
}

/** EVENT_DATA_KEYS, or the summary alone when it covers every row (as eventNames). */
export async function eventDataKeys(conn: DuckDBConnection): Promise<string> {
  return (await covered(conn)) ? 'event_data_keys' : EVENT_DATA_KEYS;
}

async function covered(conn: DuckDBConnection): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT ${mark('win_events')} = (SELECT coalesce(max(rowid) + 1, 0) FROM win_events)
        AND ${mark('signins')} = (SELECT coalesce(max(rowid) + 1, 0) FROM signins) AS covered`,
  );
  return r.getRowObjectsJson()[0]?.['covered'] === true;
}

export interface SummaryRefresh {
  /** Rows newly counted, per table. */
  winEvents: number;
  signins: number;
}

/**
 * Counts the rows the summaries do not cover yet into them, in one transaction. Each summary is kept one
 * row per name (or field): the new counts are added to the old.
 */
export async function refreshEventSummaries(conn: DuckDBConnection): Promise<SummaryRefresh> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const r = await conn.runAndReadAll(
      `SELECT ${mark('win_events')}::VARCHAR AS win_lo,
              (SELECT coalesce(max(rowid) + 1, 0) FROM win_events)::VARCHAR AS win_hi,
              ${mark('signins')}::VARCHAR AS signin_lo,
              (SELECT coalesce(max(rowid) + 1, 0) FROM signins)::VARCHAR AS signin_hi`,
    );
    const row = r.getRowObjectsJson()[0]!;
    const [winLo, winHi, signinLo, signinHi] = ['win_lo', 'win_hi', 'signin_lo', 'signin_hi'].map((k) =>
      BigInt(String(row[k])),
    ) as [bigint, bigint, bigint, bigint];
    const added = { winEvents: Number(winHi - winLo), signins: Number(signinHi - signinLo) };
    if (added.winEvents <= 0 && added.signins <= 0) {
      await conn.run('COMMIT');
      return { winEvents: 0, signins: 0 };
    }
    const marks: Marks = {
      values: { wl: winLo, wh: winHi, sl: signinLo, sh: signinHi },
      types: { wl: BIGINT, wh: BIGINT, sl: BIGINT, sh: BIGINT },
    };
    await merge(
      conn,
      'event_names',
      'tbl, field, name, domain, sid, in_tenant, key, display, part',
      'SELECT * FROM event_names_between($wl, $wh, $sl, $sh)',
      marks,
    );
    await merge(
      conn,
      'event_data_keys',
      'event_id, key',
      'SELECT * FROM event_data_keys_between($wl, $wh)',
      marks,
    );
    await conn.run('DELETE FROM event_summary_coverage');
    await conn.run(
      `INSERT INTO event_summary_coverage VALUES ('win_events', $wh), ('signins', $sh)`,
      { wh: winHi, sh: signinHi },
      { wh: BIGINT, sh: BIGINT },
    );
    await conn.run('COMMIT');
    return added;
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

interface Marks {
  values: Record<string, bigint>;
  types: Record<string, DuckDBType>;
}

/** The summary `table` with the counts of `fresh` added, one row per value of `keys`. */
async function merge(
  conn: DuckDBConnection,
  table: string,
  keys: string,
  fresh: string,
  marks: Marks,
): Promise<void> {
  // DuckDB refuses a bound value the statement does not use: only the marks `fresh` names.
  const names = [...fresh.matchAll(/\$(\w+)/g)].map((m) => m[1]!);
  const b = {
    values: Object.fromEntries(names.map((n) => [n, marks.values[n]!])),
    types: Object.fromEntries(names.map((n) => [n, marks.types[n]!])),
  };
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE summary_merged AS
     SELECT ${keys}, sum(n)::BIGINT AS n FROM (SELECT * FROM ${table} UNION ALL ${fresh}) GROUP BY ${keys}`,
    b.values,
    b.types,
  );
  await conn.run(`DELETE FROM ${table}`);
  await conn.run(`INSERT INTO ${table} SELECT * FROM temp.summary_merged`);
  await conn.run('DROP TABLE temp.summary_merged');
}
