// The case handed over to the platforms beyond one laptop, on the sample case: Parquet read back with
// DuckDB's own Parquet reader (every table's count, a sample of values, the Hive layout, the manifest),
// and a Timesketch timeline checked line by line against the JSONL import format (message, datetime,
// timestamp_desc on every line) with each finding's evidence tagged. Neither export changes the case, and
// the Parquet export's instance can write nowhere but the folder named.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { exportCase } from '../../../electron/engine/usecases/exportCase.js';
import { openCase, type CaseDb } from '../../../electron/engine/store/openCase.js';
import {
  BATCH_FILTER,
  BATCH_TYPES,
  batchParams,
  exportParquet,
  sourceBatches,
  type ParquetManifest,
} from '../../../electron/engine/export/parquet.js';
import { projectRoot, sampleEvidenceDir, tempDir } from '../../support/paths.js';

let dir: string;
let cleanup: () => void;
let casePath: string;
let caseHash: string;
let reader: DuckDBConnection;
let db: CaseDb;

const hashOf = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, 'bin', 'accountscope.js'), ...args], { encoding: 'utf8' });

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-export-'));
  casePath = join(dir, 'case.duckdb');
  const r = cli('analyze', sampleEvidenceDir, '--case', casePath, '--json', join(dir, 'report.json'));
  assert.equal(r.status, 0, r.stderr);
  caseHash = hashOf(casePath);
  reader = await (await DuckDBInstance.create(':memory:')).connect();
});

after(() => {
  db?.close();
  reader?.closeSync();
  cleanup();
});

async function scalar(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, string> = {},
): Promise<number> {
  return Number((await conn.runAndReadAll(sql, params)).getRows()[0]![0]);
}

test('Parquet: every table, the events Hive-partitioned by host and day, read back whole', async () => {
  const out = join(dir, 'parquet');
  const { parquet } = await exportCase(casePath, { parquet: out });
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as ParquetManifest;
  assert.deepEqual(manifest, parquet!.manifest);
  db = await openCase(casePath, { readOnly: true });

  const tables = (
    await db.conn.runAndReadAll(
      'SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1',
    )
  )
    .getRows()
    .map((r) => String(r[0]));
  // The analysis' derived tables (migration 010) and the summaries of names and fields (011) restate
  // win_events, which is exported whole.
  const derived = [
    'derived_params',
    'derived_sources',
    'event_data_keys',
    'event_names',
    'event_summary_coverage',
    'logon_session_snapshot',
    'process_snapshot',
  ];
  assert.deepEqual(
    tables.filter((t) => derived.includes(t)),
    derived,
  );
  assert.deepEqual(
    manifest.tables.map((t) => t.name),
    tables.filter((t) => !derived.includes(t)),
  );
  for (const t of manifest.tables) {
    const inCase = await scalar(db.conn, `SELECT count(*) FROM "${t.name}"`);
    assert.equal(t.rows, inCase, t.name);
    const glob = t.partitionedBy.length > 0 ? join(out, t.path, '**', '*.parquet') : join(out, t.path);
    const back = await scalar(reader, 'SELECT count(*) FROM read_parquet($glob, hive_partitioning = true)', {
      glob,
    });
    assert.equal(back, inCase, `${t.name} read back`);
  }
  assert.deepEqual(manifest.tables.find((t) => t.name === 'win_events')?.partitionedBy, ['host', 'day']);
  assert.ok(readdirSync(join(out, 'win_events')).every((d) => d.startsWith('host=')));
  assert.ok(existsSync(join(out, 'win_events', 'host=WS01.corp.local')));

  // Values survive the trip: the same rows, field for field, joined on their evidence position.
  const sampleSql = `
    SELECT source_id, record_no, host, event_id, ts, subject_user, target_user, command_line
      FROM __SOURCE__ ORDER BY source_id, record_no LIMIT 400 OFFSET 1000`;
  const inCase = (await db.conn.runAndReadAll(sampleSql.replace('__SOURCE__', 'win_events'))).getRowsJson();
  const fromParquet = (
    await reader.runAndReadAll(
      sampleSql.replace(
        '__SOURCE__',
        'read_parquet($glob, hive_partitioning = true, hive_types = {day: VARCHAR})',
      ),
      { glob: join(out, 'win_events', '**', '*.parquet') },
    )
  ).getRowsJson();
  assert.equal(inCase.length, 400);
  assert.deepEqual(fromParquet, inCase);

  const sources = (await db.conn.runAndReadAll('SELECT sha256 FROM sources ORDER BY source_id')).getRows();
  assert.deepEqual(
    manifest.sources.map((s) => s.sha256),
    sources.map((r) => String(r[0])),
  );
  assert.ok(manifest.schemaVersion >= 6);
  assert.equal(hashOf(casePath), caseHash, 'the case file is unchanged');
});

