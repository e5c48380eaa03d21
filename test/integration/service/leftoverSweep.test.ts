// The app removes what a killed AccountScope left beside a case or an output, when it next writes there:
// the Parquet export's snapshot beside the open case, a Timesketch timeline's partial file, a merge's
// folder, a Save As copy. It logs each removal, and never touches the files of a process still running.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseTaskRequest, Result } from '../../../shared/api.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { SELF, systemProbe } from '../../../electron/engine/store/scratchFiles.js';
import { projectRoot, sampleEvidenceDir, tempDir } from '../../support/paths.js';

let dir: string;
let cleanup: () => void;
let service: CaseService;
let live: ChildProcess;
let deadPid: number;
const logged: string[] = [];

function value<T>(r: Result<T>): T {
  assert.ok(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function task(req: CaseTaskRequest): Promise<void> {
  const { taskId } = value(await service.invoke('startCaseTask', req));
  for (;;) {
    const s = value(await service.invoke('caseTaskStatus', { taskId }));
    if (s.state !== 'running') {
      assert.equal(s.state, 'done', s.message);
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A leftover's name as `pid` (started at `start`) would have written it beside `base` in `folder`. */
const leftover = (folder: string, base: string, kind: string, pid: number, start: string, n = 1) =>
  join(folder, `.${base}.${kind}-${SELF.machine}-${pid}-${start}-${String(n).padStart(8, '0')}`);

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-sweep-'));
  live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300000)'], { stdio: 'ignore' });
  await new Promise((r) => live.once('spawn', r));
  deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
  const r = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'bin', 'accountscope.js'),
      'import',
      join(sampleEvidenceDir, 'WS01-Security.xml'),
      '--case',
      join(dir, 'other.duckdb'),
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  service = await CaseService.open(join(dir, 'case.duckdb'), {
    analytics: defaultAnalytics(),
    log: (line) => logged.push(line),
  });
  const { importId } = value(
    await service.invoke('startImport', { paths: [join(sampleEvidenceDir, 'SRV-PROV01-Security.xml')] }),
  );
  while (value(await service.invoke('importStatus', { importId })).state === 'running')
    await new Promise((r) => setTimeout(r, 50));
});

after(async () => {
  live.kill();
  await service?.close();
  cleanup?.();
});

const liveStart = () => systemProbe.startOf(live.pid!) ?? 't0';

test('the Parquet export sweeps a killed snapshot beside the case, not a running one, and logs it', async () => {
  logged.length = 0;
  const stale = leftover(dir, 'case.duckdb', 'snapshot', deadPid, 'k5');
  writeFileSync(stale, Buffer.alloc(10_000));
  writeFileSync(`${stale}.wal`, 'wal');
  const running = leftover(dir, 'case.duckdb', 'snapshot', live.pid!, liveStart());
  writeFileSync(running, 'another app exporting this case’s copy');
  await task({ kind: 'parquet', dir: join(dir, 'lake') });
  assert.ok(!existsSync(stale) && !existsSync(`${stale}.wal`));
  assert.ok(existsSync(running), 'a live process’s snapshot is kept');
  assert.deepEqual(logged.sort(), [
    `removed ${stale} (9.8 KiB), left by an AccountScope run that was stopped`,
    `removed ${stale}.wal (3 B), left by an AccountScope run that was stopped`,
  ]);
});

test('a Timesketch export, a merge and Save As each sweep the folder they write into', async () => {
  logged.length = 0;
  const out = join(dir, 'timeline');
  mkdirSync(out);
  const partial = leftover(out, 'case.jsonl', 'exporting', deadPid, 'k6');
  writeFileSync(partial, '{"message":"half a line');
  await task({ kind: 'timesketch', file: join(out, 'case.jsonl') });
  assert.ok(!existsSync(partial) && existsSync(join(out, 'case.jsonl')));

  const merging = leftover(dir, 'old.duckdb', 'merging', deadPid, 'k7');
  mkdirSync(merging);
  writeFileSync(join(merging, 'merged.duckdb'), Buffer.alloc(2048));
  const running = leftover(dir, 'all.duckdb', 'merging', live.pid!, liveStart());
  mkdirSync(running);
  await task({
    kind: 'merge',
    paths: [join(dir, 'case.duckdb'), join(dir, 'other.duckdb')],
    target: join(dir, 'all.duckdb'),
  });
  assert.ok(!existsSync(merging));
  assert.ok(existsSync(running));

  const saving = join(dir, 'saved');
  mkdirSync(saving);
  const copy = leftover(saving, 'saved.duckdb', 'saving', deadPid, 'k8');
  writeFileSync(copy, Buffer.alloc(100));
  value(await service.invoke('saveCaseAs', { path: join(saving, 'saved.duckdb') }));
  assert.ok(!existsSync(copy));
  assert.deepEqual(
    logged.map((l) => l.replace(/ \(.*$/, '')),
    [`removed ${partial}`, `removed ${merging}`, `removed ${copy}`],
  );
});
