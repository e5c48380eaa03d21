// The derived tables are kept up to date rather than rebuilt (refreshDerivedTables.ts): after one more
// file, only the hosts that file names are rebuilt, and the result is exactly what a full build gives,
// including a parent and a logon that sit in an earlier file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';
import {
  refreshDerivedTables,
  resolveParams,
  runAnalytics,
} from '../../../electron/engine/analytics/index.js';

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

/** The snapshot and a fresh full resolve of the same case, as one fingerprint each. */
async function snapshotAndFresh(b: CaseBuilder): Promise<{ snapshot: string; fresh: string }> {
  const [r] = await b.rows(`SELECT
    (SELECT count(*) || '/' || sum(hash(t)) FROM temp.processes t)
      || ' ' || (SELECT count(*) || '/' || sum(hash(t)) FROM temp.logon_sessions t) AS snapshot,
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
    assert.equal((await refreshDerivedTables(b.conn, params)).mode, 'full');
    const ws02Before = await b.rows(
      `SELECT proc_key, parent_key FROM temp.processes WHERE host_key = 'ws02'`,
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
    const r = await refreshDerivedTables(b.conn, params);
    assert.deepEqual(r, { mode: 'hosts', hosts: ['ws01'] });

    const [net] = await b.rows(`SELECT p.image_name, parent.image_name AS parent_name, p.link_method
      FROM temp.processes p LEFT JOIN temp.processes parent ON parent.proc_key = p.parent_key
      WHERE p.image_name = 'net.exe'`);
    assert.deepEqual(net, { image_name: 'net.exe', parent_name: 'cmd.exe', link_method: 'pid-time' });
    const [session] = await b.rows(`SELECT end_event_id FROM temp.logon_sessions WHERE host_key = 'ws01'`);
    assert.equal(session!['end_event_id'], 4634, 'the logoff of the new file ends the old logon');
    assert.deepEqual(
      await b.rows(`SELECT proc_key, parent_key FROM temp.processes WHERE host_key = 'ws02'`),
      ws02Before,
      'a host the new file does not name is left as it was',
    );
    const s = await snapshotAndFresh(b);
    assert.equal(s.snapshot, s.fresh);

    assert.deepEqual(await refreshDerivedTables(b.conn, params), { mode: 'current', hosts: [] });
    // Sign-ins name no Windows host: a new source, nothing to rebuild.
    await b.add('signins.json', {
      signins: [{ ts: '2024-03-01T10:00:00Z', userPrincipalName: 'a@corp.com' }],
    });
    assert.deepEqual(await refreshDerivedTables(b.conn, params), { mode: 'hosts', hosts: [] });
  } finally {
    b.close();
  }
});

test('a different parent age, or a snapshot that was dropped, builds everything again', async () => {
  const b = await CaseBuilder.create();
  try {
    await b.add('first.xml', { win: [start('WS01', '2024-03-01T08:01:00Z', 0x100, 4, 'C:\\x\\cmd.exe')] });
    assert.equal((await refreshDerivedTables(b.conn, resolveParams({}))).mode, 'full');
    assert.equal((await refreshDerivedTables(b.conn, resolveParams({}))).mode, 'current');
    const other = resolveParams({ process_parent_max_age_s: 3600 });
    assert.equal((await refreshDerivedTables(b.conn, other)).mode, 'full');
    await b.conn.run('DROP TABLE temp.derived_sources');
    assert.equal((await refreshDerivedTables(b.conn, other)).mode, 'full');
  } finally {
    b.close();
  }
});

test('an analysis keeps the snapshot only when asked to, and then reuses it', async () => {
  const b = await CaseBuilder.create();
  try {
    await b.add('first.xml', { win: [start('WS01', '2024-03-01T08:01:00Z', 0x100, 4, 'C:\\x\\cmd.exe')] });
    const steps: string[] = [];
    const onTiming = (step: string): void => void steps.push(step);
    await runAnalytics(b.conn, { keepDerived: true, onTiming });
    await runAnalytics(b.conn, { keepDerived: true, onTiming });
    await b.add('second.xml', { win: [start('WS07', '2024-03-01T08:05:00Z', 0x300, 4, 'C:\\x\\cmd.exe')] });
    await runAnalytics(b.conn, { onTiming });
    const derived = steps.filter((s) => s.startsWith('derived tables'));
    assert.deepEqual(derived, ['derived tables', 'derived tables (unchanged)', 'derived tables (1 host)']);
    const [left] = await b.rows(
      `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary AND table_name = 'processes'`,
    );
    assert.equal(left!['n'], 0, 'a run without keepDerived frees the snapshot');
  } finally {
    b.close();
  }
});
