// The SQL console against an attacker at the keyboard (issue 12, items 1 and 6): EXPLAIN runs only of a
// reading statement, so EXPLAIN ANALYZE can neither write a file nor change the console's session; a
// statement that changes the session anyway breaks nothing after it; and results are capped in bytes
// as well as rows, saying so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Result, SqlResult } from '../../../shared/api.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { SqlConsole } from '../../../electron/engine/service/sqlConsole.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { tempDir } from '../../support/paths.js';
import { buildFixtureCase, fixtureAnalytics } from './apiFixture.js';

let service: CaseService;
let cleanup: () => void;
let caseDir: string;
let writable: string[];

const runSql = (sql: string, limit?: number): Promise<Result<SqlResult>> =>
  service.invoke('runSql', { sql, ...(limit ? { limit } : {}) });

before(async () => {
  const t = tempDir('accountscope-sqlh-');
  cleanup = t.cleanup;
  caseDir = t.dir;
  const fixture = await buildFixtureCase(t.dir);
  service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
  // The folders DuckDB may still write to once the case is locked down: the import staging folder and
  // DuckDB's own spill folder.
  const dirs = await runSql("SELECT current_setting('allowed_directories') AS d");
  assert.ok(dirs.ok, JSON.stringify(dirs));
  writable = (dirs.value.rows[0]!['d'] as string[]).map((d) => d.replace(/\/$/, ''));
  assert.ok(
    writable.some((d) => d.includes('accountscope-stage-')),
    JSON.stringify(writable),
  );
});

after(async () => {
  await service.close();
  cleanup();
});

async function sourcesStillRead(): Promise<void> {
  const r = await runSql('SELECT count(*) AS n FROM sources');
  assert.ok(r.ok, `the console is broken: ${JSON.stringify(r)}`);
  assert.equal(r.value.rows[0]!['n'], 3);
}

test('EXPLAIN of anything but a reading statement is refused, and nothing is written', async () => {
  for (const sql of writable.flatMap((folder) => explainAttempts(`${folder}/planted.csv`))) {
    const r = await runSql(sql);
    assert.ok(!r.ok && r.error.code === 'SQL_REFUSED', `not refused: ${sql}: ${JSON.stringify(r)}`);
  }
  for (const folder of writable.filter((d) => existsSync(d)))
    assert.deepEqual(readdirSync(folder), [], `no file reached ${folder}`);
  await sourcesStillRead();
});

function explainAttempts(target: string): string[] {
  return [
    `EXPLAIN ANALYZE COPY (SELECT 'x') TO '${target}'`,
    `EXPLAIN (ANALYZE) COPY (SELECT 'x') TO '${target}'`,
    `EXPLAIN (ANALYZE, FORMAT json) COPY (SELECT 'x') TO '${target}'`,
    `explain /* hidden */ analyse COPY (SELECT 'x') TO '${target}' (FORMAT csv)`,
    `EXPLAIN COPY (SELECT 'x') TO '${target}'`,
    "EXPLAIN ANALYZE SET search_path = 'memory'",
    "EXPLAIN SET search_path = 'memory'",
    'EXPLAIN ANALYZE DELETE FROM findings',
    'EXPLAIN ANALYZE CHECKPOINT',
    'EXPLAIN ANALYZE PRAGMA threads = 1',
  ];
}

test('EXPLAIN and EXPLAIN ANALYZE of a SELECT still show the plan', async () => {
  for (const sql of [
    'EXPLAIN SELECT count(*) FROM win_events',
    'EXPLAIN ANALYZE SELECT count(*) FROM win_events',
    'EXPLAIN (FORMAT json) SELECT 1',
    'EXPLAIN (ANALYZE, FORMAT json) FROM signins',
    '-- why\nEXPLAIN ANALYZE (SELECT 1)',
    'EXPLAIN SUMMARIZE signins',
  ]) {
    const r = await runSql(sql);
    assert.ok(r.ok, `${sql}: ${JSON.stringify(r)}`);
    assert.ok(r.value.rows.length > 0 && /plan/.test(String(r.value.rows[0]!['explain_key'])), sql);
  }
  const analyzed = await runSql('EXPLAIN ANALYZE SELECT count(*) FROM win_events');
  assert.ok(analyzed.ok && analyzed.value.rows[0]!['explain_key'] === 'analyzed_plan');
  const bound = await service.invoke('runSql', {
    sql: 'EXPLAIN ANALYZE SELECT count(*) FROM signins WHERE ip = $ip',
    params: { ip: '203.0.113.5' },
  });
  assert.ok(bound.ok, JSON.stringify(bound));
});

test('a result of a few huge values is capped in bytes and says so', async () => {
  const r = await runSql("SELECT i, repeat('x', 10000000) AS big FROM range(3) t(i)");
  assert.ok(r.ok, JSON.stringify(r));
  const bytes = Buffer.byteLength(JSON.stringify(r.value));
  assert.ok(bytes < 9 * 1024 * 1024, `${bytes} bytes came back`);
  assert.equal(r.value.truncated, true);
  assert.equal(r.value.truncatedBy, 'bytes');
  assert.deepEqual(
    r.value.rows.map((row) => row['i']),
    [0, 1, 2],
  );
  const big = String(r.value.rows[0]!['big']);
  assert.match(big, /^x+… \[cut: \d+ more characters\]$/);
});

test('many middling rows stop at the byte cap, whole rows only, before the row limit', async () => {
  const r = await runSql("SELECT i, repeat('y', 100000) AS v FROM range(1000) t(i)", 1000);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.truncated, true);
  assert.equal(r.value.truncatedBy, 'bytes');
  assert.ok(r.value.rows.length > 10 && r.value.rows.length < 1000, `${r.value.rows.length} rows`);
  assert.ok(Buffer.byteLength(JSON.stringify(r.value)) <= 8 * 1024 * 1024 + 4096);
  for (const row of r.value.rows) assert.equal(String(row['v']).length, 100000, 'no row is cut');
  const byRows = await runSql('SELECT * FROM range(50)', 10);
  assert.ok(byRows.ok && byRows.value.truncated && byRows.value.truncatedBy === 'rows');
  const whole = await runSql('SELECT * FROM range(5)', 10);
  assert.ok(whole.ok && !whole.value.truncated && whole.value.truncatedBy === undefined);
});

test("a statement that changes the console's session breaks nothing after it", async () => {
  const db = await openCase(join(caseDir, 'isolated.duckdb'));
  const handedOut: DuckDBConnection[] = [];
  const sqlConsole = new SqlConsole(async () => {
    const conn = await db.connect();
    handedOut.push(conn);
    return conn;
  });
  try {
    const count = 'SELECT count(*) AS n FROM sources';
    assert.deepEqual((await sqlConsole.run(count)).rows, [{ n: 0 }]);
    // As if a statement had slipped past every fence and moved the session off the case.
    await handedOut[0]!.run("SET search_path = 'memory'");
    assert.deepEqual((await sqlConsole.run(count)).rows, [{ n: 0 }]);
    assert.equal(handedOut.length, 2, 'the console started over on a fresh connection');
    assert.deepEqual((await sqlConsole.run(count)).rows, [{ n: 0 }]);
    assert.equal(handedOut.length, 2, 'and keeps it while its session is as opened');
  } finally {
    await sqlConsole.close();
    db.close();
  }
});
