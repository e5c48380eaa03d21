// The app's merge and exports (startCaseTask, caseTaskStatus) on the case it holds open read-write: each
// reports its progress, the Parquet export and a merge naming the open case read a snapshot that is
// removed afterwards, the open case goes on working, and its lockdown is exactly what it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseTaskStatus, Result } from '../../../shared/api.js';
import type { ParquetManifest } from '../../../electron/engine/export/parquet.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { projectRoot, sampleEvidenceDir, tempDir } from '../../support/paths.js';

let dir: string;
let cleanup: () => void;
let service: CaseService;
let dcCase: string;
let admCase: string;

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, 'bin', 'accountscope.js'), ...args], { encoding: 'utf8' });
const ev = (name: string) => join(sampleEvidenceDir, name);

function value<T>(r: Result<T>): T {
  assert.ok(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Polls a task to its end, keeping every status seen. */
async function finish(taskId: string): Promise<CaseTaskStatus[]> {
  const seen: CaseTaskStatus[] = [];
  for (;;) {
    const s = value(await service.invoke('caseTaskStatus', { taskId }));
    seen.push(s);
    if (s.state !== 'running') return seen;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What the app's connections say of their lockdown, through the SQL console. */
async function lockdown(): Promise<unknown> {
  const r = value(
    await service.invoke('runSql', {
      sql: `SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked,
                   current_setting('allowed_directories')::VARCHAR AS dirs, current_setting('allowed_paths')::VARCHAR AS paths`,
    }),
  );
  return r.rows[0];
}

const leftovers = () => readdirSync(dir).filter((n) => n.includes('.snapshot-') || n.includes('.merging-'));

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-tasks-'));
  dcCase = join(dir, 'dc.duckdb');
  admCase = join(dir, 'adm.duckdb');
  let r = cli(
    'import',
    ev('DC01-Security-0309-0311.xml'),
    ev('DC01-Security-0312-0315.xml'),
    '--case',
    dcCase,
  );
  assert.equal(r.status, 0, r.stderr);
  r = cli('import', ev('ADM01-Security-ps.xml'), ev('ADM01-Sysmon.xml'), '--case', admCase);
  assert.equal(r.status, 0, r.stderr);
  service = await CaseService.open(dcCase, { analytics: defaultAnalytics() });
  value(await service.invoke('analyze', {}));
});

after(async () => {
  await service.close();
  cleanup();
});

test('Parquet from the app: progress, the whole case from a snapshot that is then removed, lockdown unchanged', async () => {
  const before = await lockdown();
  assert.deepEqual((before as Record<string, unknown>)['external'], false);
  const out = join(dir, 'lake');
  const { taskId } = value(await service.invoke('startCaseTask', { kind: 'parquet', dir: out }));
  // One task at a time, and the case stays where it is until it ends.
  const second = await service.invoke('startCaseTask', { kind: 'timesketch', file: join(dir, 'x.jsonl') });
  assert.ok(!second.ok && second.error.code === 'BUSY');
  const switched = await service.invoke('openCase', { path: admCase });
  assert.ok(
    !switched.ok &&
      switched.error.code === 'BUSY' &&
      /merge or export is running/.test(switched.error.message),
  );

  const seen = await finish(taskId);
  const last = seen.at(-1)!;
  assert.equal(last.state, 'done', last.message);
  assert.ok(
    seen.some((s) => s.step.startsWith('table ') && s.total > 0),
    'progress names the table written',
  );
  assert.ok(seen.every((s) => s.done <= s.total || s.total === 0));
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as ParquetManifest;
  assert.equal(manifest.caseFile, 'dc.duckdb', 'the manifest names the case, not its snapshot');
  const info = value(await service.invoke('caseInfo', {}));
  assert.equal(manifest.tables.find((t) => t.name === 'win_events')!.rows, info.counts.winEvents);
  assert.equal(
    last.parquet!.rows,
    manifest.tables.reduce((n, t) => n + t.rows, 0),
  );
  assert.deepEqual(leftovers(), []);
  assert.deepEqual(await lockdown(), before);
  const probe = await service.invoke('runSql', {
    sql: 'SELECT * FROM read_csv($p)',
    params: { p: join(out, 'manifest.json') },
  });
  assert.ok(!probe.ok, 'the export folder is no more readable through SQL than before');
});

test('a folder that is not empty, or a timeline not named .jsonl, is refused at once', async () => {
  const busy = join(dir, 'busy');
  mkdirSync(busy);
  writeFileSync(join(busy, 'keep.txt'), 'keep');
  const r = await service.invoke('startCaseTask', { kind: 'parquet', dir: busy });
  assert.ok(!r.ok && r.error.code === 'BAD_REQUEST' && /not an empty folder/.test(r.error.message));
  const t = await service.invoke('startCaseTask', { kind: 'timesketch', file: join(dir, 'timeline.json') });
  assert.ok(!t.ok && /\.jsonl/.test(t.error.message));
});

test('Timesketch from the app: every line written, progress in lines', async () => {
  const file = join(dir, 'timeline.jsonl');
  const { taskId } = value(await service.invoke('startCaseTask', { kind: 'timesketch', file }));
  const seen = await finish(taskId);
  const last = seen.at(-1)!;
  assert.equal(last.state, 'done', last.message);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, last.timesketch!.lines);
  assert.equal(last.done, last.total);
  assert.ok(lines.every((l) => typeof (JSON.parse(l) as { datetime?: unknown }).datetime === 'string'));
});

test('Merge case from the app, naming the open case: merged from a snapshot, the remote creation linked', async () => {
  const before = await lockdown();
  const target = join(dir, 'merged.duckdb');
  const { taskId } = value(
    await service.invoke('startCaseTask', { kind: 'merge', paths: [dcCase, admCase], target }),
  );
  const seen = await finish(taskId);
  const last = seen.at(-1)!;
  assert.equal(last.state, 'done', last.message);
  assert.ok(
    seen.some((s) => / from /.test(s.step)),
    'progress names the table and case copied',
  );
  const m = last.merge!;
  assert.deepEqual(
    m.cases.map((c) => c.path),
    [dcCase, admCase],
    'the open case is named as itself, not its snapshot',
  );
  assert.equal(m.path, target);
  assert.deepEqual(leftovers(), []);
  assert.deepEqual(await lockdown(), before);
  const db = await openCase(target, { readOnly: true });
  try {
    const r = await db.conn.runAndReadAll(
      `SELECT json_extract_string(finding_json, '$.details.remote.host') AS remote FROM findings
        WHERE analytic = 'AN1604' AND list_contains(accounts, 'CORP\\svc-report')`,
    );
    assert.match(String(r.getRows()[0]?.[0]), /^ADM01/i);
  } finally {
    db.close();
  }
  // The open case goes on as before.
  assert.ok(value(await service.invoke('caseInfo', {})).counts.winEvents > 0);
  const again = await service.invoke('startCaseTask', { kind: 'merge', paths: [dcCase, admCase], target });
  assert.ok(!again.ok && again.error.code === 'EXISTS');
});
