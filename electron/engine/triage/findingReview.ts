// A responder's review of a finding (migration 008's finding_triage): status, tags, note and bookmark.
// Reviews are keyed on the finding's id, which the analytics derive from what the finding is about, so a
// re-run finds them again (carryReviews.ts covers a finding whose id moved).
import type { DuckDBConnection } from '@duckdb/node-api';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { FindingReviewChange } from '../../../shared/api.js';
import type { Finding, FindingReview, FindingStatus } from '../../../shared/report.js';
import { cleanTags, iso, rows, textList, textOrUndefined, timestampText, type Row } from './triageRows.js';

/** How many of a finding's evidence events are kept as its anchors. */
export const ANCHOR_COUNT = 64;

/** The SQL naming one row of finding_evidence (under `alias`, if given) as an anchor. */
export const anchorSql = (alias = ''): string => {
  const c = alias ? `${alias}.` : '';
  return `${c}table_name || '|' || ${c}source_sha256 || '|' || ${c}record_no`;
};

const REVIEW_COLUMNS = `finding_id, status, ${iso('status_at')} AS status_at, status_by, tags, note, bookmarked,
  ${iso('updated_at')} AS updated_at`;

/** A review in the contract's field order, without the status's when and who where there are none. */
function reviewOf(fields: FindingReview): FindingReview {
  return {
    status: fields.status,
    ...(fields.statusAt ? { statusAt: fields.statusAt } : {}),
    ...(fields.statusBy ? { statusBy: fields.statusBy } : {}),
    tags: fields.tags,
    note: fields.note,
    bookmarked: fields.bookmarked,
    updatedAt: fields.updatedAt,
  };
}

function review(r: Row): FindingReview {
  return reviewOf({
    status: String(r['status']) as FindingStatus,
    statusAt: textOrUndefined(r['status_at']),
    statusBy: textOrUndefined(r['status_by']),
    tags: textList(r['tags']),
    note: String(r['note'] ?? ''),
    bookmarked: r['bookmarked'] === true,
    updatedAt: String(r['updated_at']),
  });
}

/** The reviews of these findings (all of them when `ids` is not given), by finding id. */
export async function readReviews(
  conn: DuckDBConnection,
  ids?: readonly string[],
): Promise<Map<string, FindingReview>> {
  if (ids && ids.length === 0) return new Map();
  const reader = ids
    ? await conn.runAndReadAll(
        `SELECT ${REVIEW_COLUMNS} FROM finding_triage WHERE list_contains($ids, finding_id)`,
        { ids: listValue([...ids]) },
        { ids: LIST(VARCHAR) },
      )
    : await conn.runAndReadAll(`SELECT ${REVIEW_COLUMNS} FROM finding_triage`);
  const found = reader.getRowObjectsJson() as Row[];
  return new Map(found.map((r) => [String(r['finding_id']), review(r)]));
}

/** Each finding with its review where it has one. */
export async function withReviews(conn: DuckDBConnection, findings: readonly Finding[]): Promise<Finding[]> {
  const reviews = await readReviews(conn, findings.length > 500 ? undefined : findings.map((f) => f.id));
  return findings.map((f) => {
    const r = reviews.get(f.id);
    return r ? { ...f, review: r } : f;
  });
}

/** What a review is worth keeping: anything a responder set. */
const isBlank = (r: FindingReview): boolean =>
  r.status === 'new' && !r.statusAt && r.tags.length === 0 && r.note === '' && !r.bookmarked;

/**
 * Applies a change to a finding's review and answers with the whole review; null when the case has no
 * such finding. `by` is who is recorded as setting a status.
 */
export async function setFindingReview(
  conn: DuckDBConnection,
  change: FindingReviewChange,
  at: Date,
  by: string | null,
): Promise<FindingReview | null> {
  const finding = await rows(conn, 'SELECT analytic FROM findings WHERE finding_id = $id', { id: change.id });
  if (finding.length === 0) return null;
  const old = (await readReviews(conn, [change.id])).get(change.id);
  const now = at.toISOString().replace(/Z$/, '000Z');
  const statusChanged = change.status !== undefined && change.status !== (old?.status ?? 'new');
  const statusAt = statusChanged ? now : old?.statusAt;
  const statusBy = statusChanged ? (by ?? undefined) : old?.statusBy;
  const next = reviewOf({
    status: change.status ?? old?.status ?? 'new',
    statusAt,
    statusBy,
    tags: change.tags ? cleanTags(change.tags) : (old?.tags ?? []),
    note: change.note ?? old?.note ?? '',
    bookmarked: change.bookmarked ?? old?.bookmarked ?? false,
    updatedAt: now,
  });
  if (isBlank(next)) {
    await conn.run('DELETE FROM finding_triage WHERE finding_id = $id', { id: change.id });
    return next;
  }
  await conn.run(
    `INSERT INTO finding_triage
     SELECT $id, $analytic, $status, $status_at::TIMESTAMP, $status_by, $tags, $note, $bookmarked,
       $updated_at::TIMESTAMP,
       coalesce((SELECT list(${anchorSql()} ORDER BY seq)[1:${ANCHOR_COUNT}] FROM finding_evidence
                 WHERE finding_id = $id), [])
     ON CONFLICT (finding_id) DO UPDATE SET status = excluded.status, status_at = excluded.status_at,
       status_by = excluded.status_by, tags = excluded.tags, note = excluded.note,
       bookmarked = excluded.bookmarked, updated_at = excluded.updated_at, anchors = excluded.anchors`,
    {
      id: change.id,
      analytic: String(finding[0]!['analytic']),
      status: next.status,
      status_at: statusAt ? statusAt.replace(/Z$/, '') : null,
      status_by: statusBy ?? null,
      tags: listValue(next.tags),
      note: next.note,
      bookmarked: next.bookmarked,
      updated_at: timestampText(at),
    },
    { tags: LIST(VARCHAR), status_at: VARCHAR, status_by: VARCHAR },
  );
  return next;
}
