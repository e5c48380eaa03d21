// Keeps reviews with their findings across runs of the analytics. A finding's id is a hash of what it is
// about (findingRows.ts), so almost every review finds its finding again by id alone. An id moves when
// the finding's key does: a burst whose first event is earlier once another file is imported, a window
// that starts elsewhere under other parameters. Such a review is moved to the finding of the same
// analytic that holds the most of its anchor events (and has no review of its own); its anchors are then
// renewed from the finding as this run made it. A review whose finding is gone stays in the case: the
// finding may come back.
import type { DuckDBConnection } from '@duckdb/node-api';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { ANCHOR_COUNT, anchorSql } from './findingReview.js';
import { rows } from './triageRows.js';

export interface CarriedReview {
  from: string;
  to: string;
}

/** Runs inside the analysis's transaction, after the new findings are stored; returns the moves made. */
export async function carryReviews(
  conn: DuckDBConnection,
  analytics: readonly string[],
): Promise<CarriedReview[]> {
  const bind = { values: { analytics: listValue([...analytics]) }, types: { analytics: LIST(VARCHAR) } };
  const orphanReader = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM finding_triage t
     WHERE list_contains($analytics, t.analytic) AND len(t.anchors) > 0
       AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.finding_id = t.finding_id)`,
    bind.values,
    bind.types,
  );
  const moves: CarriedReview[] = [];
  if (Number(orphanReader.getRowObjects()[0]!['n']) > 0) {
    const candidates = await conn.runAndReadAll(
      `WITH orphans AS (
         SELECT t.finding_id AS old_id, t.analytic, unnest(t.anchors) AS anchor FROM finding_triage t
         WHERE list_contains($analytics, t.analytic)
           AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.finding_id = t.finding_id)
       ), evidence AS (
         SELECT e.finding_id, f.analytic, ${anchorSql('e')} AS anchor
         FROM finding_evidence e JOIN findings f USING (finding_id)
         WHERE list_contains($analytics, f.analytic)
           AND NOT EXISTS (SELECT 1 FROM finding_triage t WHERE t.finding_id = e.finding_id)
       )
       SELECT o.old_id, e.finding_id AS new_id, count(*)::INTEGER AS shared
       FROM orphans o JOIN evidence e ON e.anchor = o.anchor AND e.analytic = o.analytic
       GROUP BY ALL ORDER BY shared DESC, old_id, new_id`,
      bind.values,
      bind.types,
    );
    // Greedy on the strongest overlap: each old review and each new finding is used once.
    const taken = new Set<string>();
    for (const r of candidates.getRowObjects()) {
      const from = String(r['old_id']);
      const to = String(r['new_id']);
      if (taken.has(from) || taken.has(to)) continue;
      taken.add(from).add(to);
      moves.push({ from, to });
    }
    for (const { from, to } of moves) {
      await conn.run(
        `INSERT INTO finding_triage SELECT * REPLACE ($to AS finding_id) FROM finding_triage WHERE finding_id = $from`,
        { from, to },
      );
      await conn.run('DELETE FROM finding_triage WHERE finding_id = $from', { from });
    }
  }
  // Anchors follow the finding as this run made it.
  await conn.run(
    `UPDATE finding_triage t SET anchors = a.anchors
     FROM (SELECT finding_id, list(${anchorSql()} ORDER BY seq)[1:${ANCHOR_COUNT}] AS anchors
           FROM finding_evidence
           WHERE finding_id IN (SELECT finding_id FROM finding_triage) GROUP BY finding_id) a
     WHERE t.finding_id = a.finding_id AND t.anchors <> a.anchors`,
  );
  return moves;
}

/** Reviews of findings no run produces any more, for a report that wants to say so. */
export async function orphanedReviewCount(conn: DuckDBConnection): Promise<number> {
  const found = await rows(
    conn,
    `SELECT count(*)::INTEGER AS n FROM finding_triage t
     WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.finding_id = t.finding_id)`,
  );
  return Number(found[0]?.['n'] ?? 0);
}
