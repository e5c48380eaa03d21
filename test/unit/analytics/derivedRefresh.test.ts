// The derived tables are kept in the case and up to date rather than rebuilt (refreshDerivedTables.ts):
// after one more file, only the hosts that file names are rebuilt, and the result is exactly what a full
// build gives, including a parent and a logon that sit in an earlier file; a later connection (the next
// process) reuses them; the SQL console reads them without ever writing to the case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  refreshDerivedTables,
  resolveParams,
  runAnalytics,
} from '../../../electron/engine/analytics/index.js';
import type { DerivedRefresh } from '../../../electron/engine/analytics/refreshDerivedTables.js';
import type { ResolvedParams } from '../../../electron/engine/analytics/paramTypes.js';

const start = (host: string, ts: string, pid: number, parentPid: number, image: string): WinInput => ({
  eventId: 4688,
  host,
  ts,
  pid,
  parentPid,
  image,
  commandLine: image.split('\\').pop(),
  subjectUser: 'jdoe',
  subjectDomain: 'CORP',
  subjectLogonId: '0x1234',
});

const logon = (host: string, ts: string, logonId: string): WinInput => ({
  eventId: 4624,
  host,
  ts,
  targetUser: 'jdoe',
  targetDomain: 'CORP',
  targetLogonId: logonId,
  logonType: 3,
  ip: '10.0.0.9',
});

/** Refreshes as an analysis does, writing a full build into the case at once; the result without `keep`. */
async function refreshAndKeep(
  conn: DuckDBConnection,
  params: ResolvedParams,
): Promise<Omit<DerivedRefresh, 'keep'>> {
  const { keep, ...r } = await refreshDerivedTables(conn, params);
  await keep?.();
  return r;
}

/** The snapshot and a fresh full resolve of the same case, as one fingerprint each. */
async function snapshotAndFresh(b: CaseBuilder): Promise<{ snapshot: string; fresh: string }> {
  const [r] = await b.rows(`SELECT
    (SELECT count(*) || '/' || sum(hash(t)) FROM process_snapshot t)
      || ' ' || (SELECT count(*) || '/' || sum(hash(t)) FROM logon_session_snapshot t) AS snapshot,
    (SELECT count(*) || '/' || sum(hash(t)) FROM resolve_processes(max_parent_age := INTERVAL 7 DAY) t)
      || ' ' || (SELECT count(*) || '/' || sum(hash(t)) FROM resolve_logon_sessions() t) AS fresh`);
  return { snapshot: String(r!['snapshot']), fresh: String(r!['fresh']) };
}

test('after one more file only its hosts are rebuilt, and the snapshot equals a full build', async () => {
  const b = await CaseBuilder.create();
  try {
    const params = resolveParams({});
    await b.add('first.xml', {
      win: [
        logon('WS01', '2024-03-01T08:00:00Z', '0x1234'),
        start('WS01', '2024-03-01T08:01:00Z', 0x100, 4, 'C:\\Windows\\System32\\cmd.exe'),
        start('WS02', '2024-03-01T08:02:00Z', 0x500, 4, 'C:\\Windows\\explorer.exe'),
      ],
    });
    assert.deepEqual(await refreshAndKeep(b.conn, params), { mode: 'full', hosts: [], store: 'connection' });
    const ws02Before = await b.rows(
      `SELECT proc_key, parent_key FROM process_snapshot WHERE host_key = 'ws02'`,
    );

    // The second file's net.exe is a child of the first file's cmd.exe; its logoff ends the first
    // file's logon. Both links cross the files, on WS01 only.
    await b.add('second.xml', {
      win: [
        start('WS01', '2024-03-01T08:03:00Z', 0x200, 0x100, 'C:\\Windows\\System32\\net.exe'),
        {
          eventId: 4634,
          host: 'ws01',
          ts: '2024-03-01T09:00:00Z',
          targetLogonId: '0x1234',
          targetUser: 'jdoe',
        },
      ],
    });
    const r = await refreshAndKeep(b.conn, params);
    assert.deepEqual(r, { mode: 'hosts', hosts: ['ws01'], store: 'case' });

    const [net] = await b.rows(`SELECT p.image_name, parent.image_name AS parent_name, p.link_method
      FROM process_snapshot p LEFT JOIN process_snapshot parent ON parent.proc_key = p.parent_key
      WHERE p.image_name = 'net.exe'`);
    assert.deepEqual(net, { image_name: 'net.exe', parent_name: 'cmd.exe', link_method: 'pid-time' });
    const [session] = await b.rows(`SELECT end_event_id FROM logon_session_snapshot WHERE host_key = 'ws01'`);
    assert.equal(session!['end_event_id'], 4634, 'the logoff of the new file ends the old logon');
    assert.deepEqual(
      await b.rows(`SELECT proc_key, parent_key FROM process_snapshot WHERE host_key = 'ws02'`),
      ws02Before,
      'a host the new file does not name is left as it was',
    );
    const s = await snapshotAndFresh(b);
    assert.equal(s.snapshot, s.fresh);

    assert.deepEqual(await refreshAndKeep(b.conn, params), {
      mode: 'current',
      hosts: [],
      store: 'case',
    });
    // Sign-ins name no Windows host: a new source, nothing to rebuild.
    await b.add('signins.json', {
      signins: [{ ts: '2024-03-01T10:00:00Z', userPrincipalName: 'a@corp.com' }],
    });
    assert.deepEqual(await refreshAndKeep(b.conn, params), { mode: 'hosts', hosts: [], store: 'case' });
  } finally {
    b.close();
  }
});

