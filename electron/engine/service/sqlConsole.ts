// The SQL console: the one place where SQL text comes from the user. It has its own connection, so an
// interrupt stops only the console's query. What it agrees to run is decided in consoleStatement (one
// reading statement, EXPLAIN only of one); what it sends back is capped in rows and bytes (consoleRows).
// Each statement runs inside a READ ONLY transaction, and the case instance is locked down already (no
// files, no ATTACH, no extensions, no global SET).
//
// Settings a connection keeps for itself (search_path above all) are not frozen by lock_configuration:
// `EXPLAIN ANALYZE SET search_path='memory'` once left the console unable to find a table until the case
// was reopened. The fences stop every such statement known; in case one is ever missed, the console
// notes its session as it was opened and starts over on a fresh connection whenever it finds it changed,
// so no statement can break the ones after it.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlResult } from '../../../shared/api.js';
import { ServiceError } from './serviceError.js';
import { consoleBindings, type ConsoleDefaults } from './sqlParams.js';
import { refreshDerivedTables, resolveParams } from '../analytics/index.js';
import { vetConsoleSql } from './consoleStatement.js';
import { readConsoleRows } from './consoleRows.js';

export { leadingKeyword } from './consoleStatement.js';

export const DEFAULT_ROW_LIMIT = 1_000;
export const MAX_ROW_LIMIT = 100_000;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Everything about a connection's session a statement could change: where names resolve, and settings. */
const SESSION_FINGERPRINT = `SELECT current_database() || '.' || current_schema() || chr(10) ||
  string_agg(name || '=' || coalesce(value, ''), chr(10) ORDER BY name) AS f
  FROM duckdb_settings() WHERE scope = 'LOCAL'`;

async function sessionFingerprint(conn: DuckDBConnection): Promise<string> {
  const r = await conn.runAndReadAll(SESSION_FINGERPRINT);
  return String(r.getRowObjects()[0]!['f']);
}

export class SqlConsole {
  private conn: DuckDBConnection | null = null;
  /** The session as the connection was opened (see sessionFingerprint). */
  private baseline: string | null = null;
  /** One statement at a time: a connection runs one transaction, and a fresh one may replace it. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly connect: () => Promise<DuckDBConnection>,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** The console's connection, fresh when the session of the last one is no longer as it was opened. */
  private async session(): Promise<DuckDBConnection> {
    if (this.conn) {
      const now = await sessionFingerprint(this.conn).catch(() => null);
      if (now !== null && now === this.baseline) return this.conn;
      this.conn.closeSync();
      this.conn = null;
    }
    const conn = await this.connect();
    try {
      this.baseline = await sessionFingerprint(conn);
    } catch (e) {
      conn.closeSync();
      throw e;
    }
    this.conn = conn;
    return conn;
  }

  /**
   * The analytics read `processes` and `logon_sessions` as snapshots (the case's derived tables, through
   * TEMP views on their connection), because their lineage walks are recursive CTEs and DuckDB cannot run
   * the views' ASOF join inside one. The console reads the same snapshots, so an analytic's SQL runs here
   * exactly as it runs in the analysis: the case's when they are current, and otherwise TEMP tables of
   * its own, in this connection's memory. The console never writes to the case file.
   */
  private async ensureDerivedTables(conn: DuckDBConnection, defaults?: ConsoleDefaults): Promise<void> {
    const values = defaults?.values ?? {};
    const params = resolveParams(
      'process_parent_max_age_s' in values
        ? { process_parent_max_age_s: values['process_parent_max_age_s'] }
        : {},
    );
    // Kept up to date like the analysis' own: only hosts of newly imported files are rebuilt.
    await refreshDerivedTables(conn, params, { store: 'connection' });
  }

  run(
    sql: string,
    params: Readonly<Record<string, unknown>> = {},
    limit = DEFAULT_ROW_LIMIT,
    defaults?: ConsoleDefaults,
  ): Promise<SqlResult> {
    const result = this.queue.then(() => this.runNow(sql, params, limit, defaults));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow(
    sql: string,
    params: Readonly<Record<string, unknown>>,
    limit: number,
    defaults?: ConsoleDefaults,
  ): Promise<SqlResult> {
    if (this.closed) throw new ServiceError('CASE_ERROR', 'the case was closed');
    const rowLimit = Math.max(1, Math.min(limit, MAX_ROW_LIMIT));
    const started = performance.now();
    const conn = await this.session();
    const statement = await vetConsoleSql(conn, sql);
    try {
      await this.ensureDerivedTables(conn, defaults);
    } catch (e) {
      throw new ServiceError('SQL_ERROR', `could not prepare the analytics' tables: ${(e as Error).message}`);
    }
    let prepared;
    try {
      prepared = await conn.prepare(statement.text);
    } catch (e) {
      throw new ServiceError('SQL_ERROR', (e as Error).message);
    }
    if (prepared.statementType !== statement.expected) {
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
      conn.interrupt();
    }, this.timeoutMs);
    await conn.run('BEGIN TRANSACTION READ ONLY');
    try {
      if (prepared.parameterCount > 0) prepared.bind(bindings.values, bindings.types);
      // Streaming: rows are read a chunk at a time and reading stops at either cap.
      const read = await readConsoleRows(await prepared.stream(), rowLimit);
      return {
        columns: read.columns,
        rows: read.rows,
        truncated: read.truncatedBy !== undefined,
        ...(read.truncatedBy ? { truncatedBy: read.truncatedBy } : {}),
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
      await conn.run('ROLLBACK').catch(() => undefined);
    }
  }

  /** Stops the console's running query, if any (the UI's Stop button, or a case being closed). */
  interrupt(): void {
    this.conn?.interrupt();
  }

  /** Stops the running query, lets the queue drain, and closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.interrupt();
    await this.queue;
    this.conn?.closeSync();
    this.conn = null;
  }
}