test('Parquet: progress only moves forward and ends at every row', async () => {
  const seen: Array<{ rowsDone: number; rows: number; tablesDone: number }> = [];
  const manifest = await exportParquet(casePath, join(dir, 'parquet-progress'), {
    onProgress: (p) => seen.push(p),
  });
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  assert.ok(seen.length >= manifest.tables.length, 'at least one report per table');
  for (const [i, p] of seen.entries()) {
    assert.equal(p.rows, rows);
    assert.ok(p.rowsDone <= rows, `report ${i}: ${p.rowsDone} of ${rows}`);
    if (i > 0) assert.ok(p.rowsDone >= seen[i - 1]!.rowsDone, `report ${i} went back`);
  }
  assert.deepEqual(
    { rowsDone: seen.at(-1)!.rowsDone, tablesDone: seen.at(-1)!.tablesDone },
    { rowsDone: rows, tablesDone: manifest.tables.length },
  );
});

test('Parquet: a file bigger than a batch is written in ranges of its records, every row once', async () => {
  const fingerprint = `SELECT count(*)::BIGINT || '/' || count(DISTINCT (source_id, record_no))::BIGINT
      || '/' || sum(hash(source_id, record_no, event_id, ts, host))::HUGEINT FROM __SOURCE__`;
  const check = await openCase(casePath, { readOnly: true });
  let inCase: unknown[][];
  let files: number;
  let biggest: number;
  try {
    inCase = (await check.conn.runAndReadAll(fingerprint.replace('__SOURCE__', 'win_events'))).getRows();
    [files, biggest] = (
      await check.conn.runAndReadAll(
        'SELECT count(DISTINCT source_id)::INTEGER, max(n)::INTEGER FROM (SELECT source_id, count(*) AS n FROM win_events GROUP BY 1)',
      )
    )
      .getRows()[0]!
      .map(Number) as [number, number];
  } finally {
    check.close();
  }
  // The biggest file in three ranges; the others whole or in two.
  const batchRows = Math.ceil(biggest / 3);
  const out = join(dir, 'parquet-small-batches');
  const reports: number[] = [];
  await exportParquet(casePath, out, { batchRows, onProgress: (p) => reports.push(p.rowsDone) });
  const back = (
    await reader.runAndReadAll(
      fingerprint.replace('__SOURCE__', 'read_parquet($glob, hive_partitioning = true)'),
      {
        glob: join(out, 'win_events', '**', '*.parquet'),
      },
    )
  ).getRows();
  assert.deepEqual(back, inCase);
  assert.ok(reports.length > 0);
  // The plan: the biggest file in three ranges of its records, no batch much over the size asked, and
  // every row in exactly one batch.
  const plan = await openCase(casePath, { readOnly: true });
  try {
    const batches = await sourceBatches(plan.conn, 'win_events', batchRows);
    assert.ok(batches.length >= Math.min(files, 3), `${batches.length} batches for ${files} files`);
    let total = 0;
    for (const b of batches) {
      const n = Number(
        (
          await plan.conn.runAndReadAll(
            `SELECT count(*) FROM win_events WHERE ${BATCH_FILTER}`,
            batchParams(b),
            BATCH_TYPES,
          )
        ).getRows()[0]![0],
      );
      assert.ok(n <= 2 * batchRows, `a batch of ${n} rows`);
      total += n;
    }
    assert.equal(`${total}`, String(inCase[0]![0]).split('/')[0]);
    const biggestId = batches.filter((b) => b.first === b.last).map((b) => b.first);
    assert.ok(
      biggestId.some((id) => biggestId.filter((x) => x === id).length === 3),
      'the biggest file is written in three ranges',
    );
  } finally {
    plan.close();
  }
});

test('Parquet: a folder that is not empty is refused, and nothing in it is touched', async () => {
  const out = join(dir, 'busy');
  mkdirSync(out);
  writeFileSync(join(out, 'notes.txt'), 'keep me');
  await assert.rejects(exportCase(casePath, { parquet: out }), /is not empty/);
  assert.deepEqual(readdirSync(out), ['notes.txt']);
});

test("Parquet: the export's own instance can write into its folder and nowhere else", async () => {
  const out = join(dir, 'locked');
  mkdirSync(out);
  const exporting = await openCase(casePath, { readOnly: true, exportDir: out });
  try {
    await exporting.conn.run(`COPY (SELECT 1 AS x) TO '${join(out, 'ok.parquet')}' (FORMAT PARQUET)`);
    await assert.rejects(
      exporting.conn.run(`COPY (SELECT 1 AS x) TO '${join(dir, 'elsewhere.parquet')}' (FORMAT PARQUET)`),
      /Permission Error|disabled/,
    );
    await assert.rejects(exporting.conn.run('SET enable_external_access = true'));
  } finally {
    exporting.close();
  }
  assert.equal(existsSync(join(dir, 'elsewhere.parquet')), false);
});

