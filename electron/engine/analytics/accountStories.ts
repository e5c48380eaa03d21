// One story per account: every stored finding about an account (by its normalised key), merged. Two findings
// about the same 4720 (from the two creation analytics) land in the same story because both name the created account under the
// same key. Reads only the findings tables (migration 003), so a story costs two small lookups.
import { VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { AccountStory, AccountSummary } from '../../../shared/api.js';
import type { Severity } from '../../../shared/report.js';
import { readFindingsById } from './readFindings.js';
import { lineageTree, storyEvents, storyLineage, storySession, type LineageTreeNode } from './storyParts.js';

/** The API's story plus the merged process tree of every chain behind it. */
export interface AccountStoryWithTree extends AccountStory {
  lineageTree: LineageTreeNode[];
}

type Kind = AccountSummary['kinds'][number];
const KIND_ORDER: readonly Kind[] = ['created', 'enumerated', 'probed'];

interface SummaryRow {
  account_key: string;
  display: string;
  kinds: string[];
  hosts: string[];
  severity: Severity;
  finding_ids: string[];
  first: string;
  last: string;
}

const SUMMARY_SQL = `
  SELECT a.account_key,
         arg_min(a.account_display, f.first_ts) AS display,
         list(DISTINCT a.role) AS kinds,
         list_sort(list_distinct(flatten(list(f.hosts)))) AS hosts,
         arg_max(f.severity, f.severity_rank) AS severity,
         list(DISTINCT f.finding_id ORDER BY f.finding_id) AS finding_ids,
         iso_utc(min(f.first_ts)) AS first, iso_utc(max(f.last_ts)) AS last
  FROM finding_accounts a JOIN findings f USING (finding_id)
  WHERE $key IS NULL OR a.account_key = $key
  GROUP BY a.account_key
  ORDER BY max(f.severity_rank) DESC, min(f.first_ts), a.account_key`;

function toSummary(r: SummaryRow): AccountSummary {
  return {
    key: r.account_key,
    display: r.display,
    kinds: KIND_ORDER.filter((k) => r.kinds.includes(k)),
    hosts: r.hosts,
    severity: r.severity,
    findingIds: r.finding_ids,
    first: r.first,
    last: r.last,
  };
}

async function summaries(conn: DuckDBConnection, key: string | null): Promise<AccountSummary[]> {
  const reader = await conn.runAndReadAll(SUMMARY_SQL, { key }, { key: VARCHAR });
  return (reader.getRowObjectsJson() as unknown as SummaryRow[]).map(toSummary);
}

/** Every account a finding is about, most severe first. */
export async function accountStories(conn: DuckDBConnection): Promise<AccountSummary[]> {
  return summaries(conn, null);
}

/** The whole story of one account (by the key accountStories gives), or null when no finding names it. */
export async function accountStory(
  conn: DuckDBConnection,
  accountKey: string,
): Promise<AccountStoryWithTree | null> {
  const [summary] = await summaries(conn, accountKey);
  if (!summary) return null;
  const findings = await readFindingsById(conn, summary.findingIds);
  const story: AccountStoryWithTree = {
    ...summary,
    findings,
    lineage: storyLineage(findings),
    events: storyEvents(findings, summary.display),
    lineageTree: lineageTree(findings),
  };
  const session = storySession(findings);
  if (session) story.session = session;
  return story;
}
