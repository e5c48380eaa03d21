// Merging cases two analysts built apart, on the sample evidence split between them: the domain
// controller's logs and WS01's in one case, the admin workstation ADM01's and the same WS01 file in the
// other, each with settings of its own. The merged case holds each file once with its rows under new
// ids, the settings of the first case with every difference reported, and findings the analytics could
// only make across both: svc-report's creation on DC01 is linked to the admin tool on ADM01. Neither
// case is changed, and the merge's own DuckDB instance reaches no file but the cases it merges.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { mergeCases } from '../../../electron/engine/usecases/mergeCases.js';
import { knownSchemaVersion } from '../../../electron/engine/store/migrate.js';
import { openCase, selfTestLockdown } from '../../../electron/engine/store/openCase.js';
import { writeSetting } from '../../../electron/engine/service/settingsStore.js';
import { graphSignins, wevtutilFile } from '../../support/miniEvents.js';
import { projectRoot, sampleEvidenceDir, tempDir } from '../../support/paths.js';

let dir: string;
let cleanup: () => void;
let caseA: string;
let caseB: string;
let hashes: Map<string, string>;

const hashOf = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, 'bin', 'accountscope.js'), ...args], { encoding: 'utf8' });
const ev = (name: string) => join(sampleEvidenceDir, name);

