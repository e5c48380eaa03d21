// Faults around a case: the disk filling during an import, two imports into one case at once, and a
// case written by a newer build. Each must end with a clear message and nothing lost: the case reopens,
// and each file is wholly in it or wholly out. (The kill mid-import is in importCli.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { knownSchemaVersion } from '../../../electron/engine/store/migrate.js';
import { wevtutilFile } from '../../support/miniEvents.js';
import { tempDir } from '../../support/paths.js';
import { caseContents, runCli, waitForImport } from '../../support/importChild.js';

const SMALL = 10;
const BIG = 30_000;

function evidence(dir: string): { small: string; big: string; other: string } {
  const small = join(dir, 'small.xml');
  const big = join(dir, 'big.xml');
  const other = join(dir, 'other.xml');
  writeFileSync(small, wevtutilFile(SMALL));
  writeFileSync(big, wevtutilFile(BIG, 1000));
  writeFileSync(other, wevtutilFile(SMALL, 500_000));
  return { small, big, other };
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

test(
  'a disk that fills during an import: a clear message, the file wholly out, the case intact, the file imports once there is room',
  { skip: process.platform === 'win32' ? 'needs a POSIX shell for ulimit -f' : false, timeout: 300_000 },
  async () => {
    const { dir, cleanup } = tempDir('accountscope-diskfull-');
    try {
      const { small, big } = evidence(dir);
      const casePath = join(dir, 'case.duckdb');
      const tmp = join(dir, 'tmp');
      mkdirSync(tmp);
      const first = await runCli(['import', small, '--case', casePath], { env: { TMPDIR: tmp } }).done;
      assert.equal(first.code, 0, first.stderr);
      // `ulimit -f` counts 512-byte blocks in a POSIX shell. 1 MiB stops the parsed rows in the
      // staging folder; 8 MiB lets them through (a segment is at most 4 MiB and a row) and stops DuckDB writing the case (14 MiB for these events).
      for (const [blocks, where] of [
        [2048, /the parsed rows/],
        [16384, new RegExp(`writing ${casePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)],
      ] as const) {
        const r = await runCli(['import', big, '--case', casePath], {
          env: { TMPDIR: tmp },
          shell: `ulimit -f ${blocks}`,
        }).done;
        assert.equal(r.code, 3, `limit ${blocks}: ${r.stdout}${r.stderr}`);
        assert.match(r.stdout, /the disk is full \(or a file-size limit was reached\)/, r.stdout);
        assert.match(r.stdout, where, r.stdout);
        assert.match(r.stdout, /nothing from this file was kept; free some space and import it again/);
        assert.doesNotMatch(r.stdout, /rejected/, 'a full disk is no fault of the file');
        const after = await caseContents(casePath);
        assert.equal(after.events, SMALL, `limit ${blocks}: the big file is wholly out`);
        assert.deepEqual(after.sources, [{ path: small, events: SMALL }]);
      }
      const room = await runCli(['import', big, '--case', casePath], { env: { TMPDIR: tmp } }).done;
      assert.equal(room.code, 0, room.stdout + room.stderr);
      assert.equal((await caseContents(casePath)).events, SMALL + BIG);
    } finally {
      cleanup();
    }
  },
);

test(
  'two imports into one case at once: the second is refused, naming the process that holds the case; the first completes',
  { timeout: 300_000 },
  async () => {
    const { dir, cleanup } = tempDir('accountscope-twice-');
    try {
      const { small, big, other } = evidence(dir);
      const casePath = join(dir, 'case.duckdb');
      const tmp = join(dir, 'tmp');
      mkdirSync(tmp);
      assert.equal((await runCli(['import', small, '--case', casePath]).done).code, 0);
      const first = runCli(['import', big, '--case', casePath], { env: { TMPDIR: tmp } });
      // Once a staged segment has been loaded, the first import holds the case.
      await waitForImport(first.child, tmp, true);
      const second = await runCli(['import', other, '--case', casePath]).done;
      const firstDone = await first.done;
      assert.equal(firstDone.signal, null);
      assert.ok(
        firstDone.stdout.includes(`${BIG} event(s) imported`),
        'the first import ran on after the refusal',
      );
      assert.equal(second.code, 1, second.stdout + second.stderr);
      assert.match(
        second.stderr,
        new RegExp(
          `is open in another program \\(process ${first.child.pid}\\).*Wait for it to finish or close the case there, then try again; nothing was changed`,
        ),
      );
      const contents = await caseContents(casePath);
      assert.equal(contents.events, SMALL + BIG);
      assert.deepEqual(
        contents.sources.map((s) => s.path),
        [big, small],
        'the refused import left nothing',
      );
      // Once the first has finished, the second goes in.
      assert.equal((await runCli(['import', other, '--case', casePath]).done).code, 0);
      assert.equal((await caseContents(casePath)).events, SMALL + BIG + SMALL);
    } finally {
      cleanup();
    }
  },
);

test('a case the app has open: the CLI is refused plainly; the app’s own imports at once queue and each file goes in once', async () => {
  const { dir, cleanup } = tempDir('accountscope-service-twice-');
  try {
    const { small, other } = evidence(dir);
    const casePath = join(dir, 'case.duckdb');
    const service = await CaseService.open(casePath, { analytics: defaultAnalytics() });
    try {
      const cliWhileOpen = await runCli(['import', small, '--case', casePath]).done;
      assert.equal(cliWhileOpen.code, 1);
      assert.match(
        cliWhileOpen.stderr,
        new RegExp(`is open in another program \\(process ${process.pid}\\)`),
      );
      const starts = await Promise.all(
        [[small], [other], [small, other]].map((paths) => service.invoke('startImport', { paths })),
      );
      const ids = starts.map((r) => (r.ok ? r.value.importId : assert.fail(JSON.stringify(r))));
      const states = [];
      for (const importId of ids) {
        for (;;) {
          const r = await service.invoke('importStatus', { importId });
          if (!r.ok) assert.fail(JSON.stringify(r));
          if (r.value.state !== 'running') {
            states.push(r.value);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      assert.deepEqual(
        states.map((s) => s.state),
        ['done', 'done', 'done'],
      );
      assert.ok(
        states[2]!.files.every((f) => f.summary?.duplicate === true),
        'the third import found both files already in',
      );
      const info = await service.invoke('caseInfo', {});
      assert.ok(info.ok);
      assert.equal(info.value.counts.winEvents, 2 * SMALL);
    } finally {
      await service.close();
    }
  } finally {
    cleanup();
  }
});

test('a case from a newer schema is refused with a clear message and left unchanged, by the CLI and by the app', async () => {
  const { dir, cleanup } = tempDir('accountscope-newer-');
  try {
    const { small, other } = evidence(dir);
    const casePath = join(dir, 'case.duckdb');
    assert.equal((await runCli(['import', small, '--case', casePath]).done).code, 0);
    const future = knownSchemaVersion() + 1;
    const inst = await DuckDBInstance.create(casePath);
    const conn = await inst.connect();
    await conn.run("INSERT INTO schema_migrations VALUES ($v, 'from_a_newer_build', now()::TIMESTAMP)", {
      v: future,
    });
    await conn.run('CHECKPOINT');
    conn.closeSync();
    inst.closeSync();
    const before = sha256(casePath);

    const r = await runCli(['import', other, '--case', casePath]).done;
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const message = new RegExp(
      `this case was written by a newer version of AccountScope \\(its schema is ${future}, this version knows up to ${future - 1}\\): open it with that version or a later one; the case was not changed`,
    );
    assert.match(r.stderr, message);
    await assert.rejects(CaseService.open(casePath, { analytics: defaultAnalytics() }), message);
    await assert.rejects(
      CaseService.open(casePath, { analytics: defaultAnalytics(), open: { readOnly: true } }),
      message,
    );
    // The app switching to it from another case says the same and keeps the case it had.
    const service = await CaseService.open(join(dir, 'current.duckdb'), { analytics: defaultAnalytics() });
    try {
      const opened = await service.invoke('openCase', { path: casePath });
      assert.ok(!opened.ok && opened.error.code === 'CASE_ERROR');
      assert.match(opened.error.message, message);
      assert.equal(service.casePath, join(dir, 'current.duckdb'));
    } finally {
      await service.close();
    }
    assert.equal(sha256(casePath), before, 'the case file is byte for byte what it was');
    assert.deepEqual((await caseContents(casePath)).sources, [{ path: small, events: SMALL }]);
  } finally {
    cleanup();
  }
});