test('a different parent age, or tables that were never built, builds everything again', async () => {
  const b = await CaseBuilder.create();
  try {
    await b.add('first.xml', { win: [start('WS01', '2024-03-01T08:01:00Z', 0x100, 4, 'C:\\x\\cmd.exe')] });
    assert.equal((await refreshAndKeep(b.conn, resolveParams({}))).mode, 'full');
    assert.equal((await refreshAndKeep(b.conn, resolveParams({}))).mode, 'current');
    const other = resolveParams({ process_parent_max_age_s: 3600 });
    assert.equal((await refreshAndKeep(b.conn, other)).mode, 'full');
    await b.conn.run('DELETE FROM derived_params');
    assert.equal((await refreshAndKeep(b.conn, other)).mode, 'full');
    // An event without a host cannot be placed in one host's rebuild: in memory in full, like the first.
    await b.add('hostless.xml', { win: [{ eventId: 4688, ts: '2024-03-01T08:02:00Z', pid: 0x200 }] });
    await b.conn.run(
      'UPDATE win_events SET host = NULL WHERE source_id = (SELECT max(source_id) FROM sources)',
    );
    const hostless = await refreshDerivedTables(b.conn, other);
    assert.deepEqual(
      [hostless.mode, hostless.store, typeof hostless.keep],
      ['full', 'connection', 'function'],
    );
    await hostless.keep!();
    const [kept] = await b.rows('SELECT count(*)::INTEGER AS n FROM process_snapshot');
    assert.equal(kept!['n'], 2);
  } finally {
    b.close();
  }
});

test('a later connection, as the next process would, analyses with the tables the case keeps', async () => {
  const b = await CaseBuilder.create();
  try {
    await b.add('first.xml', { win: [start('WS01', '2024-03-01T08:01:00Z', 0x100, 4, 'C:\\x\\cmd.exe')] });
    const steps: string[] = [];
    const onTiming = (step: string): void => void steps.push(step);
    const first = await runAnalytics(b.conn, { onTiming });
    const later = await b.db.connect();
    try {
      const again = await runAnalytics(later, { onTiming });
      assert.deepEqual(
        again.map((f) => f.id),
        first.map((f) => f.id),
      );
      await b.add('second.xml', { win: [start('WS07', '2024-03-01T08:05:00Z', 0x300, 4, 'C:\\x\\cmd.exe')] });
      await runAnalytics(later, { onTiming });
    } finally {
      later.closeSync();
    }
    const derived = steps.filter((s) => s.startsWith('derived tables'));
    assert.deepEqual(derived, [
      'derived tables',
      'derived tables kept in the case',
      'derived tables (unchanged)',
      'derived tables (1 host)',
    ]);
    const [temp] = await b.rows(
      `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary AND table_name = 'processes'`,
    );
    assert.equal(temp!['n'], 0, 'the analysis holds no copy of its own');
    const s = await snapshotAndFresh(b);
    assert.equal(s.snapshot, s.fresh);
  } finally {
    b.close();
  }
});