test('Timesketch: every line is a valid timeline entry, and each finding tags the events it rests on', async () => {
  const file = join(dir, 'timeline.jsonl');
  const { timesketch } = await exportCase(casePath, { timesketch: file });
  const lines = readFileSync(file, 'utf8').split('\n');
  assert.equal(lines.pop(), '', 'the file ends with a newline');
  assert.equal(lines.length, timesketch!.counts.lines);
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;
  const kinds = new Map<string, number>();
  const tagged = new Map<string, Set<string>>();
  for (const [i, line] of lines.entries()) {
    const e = JSON.parse(line) as Record<string, unknown>;
    assert.equal(typeof e['message'], 'string', `line ${i + 1}: message`);
    assert.ok((e['message'] as string).length > 0, `line ${i + 1}: empty message`);
    assert.match(String(e['datetime']), iso, `line ${i + 1}: datetime`);
    assert.equal(typeof e['timestamp_desc'], 'string', `line ${i + 1}: timestamp_desc`);
    assert.ok(Number.isSafeInteger(e['timestamp']), `line ${i + 1}: timestamp`);
    assert.equal(
      Date.parse(String(e['datetime'])),
      Math.floor((e['timestamp'] as number) / 1000),
      `line ${i + 1}`,
    );
    kinds.set(String(e['data_type']), (kinds.get(String(e['data_type'])) ?? 0) + 1);
    if (Array.isArray(e['tag']) && e['data_type'] !== 'accountscope:finding')
      for (const id of e['accountscope_findings'] as string[])
        (tagged.get(id) ?? tagged.set(id, new Set()).get(id)!).add(
          `${e['evidence_sha256']}:${e['record_no']}`,
        );
  }
  const counts = timesketch!.counts;
  assert.deepEqual(Object.fromEntries(kinds), {
    'windows:evtx:record': counts.winEvents,
    'entra:signin': counts.signins,
    'entra:audit': counts.audits,
    'accountscope:finding': counts.findings,
  });
  db ??= await openCase(casePath, { readOnly: true });
  assert.equal(
    counts.winEvents,
    await scalar(db.conn, 'SELECT count(*) FROM win_events WHERE ts IS NOT NULL'),
  );
  assert.equal(counts.findings, await scalar(db.conn, 'SELECT count(*) FROM findings'));
  assert.ok(counts.findings > 0);
  // Every evidence event of every finding is in the timeline, tagged with that finding.
  const evidence = (
    await db.conn.runAndReadAll(
      'SELECT finding_id, source_sha256, record_no FROM finding_evidence WHERE ts IS NOT NULL',
    )
  ).getRows();
  assert.ok(evidence.length > 0);
  for (const [id, sha, recordNo] of evidence)
    assert.ok(
      tagged.get(String(id))?.has(`${String(sha)}:${String(recordNo)}`),
      `${String(id)} ${String(recordNo)}`,
    );
  assert.equal(hashOf(casePath), caseHash, 'the case file is unchanged');
});

test('the CLI exports both at once, and refuses what Timesketch could not import', () => {
  const ok = cli(
    'export',
    '--case',
    casePath,
    '--parquet',
    join(dir, 'cli-pq'),
    '--timesketch',
    join(dir, 'cli.jsonl'),
  );
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /Parquet: \d+ tables/);
  assert.match(ok.stdout, /Timesketch: \d+ lines/);
  const wrongName = cli('export', '--case', casePath, '--timesketch', join(dir, 'timeline.json'));
  assert.equal(wrongName.status, 2);
  assert.match(wrongName.stderr, /ending in \.jsonl/);
  const noCase = cli('export', '--case', join(dir, 'missing.duckdb'), '--timesketch', join(dir, 'x.jsonl'));
  assert.equal(noCase.status, 1);
  assert.match(noCase.stderr, /no case at/);
});

test("the README's plain-DuckDB query runs over the exported Parquet and finds the sample's creations", async () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const block = /```sql\n-- readme: parquet-example\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'the README has the example');
  const [createView, select] = block.split(/;\s*\n/).filter((s) => s.trim().length > 0);
  const out = join(dir, 'readme-pq');
  await exportCase(casePath, { parquet: out });
  const plain = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    await plain.run(createView!.replace("'case-2026-03/", `'${out}/`));
    const rows = (await plain.runAndReadAll(select!)).getRowObjectsJson();
    db ??= await openCase(casePath, { readOnly: true });
    assert.equal(rows.length, await scalar(db.conn, 'SELECT count(*) FROM win_events WHERE event_id = 4720'));
    // One backslash between domain and name, as Windows writes it.
    const backdoor = rows.find((r) => /^[^\\]+\\backdoor$/.test(String(r['created'])));
    assert.ok(backdoor, JSON.stringify(rows));
    assert.match(String(backdoor['by_process']), /net1?(\.exe)?"?\s+user backdoor/i);
  } finally {
    plain.closeSync();
  }
});
