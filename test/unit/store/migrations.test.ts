import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../support/paths.js';
import {
  currentSchemaVersion,
  knownSchemaVersion,
  listMigrations,
  migrate,
} from '../../../electron/engine/store/migrate.js';
import { openCase } from '../../../electron/engine/store/openCase.js';

async function memoryConn() {
  const instance = await DuckDBInstance.create(':memory:');
  return { instance, conn: await instance.connect() };
}

async function tables(conn: Awaited<ReturnType<typeof memoryConn>>['conn']): Promise<string[]> {
  const r = await conn.runAndReadAll(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
  );
  return r.getRowObjects().map((x) => String(x['table_name']));
}

test('migrations are numbered 001.. without gaps or duplicates', () => {
  const versions = listMigrations().map((m) => m.version);
  assert.ok(versions.length >= 1);
  assert.deepEqual(
    versions,
    versions.map((_, i) => i + 1),
  );
});

test('001 creates the case tables with typed common fields', async () => {
  const { conn } = await memoryConn();
  await migrate(conn, 1);
  assert.equal(await currentSchemaVersion(conn), 1);
  const t = await tables(conn);
  for (const name of ['sources', 'source_errors', 'win_events', 'signins', 'audits', 'schema_migrations']) {
    assert.ok(t.includes(name), `missing table ${name}`);
  }
  const cols = await conn.runAndReadAll(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'win_events'`,
  );
  const types = Object.fromEntries(cols.getRowObjects().map((c) => [c['column_name'], c['data_type']]));
  assert.equal(types['ts'], 'TIMESTAMP');
  assert.equal(types['subject_logon_id'], 'BIGINT');
  assert.equal(types['pid'], 'BIGINT');
  assert.equal(types['event_id'], 'INTEGER');
  assert.equal(types['data'], 'JSON');
});

test('each migration applies on top of the previous one, once', async () => {
  const { conn } = await memoryConn();
  const all = listMigrations();
  for (const m of all) {
    const applied = await migrate(conn, m.version);
    assert.deepEqual(applied, [m.version], `migration ${m.version} (${m.name})`);
    assert.equal(await currentSchemaVersion(conn), m.version);
  }
  assert.deepEqual(await migrate(conn), [], 'a second run applies nothing');
});

test('a failed migration rolls back wholly and names itself', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, '001_good.sql'), 'CREATE TABLE a (x INTEGER);');
    // The second statement fails after the first succeeded: the table must not survive.
    writeFileSync(join(dir, '002_broken.sql'), 'CREATE TABLE b (x INTEGER); SELECT * FROM no_such_table;');
    const { conn } = await memoryConn();
    await assert.rejects(migrate(conn, Infinity, dir), /migration 2 \(broken\) failed/);
    assert.equal(await currentSchemaVersion(conn), 1);
    const t = await tables(conn);
    assert.ok(t.includes('a'));
    assert.ok(!t.includes('b'), 'a failed migration left a table behind');
  } finally {
    cleanup();
  }
});

test('005 keeps every raw record and column order, and new raw text is stored with FSST', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'case.duckdb');
    let instance = await DuckDBInstance.create(path);
    let conn = await instance.connect();
    await migrate(conn, 4);
    await conn.run(
      `INSERT INTO win_events (source_id, record_no, event_id, xml) VALUES (1, 1, 4720, '<Event>a</Event>')`,
    );
    await conn.run(`INSERT INTO signins (source_id, record_no, raw) VALUES (1, 1, '{"id":"s"}')`);
    await conn.run(`INSERT INTO audits (source_id, record_no, raw) VALUES (1, 1, '{"id":"a"}')`);
    const before = await columnOrder(conn);
    assert.deepEqual(await migrate(conn, 5), [5]);
    assert.deepEqual(await columnOrder(conn), before);
    const kept = await conn.runAndReadAll(
      `SELECT (SELECT xml FROM win_events), (SELECT raw FROM signins), (SELECT raw FROM audits)`,
    );
    assert.deepEqual(kept.getRows()[0], ['<Event>a</Event>', '{"id":"s"}', '{"id":"a"}']);
    conn.closeSync();
    instance.closeSync();

    // The choice survives reopening. Repeated values would get a dictionary if DuckDB chose.
    instance = await DuckDBInstance.create(path);
    conn = await instance.connect();
    await conn.run(
      `INSERT INTO win_events (source_id, record_no, host, xml)
       SELECT 2, i, 'HOST' || (i % 3), '<Event>' || (i % 3) || '</Event>' FROM range(100000) r(i)`,
    );
    await conn.run('CHECKPOINT');
    const storage = await conn.runAndReadAll(
      `SELECT DISTINCT column_name, compression FROM pragma_storage_info('win_events')
       WHERE column_name IN ('xml', 'host') AND segment_type = 'VARCHAR' AND compression <> 'Constant'`,
    );
    const byColumn = Object.fromEntries(storage.getRows().map(([c, k]) => [String(c), String(k)]));
    assert.equal(byColumn['xml'], 'FSST');
    assert.equal(byColumn['host'], 'Dictionary');
    conn.closeSync();
    instance.closeSync();
  } finally {
    cleanup();
  }
});

async function columnOrder(conn: DuckDBConnection): Promise<string[]> {
  const r = await conn.runAndReadAll(
    `SELECT table_name || '.' || column_name FROM information_schema.columns
     WHERE table_name IN ('win_events', 'signins', 'audits') ORDER BY table_name, ordinal_position`,
  );
  return r.getRows().map((x) => String(x[0]));
}

test('006 adds record_offset before xml, keeps every row, and xml stays FSST', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const instance = await DuckDBInstance.create(join(dir, 'case.duckdb'));
    const conn = await instance.connect();
    await migrate(conn, 5);
    await conn.run(
      `INSERT INTO win_events (source_id, record_no, event_id, xml)
       SELECT 1, i, 4720, '<Event>' || i || '</Event>' FROM range(1000) r(i)`,
    );
    assert.deepEqual(await migrate(conn, 6), [6]);
    const columns = await conn.runAndReadAll(
      `SELECT column_name FROM duckdb_columns() WHERE table_name = 'win_events' ORDER BY column_index`,
    );
    const names = columns.getRows().map(([c]) => String(c));
    assert.deepEqual(names.slice(-3), ['data', 'record_offset', 'xml']);
    const kept = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER, count(record_offset)::INTEGER, count(DISTINCT xml)::INTEGER FROM win_events WHERE event_id = 4720`,
    );
    assert.deepEqual(kept.getRows()[0], [1000, 0, 1000]);
    await conn.run('CHECKPOINT');
    const storage = await conn.runAndReadAll(
      `SELECT DISTINCT compression FROM pragma_storage_info('win_events')
       WHERE column_name = 'xml' AND segment_type = 'VARCHAR' AND compression <> 'Constant'`,
    );
    assert.deepEqual(storage.getRows(), [['FSST']]);
    conn.closeSync();
    instance.closeSync();
  } finally {
    cleanup();
  }
});

