// The Sign-ins screen: Entra ID sign-in failures per source IP (who was tried, with which error codes,
// how many distinct usernames over time) and, per IP, its users and whether each succeeded later: the
// difference between a spray that missed and one that found a password.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SigninSource, SigninSourceDetail } from '../../../shared/api.js';
import type { Allowlist } from '../../../shared/report.js';
import { notFound } from './serviceError.js';
import { bucketWidthSeconds } from './timeline.js';
import { isoSql, num, numOrNull, parseJson, readRows, text, type JsonRow } from './sqlRows.js';

const FAILED = 'coalesce(error_code, 0) <> 0';
const USER = 'lower(user_principal_name)';
const SERIES_BUCKETS = 60;

const SOURCE_SQL = `
  SELECT ip, count(*)::INTEGER AS failures, count(DISTINCT ${USER})::INTEGER AS users,
         ${isoSql('min(ts)')} AS first, ${isoSql('max(ts)')} AS last,
         to_json(histogram(error_code::VARCHAR))::VARCHAR AS codes
  FROM signins WHERE ${FAILED} AND ip IS NOT NULL AND ip <> ''`;

function toSource(r: JsonRow, allowlist: Allowlist): SigninSource {
  const ip = text(r['ip']);
  return {
    ip,
    failures: num(r['failures']),
    distinctUsers: num(r['users']),
    first: text(r['first']),
    last: text(r['last']),
    errorCodes: parseJson<Record<string, number>>(r['codes'], {}),
    allowlisted: allowlist.sourceIps.some((e) => e.value.toLowerCase() === ip.toLowerCase()),
  };
}

export async function listSigninSources(
  conn: DuckDBConnection,
  allowlist: Allowlist,
): Promise<SigninSource[]> {
  const rows = await readRows(
    conn,
    `${SOURCE_SQL} GROUP BY ip ORDER BY users DESC, failures DESC, ip LIMIT 1000`,
  );
  return rows.map((r) => toSource(r, allowlist));
}

export async function signinSourceDetail(
  conn: DuckDBConnection,
  ip: string,
  allowlist: Allowlist,
): Promise<SigninSourceDetail> {
  const [row] = await readRows(conn, `${SOURCE_SQL} AND ip = $ip GROUP BY ip`, { ip });
  if (!row) throw notFound(`failed sign-ins from ${ip}`);
  const span = await readRows(
    conn,
    `SELECT epoch_us(min(ts))::VARCHAR AS lo, epoch_us(max(ts))::VARCHAR AS hi FROM signins WHERE ip = $ip AND ${FAILED}`,
    { ip },
  );
  const lo = BigInt(String(span[0]?.['lo'] ?? '0'));
  const hi = BigInt(String(span[0]?.['hi'] ?? '0'));
  const widthUs = BigInt(bucketWidthSeconds(Number(hi - lo) / 1e6, SERIES_BUCKETS)) * 1_000_000n;
  const series = await readRows(
    conn,
    `SELECT ${isoSql('make_timestamp($lo::BIGINT + ((epoch_us(ts) - $lo::BIGINT) // $w::BIGINT) * $w::BIGINT)')} AS t,
            count(DISTINCT ${USER})::INTEGER AS users, count(*)::INTEGER AS failures
     FROM signins WHERE ip = $ip AND ${FAILED} GROUP BY 1 ORDER BY 1`,
    { ip, lo, w: widthUs },
  );
  // "Succeeded later": a successful sign-in of the same user, from anywhere, after its first failure here.
  const users = await readRows(
    conn,
    `WITH here AS (
       SELECT ${USER} AS u, any_value(user_principal_name) AS shown, count(*)::INTEGER AS attempts,
              list_sort(list_distinct(list(error_code) FILTER (WHERE ${FAILED}))) AS codes,
              arg_max(error_code, ts) AS last_code, min(ts) FILTER (WHERE ${FAILED}) AS first_fail
       FROM signins WHERE ip = $ip AND user_principal_name IS NOT NULL GROUP BY 1)
     SELECT h.shown, h.attempts, h.codes, h.last_code,
            EXISTS (SELECT 1 FROM signins s WHERE lower(s.user_principal_name) = h.u
                    AND coalesce(s.error_code, 0) = 0 AND s.ts > h.first_fail) AS later
     FROM here h WHERE h.first_fail IS NOT NULL ORDER BY h.attempts DESC, h.u LIMIT 5000`,
    { ip },
  );
  return {
    ...toSource(row, allowlist),
    series: series.map((s) => ({
      t: text(s['t']),
      distinctUsers: num(s['users']),
      failures: num(s['failures']),
    })),
    users: users.map((u) => ({
      user: text(u['shown']),
      attempts: num(u['attempts']),
      codes: Array.isArray(u['codes']) ? u['codes'].map(Number) : [],
      lastCode: numOrNull(u['last_code']),
      succeededLater: u['later'] === true,
    })),
  };
}