test('a full build is read from memory at once and written into the case afterwards', async () => {
  const b = await CaseBuilder.create();
  try {
    const params = resolveParams({});
    await b.add('first.xml', {
      win: [
        logon('WS01', '2024-03-01T08:00:00Z', '0x1234'),
        start('WS01', '2024-03-01T08:01:00Z', 0x100, 4, 'C:\\Windows\\System32\\cmd.exe'),
        start('WS01', '2024-03-01T08:02:00Z', 0x200, 0x100, 'C:\\Windows\\System32\\net.exe'),
      ],
    });
    const built = await refreshDerivedTables(b.conn, params);
    assert.equal(built.mode, 'full');
    assert.equal(built.store, 'connection');
    assert.ok(built.keep, 'a full build for the case comes with the work that keeps it');
    const [before] = await b.rows(`SELECT (SELECT count(*) FROM processes)::INTEGER AS read,
      (SELECT count(*) FROM process_snapshot)::INTEGER AS kept,
      (SELECT count(*) FROM derived_sources)::INTEGER AS sources`);
    assert.deepEqual(
      before,
      { read: 2, kept: 0, sources: 0 },
      'the analytics read it before the case has it',
    );

    // Never kept (the app closed first): the next refresh builds everything again.
    const other = await b.db.connect();
    try {
      const again = await refreshDerivedTables(other, params);
      assert.equal(again.mode, 'full');
      await again.keep!();
    } finally {
      other.closeSync();
    }
    await built.keep!();
    const s = await snapshotAndFresh(b);
    assert.equal(s.snapshot, s.fresh);
    const [after] = await b.rows(`SELECT
      (SELECT count(*) FROM duckdb_tables() WHERE temporary)::INTEGER AS temp_tables,
      (SELECT count(*) FROM duckdb_views() WHERE temporary AND view_name = 'processes')::INTEGER AS views,
      (SELECT count(*) FROM derived_sources)::INTEGER AS sources`);
    assert.deepEqual(after, { temp_tables: 0, views: 1, sources: 1 }, 'kept, the connection reads the case');
    assert.equal((await refreshDerivedTables(b.conn, params)).mode, 'current');
  } finally {
    b.close();
  }
});

test('an analysis hands the keeping of a full build to its caller, with the same findings', async () => {
  const b = await CaseBuilder.create();
  try {
    await b.add('first.xml', {
      win: [start('WS01', '2024-03-01T08:01:00Z', 0x100, 4, 'C:\\Windows\\System32\\cmd.exe')],
    });
    let keep: (() => Promise<void>) | undefined;
    const steps: string[] = [];
    const deferred = await runAnalytics(b.conn, {
      deferKeep: (k) => (keep = k),
      onTiming: (step) => void steps.push(step),
    });
    assert.ok(keep, 'the first analysis of the case leaves the keeping to its caller');
    const [unkept] = await b.rows('SELECT count(*)::INTEGER AS n FROM process_snapshot');
    assert.equal(unkept!['n'], 0);
    await keep();
    assert.ok(steps.includes('derived tables kept in the case'));
    const [kept] = await b.rows('SELECT count(*)::INTEGER AS n FROM process_snapshot');
    assert.equal(kept!['n'], 1);
    let again: (() => Promise<void>) | undefined;
    const second = await runAnalytics(b.conn, { deferKeep: (k) => (again = k) });
    assert.equal(again, undefined, 'an unchanged case has nothing to keep');
    assert.deepEqual(
      second.map((f) => f.id),
      deferred.map((f) => f.id),
    );
  } finally {
    b.close();
  }
});

test("the SQL console reads the case's tables when they are current and never writes them", async () => {
  const b = await CaseBuilder.create();
  try {
    const params = resolveParams({});
    await b.add('first.xml', { win: [start('WS01', '2024-03-01T08:01:00Z', 0x100, 4, 'C:\\x\\cmd.exe')] });
    const console = await b.db.connect();
    try {
      const store = { store: 'connection' } as const;
      // Never built: the console builds its own, and the case's stay empty.
      assert.deepEqual(await refreshDerivedTables(console, params, store), {
        mode: 'full',
        hosts: [],
        store: 'connection',
      });
      const [empty] = await b.rows('SELECT count(*)::INTEGER AS n FROM derived_sources');
      assert.equal(empty!['n'], 0);
      const [own] = await (await console.runAndReadAll('SELECT count(*)::INTEGER FROM processes')).getRows();
      assert.equal(own![0], 1);

      // Once an analysis has built the case's, the console reads them and drops its own.
      await refreshAndKeep(b.conn, params);
      assert.deepEqual(await refreshDerivedTables(console, params, store), {
        mode: 'current',
        hosts: [],
        store: 'case',
      });
      const [kinds] = await (
        await console.runAndReadAll(
          `SELECT (SELECT count(*) FROM duckdb_tables() WHERE temporary)::INTEGER,
                  (SELECT count(*) FROM duckdb_views() WHERE temporary AND view_name = 'processes')::INTEGER`,
        )
      ).getRows();
      assert.deepEqual(kinds, [0, 1]);

      // A new file the analysis has not seen: the console's own tables again, the case's untouched.
      await b.add('second.xml', { win: [start('WS07', '2024-03-01T08:05:00Z', 0x300, 4, 'C:\\x\\cmd.exe')] });
      assert.equal((await refreshDerivedTables(console, params, store)).store, 'connection');
      const [n] = await (await console.runAndReadAll('SELECT count(*)::INTEGER FROM processes')).getRows();
      assert.equal(n![0], 2);
      const [kept] = await b.rows('SELECT count(*)::INTEGER AS n FROM process_snapshot');
      assert.equal(kept!['n'], 1, 'the console wrote nothing to the case');
    } finally {
      console.closeSync();
    }
  } finally {
    b.close();
  }
});
