// The SQL console: the one place where SQL text comes from the user. It has its own connection, so an
// interrupt stops only the console's query, and three fences, each enough on its own for writes:
//   1. exactly one statement, and DuckDB itself must classify it as a SELECT or EXPLAIN;
//   2. its first word must be a reading one (PRAGMA and friends are rewritten to SELECTs by the parser,
//      so the statement type alone would let them through);
//   3. it runs inside a READ ONLY transaction, which also stops EXPLAIN ANALYZE of a DELETE.
// The case instance is locked down already (no files, no ATTACH, no extensions, no SET that sticks).
import { DuckDBTypeId, StatementType, type DuckDBConnection } from '@duckdb/node-api';
import type { SqlResult } from '../../../shared/api.js';
import { ServiceError } from './serviceError.js';
import { consoleBindings, type ConsoleDefaults } from './sqlParams.js';
import { refreshDerivedTables, resolveParams } from '../analytics/index.js';

export const DEFAULT_ROW_LIMIT = 1_000;
export const MAX_ROW_LIMIT = 100_000;
export const DEFAULT_TIMEOUT_MS = 30_000;

const READING_WORDS = new Set([
  'SELECT',
  'WITH',
  'EXPLAIN',
  'SUMMARIZE',
  'DESCRIBE',
  'SHOW',
  'FROM',
  'VALUES',
  'TABLE',
]);

/** The first keyword of a statement, past comments, whitespace and opening parentheses. */
export function leadingKeyword(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.replace(/^[\s(]+/, '');
    if (trimmed.startsWith('--')) rest = trimmed.replace(/^--[^\n]*(\n|$)/, '');
    else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      rest = end < 0 ? '' : trimmed.slice(end + 2);
    } else return (/^[A-Za-z_]+/.exec(trimmed)?.[0] ?? '').toUpperCase();
  }
}

// Integers past 2^53 would lose digits as JS numbers; they stay strings, everything smaller is a number.
const WIDE_INTEGERS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
]);

function narrowInteger(v: unknown): unknown {
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}

export class SqlConsole {
  /** What the derived-table snapshots were built from; rebuilt when the case or the parameter changes. */
  private derivedStamp: string | null = null;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /**
   * The analytics read `processes` and `logon_sessions` as snapshots (TEMP tables on their connection),
   * because their lineage walks are recursive CTEs and DuckDB cannot run the views' ASOF join inside
   * one. The console takes the same snapshots on its own connection, so an analytic's SQL runs here
   * exactly as it runs in the analysis. TEMP tables live in this connection's memory: the case file is
   * not touched.
   */
  private async ensureDerivedTables(defaults?: ConsoleDefaults): Promise<void> {
    const values = defaults?.values ?? {};
    const params = resolveParams(
      'process_parent_max_age_s' in values
        ? { process_parent_max_age_s: values['process_parent_max_age_s'] }
        : {},
    );
    const r = await this.conn.runAndReadAll(
      "SELECT count(*)::VARCHAR || '/' || coalesce(max(source_id), 0)::VARCHAR AS s FROM sources",
    );
    const stamp = `${String(r.getRowObjects()[0]!['s'])}/${String(params['process_parent_max_age_s'])}`;
    if (stamp === this.derivedStamp) return;
    await refreshDerivedTables(this.conn, params);
    this.derivedStamp = stamp;
  }

  /** Refuses anything but one reading statement; returns nothing, throws SQL_REFUSED with the reason. */
  async check(sql: string): Promise<void> {
    const word = leadingKeyword(sql);
    if (!READING_WORDS.has(word)) {
      throw new ServiceError(
        'SQL_REFUSED',
        `only SELECT, WITH, EXPLAIN, SUMMARIZE and DESCRIBE run here, not ${word || 'this'}`,
      );
    }
    let extracted;
    try {
      extracted = await this.conn.extractStatements(sql);
    } catch (e) {
      throw new ServiceError('SQL_ERROR', (e as Error).message);
    }
    if (extracted.count !== 1) {
      throw new ServiceError(
        'SQL_REFUSED',
        `one statement at a time, please (this text has ${extracted.count})`,
      );
    }
  }

  async run(
    sql: string,
    params: Readonly<Record<string, unknown>> = {},
    limit = DEFAULT_ROW_LIMIT,
    defaults?: ConsoleDefaults,
  ): Promise<SqlResult> {
    const rowLimit = Math.max(1, Math.min(limit, MAX_ROW_LIMIT));
    await this.check(sql);
    const started = performance.now();
    try {
      await this.ensureDerivedTables(defaults);
    } catch (e) {
      throw new ServiceError('SQL_ERROR', `could not prepare the analytics' tables: ${(e as Error).message}`);
    }
    let prepared;
    try {
      prepared = await this.conn.prepare(sql);
    } catch (e) {
      throw new ServiceError('SQL_ERROR', (e as Error).message);
    }
    if (prepared.statementType !== StatementType.SELECT && prepared.statementType !== StatementType.EXPLAIN) {
      prepared.destroySync();
      throw new ServiceError('SQL_REFUSED', 'only reading statements run in the SQL console');
    }
    let bindings;
    try {
      const names = Array.from({ length: prepared.parameterCount }, (_, i) => prepared.parameterName(i + 1));
      bindings = consoleBindings(names, params, defaults);
    } catch (e) {
      prepared.destroySync();
      throw e;
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.conn.interrupt();
    }, this.timeoutMs);
    await this.conn.run('BEGIN TRANSACTION READ ONLY');
    try {
      if (prepared.parameterCount > 0) prepared.bind(bindings.values, bindings.types);
      // Streaming stops reading once the row limit is passed, so a huge result is never materialised.
      const reader = await prepared.streamAndReadUntil(rowLimit + 1);
      const names = reader.deduplicatedColumnNames();
      const wide = names.map((_, i) => WIDE_INTEGERS.has(reader.columnTypeId(i)));
      const rows = reader.getRowObjectsJson().slice(0, rowLimit) as Array<Record<string, unknown>>;
      for (const row of rows) names.forEach((name, i) => wide[i] && (row[name] = narrowInteger(row[name])));
      return {
        columns: names,
        rows,
        truncated: reader.currentRowCount > rowLimit,
        elapsedMs: Math.round(performance.now() - started),
      };
    } catch (e) {
      if (timedOut)
        throw new ServiceError(
          'SQL_TIMEOUT',
          `the query ran past ${this.timeoutMs / 1000} s and was stopped`,
        );
      throw new ServiceError('SQL_ERROR', (e as Error).message);
    } finally {
      clearTimeout(timer);
      prepared.destroySync();
      await this.conn.run('ROLLBACK').catch(() => undefined);
    }
  }

  /** Stops the console's running query, if any (the UI's Stop button, or a case being closed). */
  interrupt(): void {
    this.conn.interrupt();
  }
}
