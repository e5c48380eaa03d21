// Copies the tables of several cases into a new case, table by table as store/mergeRules.ts declares,
// in one DuckDB instance of its own.
//
// That instance attaches each case READ_ONLY and the new case read-write, and is then locked down like
// any case (no extensions, external access off, configuration frozen): DuckDB lets it reach the files
// it attached and nothing else, so no SQL of the merge could read or write another file. The rows never
// pass through JavaScript: each copy is one INSERT … SELECT that DuckDB streams from case to case, so
// memory stays within the instance's limit however big the cases are. No case this process has open
// elsewhere may be attached here (see usecases/mergeCases.ts): two instances on one file in one process
// would share its lock.
import {
  INTEGER,
  LIST,
  listValue,
  type DuckDBConnection,
  type DuckDBInstance as Instance,
} from '@duckdb/node-api';
import { availableParallelism } from 'node:os';
import type { MergeConflict } from '../../../shared/api.js';
import { DuckDBInstance } from './duckdbApi.js';
import { MERGE_RULES, UnmergeableTableError, tablesWithoutRule, type MergeRule } from './mergeRules.js';
import { settingsConflicts, type CaseSettings } from './mergeSettings.js';
import { CASE_CATALOG, ROW_GROUP_SIZE, caseInUse, sqlStringLiteral } from './openCase.js';
import { planSources, type CaseSource, type SourcePlan } from './sourcePlan.js';

export interface MergeInput {
  /** The file to read (a case, or an upgraded copy of one). */
  path: string;
  /** The case as the user named it, for every message and the summary. */
  name: string;
}

export interface MergeProgress {
  step: string;
  done: number;
  total: number;
}

export interface MergeCopyOptions {
  /** DuckDB's memory for the merge; it spills to `<target>.tmp` beyond it. */
  memoryLimit?: string;
  threads?: number;
  onProgress?: (p: MergeProgress) => void;
  /** Called once the instance is locked down, before any row is copied (the tests probe it). */
  onLockedDown?: (conn: DuckDBConnection) => Promise<void>;
  /** The rules (MERGE_RULES; a test adds a table of its own). */
  rules?: Readonly<Record<string, MergeRule>>;
}

export interface MergeCopyResult {
  plan: SourcePlan;
  /** Rows per table of each case, as read. */
  rowsPerCase: Array<Record<string, number>>;
  conflicts: MergeConflict[];
}

/**
 * DuckDB's memory for a merge. The copies stream; the limit bounds what DuckDB caches of the blocks it
 * reads and writes, and RSS follows it. Measured copying the bench corpus's seven one-file cases (1.44 GB,
 * 1.5 M rows) into one: 128 MB, 455 MB peak RSS; 256 MB, 697–728 MB; 384–512 MB, 946–986 MB; the CPU
 * time the same at every limit (36–44 CPU-s, within this shared machine's noise).
 */
export const MERGE_MEMORY_LIMIT = '256MB';

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const inputCatalog = (i: number): string => `merge_in_${i}`;

async function rows(conn: DuckDBConnection, sql: string, values: Record<string, string> = {}) {
  return (await conn.runAndReadAll(sql, values)).getRowObjectsJson();
}

async function openInstance(target: string, opts: MergeCopyOptions): Promise<Instance> {
  return DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
    memory_limit: opts.memoryLimit ?? MERGE_MEMORY_LIMIT,
    threads: String(opts.threads ?? Math.max(2, availableParallelism())),
    max_temp_directory_size: '8GB',
    temp_directory: `${target}.tmp`,
  });
}

/** No directory, external access off, configuration frozen: only the attached files stay reachable. */
async function lockDown(conn: DuckDBConnection): Promise<void> {
  await conn.run('SET allowed_directories = []');
  await conn.run('SET enable_external_access = false');
  await conn.run('SET lock_configuration = true');
}

async function tablesOf(conn: DuckDBConnection, catalog: string): Promise<string[]> {
  const r = await rows(
    conn,
    'SELECT table_name FROM duckdb_tables() WHERE database_name = $db AND NOT temporary ORDER BY 1',
    { db: catalog },
  );
  return r.map((t) => String(t['table_name']));
}

async function schemaVersion(conn: DuckDBConnection, catalog: string): Promise<number> {
  const r = await rows(
    conn,
    `SELECT coalesce(max(version), 0)::INTEGER AS v FROM ${catalog}.schema_migrations`,
  );
  return Number(r[0]!['v']);
}

async function readSources(conn: DuckDBConnection, input: number): Promise<CaseSource[]> {
  const r = await rows(
    conn,
    `SELECT source_id, sha256, name, events,
            format <> 'rejected' AND (events > 0 OR skipped > 0 OR error_count > 0) AS imported
       FROM ${inputCatalog(input)}.sources ORDER BY source_id`,
  );
  return r.map((s) => ({
    input,
    sourceId: Number(s['source_id']),
    sha256: String(s['sha256']),
    name: String(s['name']),
    imported: s['imported'] === true,
    events: Number(s['events']),
  }));
}