async function query(path: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const db = await openCase(path, { readOnly: true });
  try {
    return (await db.conn.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

async function setSettings(path: string, values: Record<string, unknown>): Promise<void> {
  const db = await openCase(path);
  try {
    for (const [k, v] of Object.entries(values)) await writeSetting(db.conn, k, v);
  } finally {
    db.close();
  }
}

/** Per evidence file (by hash): its rows in a table, with a checksum of their values. */
const PER_FILE = (table: string) => `
  SELECT sha256, count(*)::INTEGER AS n, sum(hash(x))::VARCHAR AS h
    FROM (SELECT s.sha256, t.* EXCLUDE (source_id) FROM ${table} t JOIN sources s USING (source_id)) x
   GROUP BY 1 ORDER BY 1`;

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-merge-'));
  const own = join(dir, 'own-evidence');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(own);
  // A file with a located error (source_errors) and one of sign-ins, in the second case only.
  const full = wevtutilFile(10, 100);
  writeFileSync(join(own, 'truncated.xml'), full.slice(0, full.length - 300));
  writeFileSync(join(own, 'signins.json'), graphSignins(20));
  caseA = join(dir, 'dc-analyst.duckdb');
  caseB = join(dir, 'workstation-analyst.duckdb');
  let r = cli(
    'import',
    ev('DC01-Security-0309-0311.xml'),
    ev('DC01-Security-0312-0315.xml'),
    ev('WS01-Security.xml'),
    '--case',
    caseA,
  );
  assert.equal(r.status, 0, r.stderr);
  r = cli(
    'import',
    ev('ADM01-Security-ps.xml'),
    ev('ADM01-Sysmon.xml'),
    ev('WS01-Security.xml'),
    own,
    '--case',
    caseB,
  );
  assert.equal(r.status, 3, r.stderr); // the truncated file's error
  await setSettings(caseA, {
    params: { an1604_creation_window_s: 600 },
    allowlist: {
      accounts: [{ value: 'svc_backup', reason: 'nightly backup' }],
      tools: [],
      sourceIps: [],
      hosts: [],
    },
  });
  await setSettings(caseB, {
    timeZone: 'Europe/Amsterdam',
    allowlist: {
      accounts: [{ value: 'svc_backup', reason: 'nightly backup' }],
      tools: [],
      sourceIps: [],
      hosts: [],
    },
  });
  hashes = new Map([caseA, caseB].map((p) => [p, hashOf(p)]));
});

after(() => cleanup());

test('each evidence file once, its rows under new ids, settings conflicts reported, both cases unchanged', async () => {
  const merged = join(dir, 'all.duckdb');
  const probes: Array<{ statement: string; refused: boolean }> = [];
  let allowed = '';
  const summary = await mergeCases([{ path: caseA }, { path: caseB }], merged, {
    onLockedDown: async (conn: DuckDBConnection) => {
      probes.push(...(await selfTestLockdown(conn)));
      const r = await conn.runAndReadAll(
        "SELECT current_setting('allowed_paths')::VARCHAR[] AS paths, current_setting('allowed_directories')::VARCHAR[] AS dirs",
      );
      allowed = JSON.stringify(r.getRowObjectsJson()[0]);
    },
  });
  for (const [p, h] of hashes) assert.equal(hashOf(p), h, `${p} is unchanged`);

  // The merge's instance refused every way out, and could reach only the files it attached.
  assert.ok(probes.length >= 7);
  for (const p of probes) assert.ok(p.refused, `${p.statement} was refused`);
  const { paths, dirs } = JSON.parse(allowed) as { paths: string[]; dirs: string[] };
  for (const p of paths)
    assert.ok(
      [caseA, caseB].some((c) => p.startsWith(c)) || p.includes('.merging-'),
      `allowed path ${p} is a merged case's or the new case's`,
    );
  assert.ok(
    dirs.every((d) => d.includes('.merging-')),
    `allowed folders: ${dirs.join(', ')}`,
  );

  // WS01-Security.xml was in both: one source row, its events once.
  assert.equal(summary.duplicates.length, 1);
  assert.equal(summary.duplicates[0]!.name, 'WS01-Security.xml');
  assert.equal(summary.duplicates[0]!.keptFrom, caseA);
  assert.deepEqual(summary.duplicates[0]!.alsoIn, [caseB]);
  assert.ok(summary.duplicates[0]!.sameCounts);
  const shas = await query(merged, 'SELECT sha256, count(*)::INTEGER AS n FROM sources GROUP BY 1');
  assert.ok(
    shas.every((s) => s['n'] === 1),
    'one source row per file',
  );
  assert.equal(summary.sources, shas.length);

  // Every table of rows read from evidence: per file, the same rows as the case it was kept from.
  for (const table of ['win_events', 'signins', 'audits', 'source_errors']) {
    const fromA = await query(caseA, PER_FILE(table));
    const fromB = await query(caseB, PER_FILE(table));
    const expected = [...fromA, ...fromB.filter((b) => !fromA.some((a) => a['sha256'] === b['sha256']))].sort(
      (x, y) => String(x['sha256']).localeCompare(String(y['sha256'])),
    );
    assert.deepEqual(await query(merged, PER_FILE(table)), expected, table);
  }
  const errors = await query(merged, PER_FILE('source_errors'));
  assert.equal(errors.length, 1, 'the truncated file kept its located error');
  const ws01 = (await query(caseA, 'SELECT count(*)::INTEGER AS n FROM win_events')).at(0)!['n'] as number;
  const inB = (await query(caseB, 'SELECT count(*)::INTEGER AS n FROM win_events')).at(0)!['n'] as number;
  const dup = (
    await query(caseB, "SELECT events::INTEGER AS n FROM sources WHERE name = 'WS01-Security.xml'")
  ).at(0)!['n'] as number;
  assert.equal(summary.records.winEvents, ws01 + inB - dup);
  assert.equal(summary.records.signins, 20);
  // No event points at a source that is not there.
  const orphans = await query(
    merged,
    'SELECT count(*)::INTEGER AS n FROM win_events WHERE source_id NOT IN (SELECT source_id FROM sources)',
  );
  assert.equal(orphans[0]!['n'], 0);

  // Settings: the first case's, and each difference named with both values.
  const items = Object.fromEntries(summary.conflicts.map((c) => [c.item, c]));
  assert.deepEqual(Object.keys(items).sort(), ['param an1604_creation_window_s', 'timeZone']);
  assert.deepEqual(items['param an1604_creation_window_s']!.values, [
    { case: caseA, value: '600' },
    { case: caseB, value: 'not set (the default)' },
  ]);
  assert.deepEqual(items['timeZone']!.values, [
    { case: caseA, value: 'UTC' },
    { case: caseB, value: 'Europe/Amsterdam' },
  ]);
  assert.ok(summary.conflicts.every((c) => c.kept === caseA));
  const settings = await query(merged, 'SELECT key, value::VARCHAR AS v FROM settings ORDER BY key');
  assert.deepEqual(
    settings.map((s) => s['key']),
    ['allowlist', 'params'],
  );
  assert.equal(JSON.parse(String(settings[1]!['v']))['an1604_creation_window_s'], 600);

  // The findings were rebuilt on the merged case, not copied: the analytics ran on it.
  assert.ok(summary.findings > 0);
  const runs = await query(merged, 'SELECT count(*)::INTEGER AS n FROM analysis_runs');
  assert.equal(runs[0]!['n'], 1);
  assert.equal(readdirSync(dir).filter((f) => f.includes('.merging-') || f.includes('.snapshot-')).length, 0);
});

test('a remote creation is linked to the admin workstation another analyst imported only after the merge', async () => {
  const remoteOf = (path: string) =>
    query(
      path,
      `SELECT json_extract_string(finding_json, '$.details.remote.host') AS remote,
              json_extract_string(finding_json, '$.details.remote.commandLine') AS command
         FROM findings WHERE analytic = 'AN1604' AND list_contains(accounts, 'CORP\\svc-report')`,
    );
  // The first analyst's case on its own: the creation on DC01 is found, but its source is not.
  const alone = join(dir, 'dc-alone.duckdb');
  copyFileSync(caseA, alone);
  const r = cli('analyze', '--case', alone, '--json', join(dir, 'alone.json'));
  assert.equal(r.status, 0, r.stderr);
  const before = await remoteOf(alone);
  assert.equal(before.length, 1);
  assert.equal(before[0]!['remote'], null);

  const merged = join(dir, 'linked.duckdb');
  await mergeCases([{ path: caseA }, { path: caseB }], merged);
  const linked = await remoteOf(merged);
  assert.equal(linked.length, 1);
  assert.match(String(linked[0]!['remote']), /^ADM01/i);
  assert.ok(linked[0]!['command'], 'the admin tool on ADM01 is named');
});

test('a case of a newer schema is refused, and nothing is written', async () => {
  const newer = join(dir, 'newer.duckdb');
  copyFileSync(caseB, newer);
  const db = await openCase(newer);
  await db.conn.run("INSERT INTO schema_migrations VALUES (999, 'from_the_future', now()::TIMESTAMP)");
  db.close();
  const hash = hashOf(newer);
  const target = join(dir, 'never.duckdb');
  await assert.rejects(mergeCases([{ path: caseA }, { path: newer }], target), (e: Error) => {
    assert.match(e.message, /newer\.duckdb/);
    assert.match(e.message, /newer version of AccountScope/);
    return true;
  });
  assert.equal(hashOf(newer), hash);
  assert.equal(existsSync(target), false);
  assert.equal(readdirSync(dir).filter((f) => f.includes('.merging-')).length, 0);
});

test('a case of an older schema is merged from an upgraded copy; the case itself is not touched', async () => {
  const older = join(dir, 'older.duckdb');
  copyFileSync(caseB, older);
  const db = await openCase(older);
  // The case as the build before the newest migration left it (that migration's statements all replace
  // macros or create what is missing, so running it again on the copy is what an upgrade does).
  const newest = knownSchemaVersion();
  await db.conn.run('DELETE FROM schema_migrations WHERE version = $v', { v: newest });
  db.close();
  const hash = hashOf(older);
  const summary = await mergeCases([{ path: caseA }, { path: older }], join(dir, 'with-older.duckdb'));
  assert.equal(hashOf(older), hash);
  assert.deepEqual(
    summary.cases.map((c) => [c.schemaVersion, c.upgraded]),
    [
      [newest, false],
      [newest - 1, true],
    ],
  );
  const versions = await query(
    join(dir, 'with-older.duckdb'),
    'SELECT max(version)::INTEGER AS v FROM schema_migrations',
  );
  assert.equal(versions[0]!['v'], newest);
});

test('a case holding a table no merge rule covers is refused loudly, and nothing is written', async () => {
  const extra = join(dir, 'extra-table.duckdb');
  copyFileSync(caseB, extra);
  const db = await openCase(extra);
  await db.conn.run('CREATE TABLE analyst_scribbles (source_id INTEGER, record_no BIGINT, text VARCHAR)');
  db.close();
  const target = join(dir, 'not-merged.duckdb');
  await assert.rejects(mergeCases([{ path: caseA }, { path: extra }], target), (e: Error) => {
    assert.match(
      e.message,
      /extra-table\.duckdb holds a table this build has no merge rule for \(analyst_scribbles\)/,
    );
    assert.match(e.message, /nothing was merged/);
    return true;
  });
  assert.equal(existsSync(target), false);
});

test('the same case named twice, an existing target, or a file that is no case are refused', async () => {
  await assert.rejects(mergeCases([{ path: caseA }, { path: caseA }], join(dir, 'x.duckdb')), /same file/);
  await assert.rejects(mergeCases([{ path: caseA }, { path: caseB }], caseA), /already exists/);
  const text = join(dir, 'notes.duckdb');
  writeFileSync(text, 'not a database');
  await assert.rejects(
    mergeCases([{ path: caseA }, { path: text }], join(dir, 'y.duckdb')),
    /not an AccountScope case/,
  );
  await assert.rejects(mergeCases([{ path: caseA }], join(dir, 'z.duckdb')), /at least two cases/);
  for (const name of ['x.duckdb', 'y.duckdb', 'z.duckdb']) assert.equal(existsSync(join(dir, name)), false);
});
