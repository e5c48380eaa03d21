// The SQL console runs the user's SQL: only one reading statement, capped, JSON-safe, interruptible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Result, SqlResult } from '../../../shared/api.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { leadingKeyword, SqlConsole } from '../../../electron/engine/service/sqlConsole.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { tempDir } from '../../support/paths.js';
import { buildFixtureCase, fixtureAnalytics } from './apiFixture.js';

let service: CaseService;
let cleanup: () => void;
let dir: string;

before(async () => {
  const t = tempDir('accountscope-sql-');
  cleanup = t.cleanup;
  dir = t.dir;
  const fixture = await buildFixtureCase(t.dir);
  service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
});

after(async () => {
  await service.close();
  cleanup();
});

const runSql = (
  sql: string,
  extra: { limit?: number; params?: Record<string, unknown> } = {},
): Promise<Result<SqlResult>> => service.invoke('runSql', { sql, ...extra });

test('a SELECT runs and its rows are JSON-safe (BIGINT as number, wide integers as text)', async () => {
  const r = await runSql(
    'SELECT count(*) AS n, 9007199254740993::HUGEINT AS wide, max(ts) AS last, list(DISTINCT host ORDER BY host) FILTER (WHERE host IS NOT NULL) AS hosts FROM win_events',
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.value.columns, ['n', 'wide', 'last', 'hosts']);
  assert.deepEqual(r.value.rows[0], {
    n: 13,
    wide: '9007199254740993',
    last: '2024-03-05 10:33:00',
    hosts: ['DC01', 'WS01', 'WS02'],
  });
  assert.equal(r.value.truncated, false);
  assert.doesNotThrow(() => JSON.stringify(r));
});

test('WITH, EXPLAIN, SUMMARIZE, DESCRIBE and bound parameters are accepted', async () => {
  for (const sql of [
    'WITH t AS (SELECT 1 AS x) SELECT * FROM t',
    'EXPLAIN SELECT * FROM win_events',
    'SUMMARIZE signins',
    'DESCRIBE findings',
    '-- a comment first\n/* and another */ (SELECT 1)',
  ]) {
    const r = await runSql(sql);
    assert.ok(r.ok, `${sql}: ${JSON.stringify(r)}`);
  }
  const r = await runSql('SELECT count(*) AS n FROM signins WHERE ip = $ip', {
    params: { ip: '203.0.113.5' },
  });
  assert.ok(r.ok && r.value.rows[0]!['n'] === 17);
});

test('list parameters bind as lists; a name without a value is asked for', async () => {
  const r = await runSql(
    'SELECT count(*) AS n FROM signins WHERE list_contains($codes, error_code) AND list_contains($ips, ip)',
    {
      params: { codes: [50034], ips: ['203.0.113.5'] },
    },
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.rows[0]!['n'], 8);
  const missing = await runSql('SELECT $nobody_gave_this AS x');
  assert.ok(!missing.ok && /\$nobody_gave_this/.test(missing.error.message));
});

test('analytic parameters and the allowlist default to the case settings', async () => {
  const r = await runSql(
    'SELECT $lineage_max_depth AS depth, len($allow_hosts) AS hosts, $account_tools AS tools',
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(typeof r.value.rows[0]!['depth'], 'number');
  assert.equal(r.value.rows[0]!['hosts'], 0);
  assert.ok(Array.isArray(r.value.rows[0]!['tools']));
  const given = await runSql('SELECT $lineage_max_depth AS depth', { params: { lineage_max_depth: 3 } });
  assert.ok(given.ok && given.value.rows[0]!['depth'] === 3, 'a given value wins');
  const wrongType = await runSql('SELECT $lineage_max_depth AS depth', {
    params: { lineage_max_depth: 'deep' },
  });
  assert.ok(!wrongType.ok && wrongType.error.code === 'BAD_REQUEST');
});

test('results are capped at the row limit and say so', async () => {
  const r = await runSql('SELECT * FROM range(5000)', { limit: 10 });
  assert.ok(r.ok);
  assert.equal(r.value.rows.length, 10);
  assert.equal(r.value.truncated, true);
});

const REFUSED = [
  "COPY win_events TO '/tmp/accountscope-out.csv'",
  "ATTACH '/tmp/other.duckdb' AS other",
  'INSTALL httpfs',
  'LOAD httpfs',
  "SELECT * FROM read_csv('/etc/passwd')",
  "SELECT * FROM read_text('/etc/hostname')",
  'CREATE TABLE stolen AS SELECT * FROM win_events',
  'DELETE FROM findings',
  'UPDATE settings SET value = 1',
  'INSERT INTO settings VALUES (1, 2, 3)',
  'DROP TABLE findings',
  'SELECT 1; SELECT 2',
  'SELECT 1; DELETE FROM findings',
  'PRAGMA show_tables',
  'SET threads = 1',
  'SET enable_external_access = true',
  'CALL pragma_version()',
  'CHECKPOINT',
  'EXPLAIN ANALYZE DELETE FROM findings',
  'BEGIN TRANSACTION',
  "EXPORT DATABASE '/tmp/x'",
  "SELECT * FROM query('DELETE FROM findings')",
];

test('everything but one reading statement is refused, and the case is unchanged', async () => {
  for (const sql of REFUSED) {
    const r = await runSql(sql);
    assert.equal(r.ok, false, `not refused: ${sql}`);
  }
  const after = await runSql(
    'SELECT (SELECT count(*) FROM findings) AS f, (SELECT count(*) FROM settings) AS s',
  );
  assert.ok(after.ok);
  assert.equal(after.value.rows[0]!['f'], 4, 'findings intact');
  const tables = await runSql("SELECT table_name FROM information_schema.tables WHERE table_name = 'stolen'");
  assert.ok(tables.ok && tables.value.rows.length === 0);
});

test('refusals name the reason', async () => {
  const two = await runSql('SELECT 1; SELECT 2');
  assert.ok(!two.ok && two.error.code === 'SQL_REFUSED' && /one statement/.test(two.error.message));
  const del = await runSql('DELETE FROM findings');
  assert.ok(!del.ok && del.error.code === 'SQL_REFUSED' && /DELETE/.test(del.error.message));
  const bad = await runSql('SELEC 1');
  assert.ok(!bad.ok && bad.error.code === 'SQL_REFUSED');
  const syntax = await runSql('SELECT FROM WHERE');
  assert.ok(!syntax.ok && syntax.error.code === 'SQL_ERROR');
});

test('a runaway query is interrupted at the timeout and the console keeps working', async () => {
  const db = await openCase(`${dir}/timeout.duckdb`);
  const sqlConsole = new SqlConsole(() => db.connect(), 300);
  const started = Date.now();
  await assert.rejects(sqlConsole.run('SELECT sum(hash(i)) FROM range(1000000000000) t(i)'), {
    code: 'SQL_TIMEOUT',
  });
  assert.ok(Date.now() - started < 5_000);
  const again = await sqlConsole.run('SELECT 42 AS answer');
  assert.deepEqual(again.rows, [{ answer: 42 }]);
  await sqlConsole.close();
  db.close();
});

test('leadingKeyword skips comments and parentheses', () => {
  assert.equal(leadingKeyword('  -- x\n /* y */ ((select 1))'), 'SELECT');
  assert.equal(leadingKeyword('/* unterminated'), '');
  assert.equal(leadingKeyword('pragma x'), 'PRAGMA');
});