async function readSettings(conn: DuckDBConnection, input: number, name: string): Promise<CaseSettings> {
  const r = await rows(conn, `SELECT key, value::VARCHAR AS value FROM ${inputCatalog(input)}.settings`);
  return { case: name, values: new Map(r.map((s) => [String(s['key']), String(s['value'])])) };
}

/**
 * Copies a table of rows read from evidence (and the sources table itself) from one case: its own
 * source ids plus the case's offset, without the files another case's copy stands for.
 */
async function copyEvidenceRows(
  conn: DuckDBConnection,
  table: string,
  input: number,
  plan: SourcePlan,
): Promise<void> {
  const dropped = plan.dropped[input]!;
  const where = dropped.length > 0 ? 'WHERE NOT list_contains($dropped, source_id)' : '';
  await conn.run(
    `INSERT INTO ${CASE_CATALOG}.${ident(table)} BY NAME
     SELECT * REPLACE (source_id + $offset AS source_id) FROM ${inputCatalog(input)}.${ident(table)} ${where}`,
    { offset: plan.offsets[input]!, ...(dropped.length > 0 ? { dropped: listValue(dropped) } : {}) },
    { offset: INTEGER, ...(dropped.length > 0 ? { dropped: LIST(INTEGER) } : {}) },
  );
}

/** Every source of every case → its id in the merged case, for tables that point at evidence by id. */
async function writeSourceMap(conn: DuckDBConnection, plan: SourcePlan): Promise<void> {
  await conn.run('CREATE TEMP TABLE merge_source_map (input INTEGER, old_id INTEGER, new_id INTEGER)');
  await conn.run(
    'INSERT INTO temp.merge_source_map SELECT unnest($i), unnest($o), unnest($n)',
    {
      i: listValue(plan.ids.map((x) => x.input)),
      o: listValue(plan.ids.map((x) => x.oldId)),
      n: listValue(plan.ids.map((x) => x.newId)),
    },
    { i: LIST(INTEGER), o: LIST(INTEGER), n: LIST(INTEGER) },
  );
}

/** A union table (an analyst's records): every case's rows, one per key; differences reported. */
async function mergeUnion(
  conn: DuckDBConnection,
  table: string,
  rule: Extract<MergeRule, { kind: 'union' }>,
  names: readonly string[],
): Promise<MergeConflict[]> {
  const columns = (
    await rows(
      conn,
      'SELECT column_name FROM duckdb_columns() WHERE database_name = $db AND table_name = $t ORDER BY column_index',
      { db: CASE_CATALOG, t: table },
    )
  ).map((c) => String(c['column_name']));
  const mapped = columns.includes('source_id');
  const parts = names.map((_, i) =>
    mapped
      ? `SELECT ${i} AS merge_input, t.* REPLACE (coalesce(m.new_id, t.source_id) AS source_id)
           FROM ${inputCatalog(i)}.${ident(table)} t
           LEFT JOIN temp.merge_source_map m ON m.input = ${i} AND m.old_id = t.source_id`
      : `SELECT ${i} AS merge_input, * FROM ${inputCatalog(i)}.${ident(table)}`,
  );
  await conn.run(`CREATE OR REPLACE TEMP TABLE merge_rows AS ${parts.join(' UNION ALL BY NAME ')}`);
  const key = rule.key.map(ident).join(', ');
  const compared = columns.filter((c) => !rule.key.includes(c) && !(rule.ignore ?? []).includes(c));
  const struct = (cols: readonly string[]) =>
    `{${cols.map((c) => `${sqlStringLiteral(c)}: ${ident(c)}`).join(', ')}}`;
  const conflicts: MergeConflict[] = [];
  if (compared.length > 0) {
    const differing = await rows(
      conn,
      `SELECT to_json(${struct(rule.key)})::VARCHAR AS key,
              list({'input': merge_input, 'row': to_json(${struct(compared)})::VARCHAR} ORDER BY merge_input) AS rows
         FROM temp.merge_rows GROUP BY ${key}
       HAVING count(DISTINCT to_json(${struct(compared)})::VARCHAR) > 1
        ORDER BY 1`,
    );
    for (const d of differing) {
      const perCase = d['rows'] as Array<{ input: number; row: string }>;
      conflicts.push({
        item: `${table} ${String(d['key'])}`,
        values: perCase.map((r) => ({ case: names[Number(r.input)]!, value: r.row })),
        kept: names[Number(perCase[0]!.input)]!,
      });
    }
  }
  // What the merged case's own migrations put there (a default tag set) gives way to the cases' rows.
  await conn.run(`DELETE FROM ${CASE_CATALOG}.${ident(table)}`);
  await conn.run(
    `INSERT INTO ${CASE_CATALOG}.${ident(table)} BY NAME
     SELECT * EXCLUDE (merge_input) FROM temp.merge_rows
     QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY merge_input) = 1`,
  );
  await conn.run('DROP TABLE temp.merge_rows');
  return conflicts;
}

