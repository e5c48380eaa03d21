// Findings as the UI pages through them: filtered, sorted and paged in SQL over the `findings` table
// (migration 003), every value bound. Sort columns come from a fixed map; the full Finding is the stored
// JSON, exactly as the analytics produced it, with the responder's review (migration 008) beside it.
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { FindingQuery, Timeline } from '../../../shared/api.js';
import type { Finding } from '../../../shared/report.js';
import { withReviews } from '../triage/findingReview.js';
import { hasTable } from './caseInfo.js';
import { notFound } from './serviceError.js';
import { isoSql, num, parseJson, readOne, readRows, text, type JsonRow } from './sqlRows.js';

export const DEFAULT_PAGE = 100;

const ORDER_BY: Record<NonNullable<FindingQuery['sort']>, string> = {
  severity: 'severity_rank',
  analytic: 'analytic',
  first: 'first_ts',
  host: "lower(coalesce(hosts[1], ''))",
  confidence: "CASE confidence WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END",
};

/** Default directions: what an analyst looks at first comes first. */
const DESC_BY_DEFAULT: Record<NonNullable<FindingQuery['sort']>, boolean> = {
  severity: true,
  analytic: false,
  first: false,
  host: false,
  confidence: true,
};

interface Where {
  sql: string;
  params: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}

function whereClause(q: FindingQuery): Where {
  const parts: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  const inList = (column: string, name: string, values: readonly string[] | undefined): void => {
    if (!values || values.length === 0) return;
    const names = values.map((v, i) => {
      params[`${name}${i}`] = v;
      return `$${name}${i}`;
    });
    parts.push(`${column} IN (${names.join(', ')})`);
  };
  inList('analytic', 'analytic', q.analytic);
  inList('severity', 'severity', q.severity);
  if (q.host) {
    params['host'] = q.host.toLowerCase();
    parts.push('list_contains(list_transform(hosts, h -> lower(h)), $host)');
  }
  if (q.text) {
    params['text'] = q.text.toLowerCase();
    parts.push(`(contains(lower(title), $text) OR contains(lower(explanation), $text)
      OR contains(lower(array_to_string(accounts, ' ')), $text)
      OR contains(lower(concat_ws(' ', actor_user, actor_logon_id, actor_source_ip)), $text))`);
  }
  // The review filters read migration 008's finding_triage; a finding without a review is `new`.
  const review = (condition: string) =>
    parts.push(
      `EXISTS (SELECT 1 FROM finding_triage t WHERE t.finding_id = findings.finding_id AND ${condition})`,
    );
  if (q.status && q.status.length > 0) {
    params['status'] = listValue(q.status);
    types['status'] = LIST(VARCHAR);
    parts.push(`list_contains($status, coalesce(
      (SELECT t.status FROM finding_triage t WHERE t.finding_id = findings.finding_id), 'new'))`);
  }
  if (q.tag) {
    params['tag'] = q.tag.toLowerCase();
    review('list_contains(list_transform(t.tags, x -> lower(x)), $tag)');
  }
  if (q.bookmarked) review('t.bookmarked');
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, types };
}

export async function listFindings(
  conn: DuckDBConnection,
  q: FindingQuery,
): Promise<{ total: number; rows: Finding[] }> {
  if (!(await hasTable(conn, 'findings'))) return { total: 0, rows: [] };
  const { sql: where, params, types } = whereClause(q);
  const count = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM findings ${where}`,
    params,
    types,
  );
  const total = num((count.getRowObjectsJson()[0] as JsonRow | undefined)?.['n']);
  const sort = q.sort ?? 'severity';
  const desc = q.desc ?? DESC_BY_DEFAULT[sort];
  const page = await conn.runAndReadAll(
    `SELECT finding_json FROM findings ${where}
     ORDER BY ${ORDER_BY[sort]} ${desc ? 'DESC' : 'ASC'}, first_ts, finding_id
     LIMIT $limit OFFSET $offset`,
    { ...params, limit: q.limit ?? DEFAULT_PAGE, offset: q.offset ?? 0 },
    types,
  );
  const findings = (page.getRowObjectsJson() as JsonRow[]).map((r) =>
    parseJson<Finding>(r['finding_json'], {} as Finding),
  );
  return { total, rows: await withReviews(conn, findings) };
}

export async function getFinding(conn: DuckDBConnection, id: string): Promise<Finding> {
  const row = (await hasTable(conn, 'findings'))
    ? await readOne(conn, 'SELECT finding_json FROM findings WHERE finding_id = $id LIMIT 1', { id })
    : undefined;
  if (!row) throw notFound(`finding ${id}`);
  const [finding] = await withReviews(conn, [parseJson<Finding>(row['finding_json'], {} as Finding)]);
  return finding!;
}

/** Every finding, most severe first: what the reports carry. */
export async function allFindings(conn: DuckDBConnection): Promise<Finding[]> {
  if (!(await hasTable(conn, 'findings'))) return [];
  const rows = await readRows(
    conn,
    'SELECT finding_json FROM findings ORDER BY severity_rank DESC, first_ts, finding_id',
  );
  return rows.map((r) => parseJson<Finding>(r['finding_json'], {} as Finding));
}

/** Findings that start inside [from, to], for the timeline's markers. */
export async function findingMarkers(
  conn: DuckDBConnection,
  fromUs: bigint,
  toUs: bigint,
): Promise<Timeline['markers']> {
  if (!(await hasTable(conn, 'findings'))) return [];
  const rows = await readRows(
    conn,
    `SELECT finding_id, analytic, severity, title, ${isoSql('first_ts')} AS time FROM findings
     WHERE first_ts BETWEEN make_timestamp($from::BIGINT) AND make_timestamp($to::BIGINT)
     ORDER BY first_ts, finding_id LIMIT 5000`,
    { from: fromUs, to: toUs },
  );
  return rows.map((r) => ({
    time: text(r['time']),
    findingId: text(r['finding_id']),
    analytic: text(r['analytic']) as Finding['analytic'],
    severity: text(r['severity']) as Finding['severity'],
    title: text(r['title']),
  }));
}