test('008 brings a case of 007 forward: its findings kept, empty triage tables, the default tag set', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'case.duckdb');
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await migrate(conn, 7);
    await conn.run(
      `INSERT INTO findings (finding_id, run_id, analytic, title, severity, severity_rank, confidence, first_ts,
         last_ts, hosts, accounts, explanation, finding_json)
       VALUES ('AN1604-00', 1, 'AN1604', 't', 'high', 3, 'high', TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-01',
         ['WS01'], ['x'], 'e', '{}')`,
    );
    conn.closeSync();
    instance.closeSync();

    // Opening the case as the app does upgrades it.
    const db = await openCase(path);
    try {
      assert.equal(
        await currentSchemaVersion(db.conn),
        knownSchemaVersion(),
        'every migration since 007 applied',
      );
      const kept = await db.conn.runAndReadAll('SELECT finding_id FROM findings');
      assert.deepEqual(kept.getRows(), [['AN1604-00']]);
      const counts = await db.conn.runAndReadAll(
        'SELECT (SELECT count(*) FROM finding_triage)::INTEGER, (SELECT count(*) FROM event_triage)::INTEGER',
      );
      assert.deepEqual(counts.getRows()[0], [0, 0]);
      const tags = await db.conn.runAndReadAll('SELECT tag FROM triage_tag_set ORDER BY position');
      assert.deepEqual(
        tags.getRows().map(([t]) => t),
        ['suspicious', 'benign', 'reviewed', 'follow up'],
      );
      // One review per finding.
      await db.conn.run(
        `INSERT INTO finding_triage VALUES ('AN1604-00', 'AN1604', 'new', NULL, NULL, [], '', false, now()::TIMESTAMP, [])`,
      );
      await assert.rejects(
        db.conn.run(
          `INSERT INTO finding_triage VALUES ('AN1604-00', 'AN1604', 'new', NULL, NULL, [], '', false, now()::TIMESTAMP, [])`,
        ),
        /constraint/i,
      );
    } finally {
      db.close();
    }
  } finally {
    cleanup();
  }
});
