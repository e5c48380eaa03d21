// How each table of a case merges into a merged case (`accountscope merge`, usecases/mergeCases.ts).
//
// Every table a migration creates is declared here, once: a table with no rule would be dropped from
// the merged case without a word, so a merge refuses any case holding one (and a test checks that every
// migration's tables have a rule, so a new table cannot ship without one).
//
// The evidence decides what merges as what. The same file (by SHA-256) imported into two cases is one
// file: its rows are taken once, from one case. Findings are not copied but rebuilt: the analytics run
// again across every host of the merged case, which is the point of merging. What people chose (the
// settings, and an analyst's own records about the evidence) is never resolved quietly: where the cases
// differ, the first case named wins and every difference is reported with each case's value.

export type MergeRule =
  /** The evidence files: one per SHA-256 over all the cases (see planSources), with new ids. */
  | { kind: 'sources' }
  /**
   * Rows read from an evidence file, carrying its `source_id`: copied from the case whose copy of the file
   * is kept, with the file's new id; the other copies' rows are left out (they are the same rows).
   */
  | { kind: 'evidence' }
  /** The case's settings: the first case's; each setting another case holds differently is reported. */
  | { kind: 'settings' }
  /** Derived from the evidence by the analytics: not copied, rebuilt on the merged case. */
  | { kind: 'rebuilt' }
  /** The schema's own history: the merged case's migrations write it. */
  | { kind: 'schema' }
  /**
   * An analyst's records (tags, notes, statuses, bookmarks): the rows of every case, one per `key`. Rows
   * several cases hold alike go in once; where they differ on the other columns (but those in `ignore`,
   * such as when a row was written), the first case's row is kept and the difference reported. A
   * `source_id` column is mapped to the merged case's id for the same file, so a tag on an event of a
   * file both cases imported lands on the one copy kept.
   */
  | { kind: 'union'; key: readonly string[]; ignore?: readonly string[] };

export const MERGE_RULES: Readonly<Record<string, MergeRule>> = {
  schema_migrations: { kind: 'schema' },
  sources: { kind: 'sources' },
  source_errors: { kind: 'evidence' },
  win_events: { kind: 'evidence' },
  signins: { kind: 'evidence' },
  audits: { kind: 'evidence' },
  settings: { kind: 'settings' },
  analysis_runs: { kind: 'rebuilt' },
  findings: { kind: 'rebuilt' },
  finding_evidence: { kind: 'rebuilt' },
  finding_accounts: { kind: 'rebuilt' },
  // Migration 008 (the triage branch): a finding's review by its id (stable across runs and cases: the
  // analytics derive it from the evidence), an event's by table, file hash and record, the tag set by
  // tag. When and by whom a row was written is not a difference worth a conflict (two analysts marking
  // a finding confirmed agree), nor a review's anchors (the finding's own evidence).
  finding_triage: {
    kind: 'union',
    key: ['finding_id'],
    ignore: ['status_at', 'status_by', 'updated_at', 'anchors'],
  },
  event_triage: { kind: 'union', key: ['table_name', 'source_sha256', 'record_no'], ignore: ['updated_at'] },
  triage_tag_set: { kind: 'union', key: ['tag'], ignore: ['position'] },
  // Migration 010: the analysis' derived tables, restating win_events for the case's own sources.
  process_snapshot: { kind: 'rebuilt' },
  logon_session_snapshot: { kind: 'rebuilt' },
  derived_sources: { kind: 'rebuilt' },
  derived_params: { kind: 'rebuilt' },
  // Migration 011: counts of the events' names and fields, by rowid in the case that holds them; the merged
  // case's own are counted when it is analysed.
  event_names: { kind: 'rebuilt' },
  event_data_keys: { kind: 'rebuilt' },
  event_summary_coverage: { kind: 'rebuilt' },
};

/** A case holds a table no rule covers: merging it would lose that table. */
export class UnmergeableTableError extends Error {
  constructor(
    readonly casePath: string,
    readonly tables: string[],
  ) {
    super(
      `${casePath} holds ${tables.length === 1 ? 'a table' : 'tables'} this build has no merge rule for ` +
        `(${tables.join(', ')}): merging would lose ${tables.length === 1 ? 'it' : 'them'}, so nothing was ` +
        'merged. Each table of a case needs its rule in electron/engine/store/mergeRules.ts',
    );
    this.name = 'UnmergeableTableError';
  }
}

/** The tables of `tables` that have no rule. */
export function tablesWithoutRule(tables: readonly string[], rules = MERGE_RULES): string[] {
  return tables.filter((t) => !Object.hasOwn(rules, t));
}
