// Runs a bulk INSERT on DuckDB's own background threads only.
//
// `DuckDBPreparedStatement.run()` executes on a libuv thread that takes part in the query: while
// DuckDB's background thread does the work, that thread keeps asking the scheduler for a task, and on
// an import's CSV loads this asking cost ~1.3 CPU-seconds per 324 MB file (measured: 3.9 CPU-s for the
// loads against 2.6 here, the same wall time) — CPU the parse workers need, since an import keeps every
// core busy. So the import starts the statement, leaves the work to DuckDB's background thread, and
// looks at the result's state every few milliseconds, which executes nothing. The analytics keep
// `run()`: there both threads do real work.
import duckdb from '@duckdb/node-bindings';
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';

const POLL_MS = 2;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * True when DuckDB has a background thread to leave work to. With `threads` at 1 nobody but the caller
 * executes tasks, and a statement left to the background would never finish.
 */
export async function hasBackgroundThreads(conn: DuckDBConnection): Promise<boolean> {
  const r = await conn.runAndReadAll(
    "SELECT current_setting('threads')::BIGINT - current_setting('external_threads')::BIGINT",
  );
  return Number(r.getRows()[0]![0]) >= 1;
}

/** Runs a bound statement to completion on DuckDB's background threads; throws DuckDB's error. */
export async function runOnDuckDbThreads(stmt: DuckDBPreparedStatement): Promise<void> {
  const pending = stmt.start();
  // The handle is private to node-api's wrapper, which only offers to run tasks on the caller's thread.
  const handle = pending['pending_result'];
  for (;;) {
    const state = duckdb.pending_execute_check_state(handle);
    if (state === duckdb.PendingState.RESULT_READY || state === duckdb.PendingState.ERROR) break;
    await sleep(POLL_MS);
  }
  // Ready (or failed): this collects the result, or rejects with the query's error.
  await pending.getResult();
}