/** Refuses what cannot be merged whole: a table with no rule, a case of another schema version. */
async function checkCases(
  conn: DuckDBConnection,
  inputs: readonly MergeInput[],
  rules: Readonly<Record<string, MergeRule>>,
): Promise<string[]> {
  const targetTables = await tablesOf(conn, CASE_CATALOG);
  const missing = tablesWithoutRule(targetTables, rules);
  if (missing.length > 0) throw new UnmergeableTableError('the merged case', missing);
  const version = await schemaVersion(conn, CASE_CATALOG);
  for (const [i, input] of inputs.entries()) {
    const tables = await tablesOf(conn, inputCatalog(i));
    const unknown = tablesWithoutRule(tables, rules);
    if (unknown.length > 0) throw new UnmergeableTableError(input.name, unknown);
    const v = await schemaVersion(conn, inputCatalog(i));
    if (v !== version)
      throw new Error(`${input.name} has schema ${v}, the merged case ${version}: it must be upgraded first`);
  }
  return targetTables;
}

/**
 * Merges `inputs` into the empty case at `target` (made by openCase, so it has this build's schema; every
 * input must have it too). Findings are not copied: the caller runs the analytics on the result.
 */
export async function mergeTables(
  target: string,
  inputs: readonly MergeInput[],
  opts: MergeCopyOptions = {},
): Promise<MergeCopyResult> {
  const instance = await openInstance(target, opts);
  let conn: DuckDBConnection | null = null;
  try {
    conn = await instance.connect();
    for (const [i, input] of inputs.entries()) {
      await conn
        .run(`ATTACH ${sqlStringLiteral(input.path)} AS ${inputCatalog(i)} (READ_ONLY)`)
        .catch((e: Error) => {
          throw (
            caseInUse(input.name, e) ?? new Error(`${input.name} could not be read as a case: ${e.message}`)
          );
        });
    }
    await conn.run(
      `ATTACH ${sqlStringLiteral(target)} AS ${CASE_CATALOG} (ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
    );
    await conn.run(`USE ${CASE_CATALOG}`);
    await lockDown(conn);
    await opts.onLockedDown?.(conn);
    const rules = opts.rules ?? MERGE_RULES;
    const tables = await checkCases(conn, inputs, rules);
    const names = inputs.map((i) => i.name);

    const sources: CaseSource[] = [];
    for (const i of inputs.keys()) sources.push(...(await readSources(conn, i)));
    const plan = planSources(sources, inputs.length);
    const copied = tables.filter((t) => ['sources', 'evidence'].includes(rules[t]!.kind));
    const rowsPerCase: Array<Record<string, number>> = [];
    for (const i of inputs.keys()) {
      const counts: Record<string, number> = {};
      for (const t of copied) {
        const r = await rows(conn, `SELECT count(*)::BIGINT AS n FROM ${inputCatalog(i)}.${ident(t)}`);
        counts[t] = Number(r[0]!['n']);
      }
      rowsPerCase.push(counts);
    }
    const total = rowsPerCase.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
    let done = 0;
    // The sources first: every other row points at one.
    for (const t of ['sources', ...copied.filter((x) => x !== 'sources')]) {
      for (const [i, input] of inputs.entries()) {
        opts.onProgress?.({ step: `${t} from ${input.name}`, done, total });
        await copyEvidenceRows(conn, t, i, plan);
        done += rowsPerCase[i]![t] ?? 0;
      }
    }
    opts.onProgress?.({ step: 'settings', done, total });
    const settings: CaseSettings[] = [];
    for (const [i, input] of inputs.entries()) settings.push(await readSettings(conn, i, input.name));
    const conflicts = settingsConflicts(settings);
    await conn.run(`INSERT INTO ${CASE_CATALOG}.settings BY NAME SELECT * FROM ${inputCatalog(0)}.settings`);
    const unions = tables.filter((t) => rules[t]!.kind === 'union');
    if (unions.length > 0) await writeSourceMap(conn, plan);
    for (const t of unions) {
      opts.onProgress?.({ step: t, done, total });
      conflicts.push(
        ...(await mergeUnion(conn, t, rules[t] as Extract<MergeRule, { kind: 'union' }>, names)),
      );
    }
    await conn.run('CHECKPOINT');
    opts.onProgress?.({ step: 'copied', done: total, total });
    return { plan, rowsPerCase, conflicts };
  } finally {
    conn?.closeSync();
    instance.closeSync();
  }
}
