// `accountscope merge` as a script sees it: exit 0 when the cases agree, 4 when their settings differ
// (each difference printed with both values), 2 for a usage error, 1 when the merge cannot be made; the
// summary as JSON with --json.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MergeSummary } from '../../../shared/api.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { writeSetting } from '../../../electron/engine/service/settingsStore.js';
import { graphSignins, wevtutilFile } from '../../support/miniEvents.js';
import { projectRoot, tempDir } from '../../support/paths.js';

let dir: string;
let cleanup: () => void;
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, 'bin', 'accountscope.js'), ...args], { encoding: 'utf8' });

function importCase(name: string, files: Record<string, string>): string {
  const ev = join(dir, `${name}-evidence`);
  mkdirSync(ev);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(ev, f), text);
  const path = join(dir, `${name}.duckdb`);
  const r = cli('import', ev, '--case', path);
  assert.equal(r.status, 0, r.stderr);
  return path;
}

let one: string;
let two: string;
let three: string;

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-merge-cli-'));
  const shared = wevtutilFile(30);
  one = importCase('one', { 'ws01.xml': shared, 'signins.json': graphSignins(12) });
  two = importCase('two', { 'ws01-copy.xml': shared, 'ws02.xml': wevtutilFile(20, 500) });
  three = importCase('three', { 'ws03.xml': wevtutilFile(5, 900) });
  const db = await openCase(three);
  await writeSetting(db.conn, 'timeZone', 'Asia/Tokyo');
  db.close();
});

after(() => cleanup());

test('cases that agree merge with exit 0, and the file both held is counted once', () => {
  const out = join(dir, 'agree.duckdb');
  const r = cli('merge', one, two, '--case', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Merged 2 cases into .*agree\.duckdb/);
  assert.match(r.stdout, /3 evidence files in the merged case: 50 Windows events, 12 sign-ins/);
  assert.match(
    r.stdout,
    /1 file held by more than one case, taken once:\n {4}ws01\.xml .* from one\.duckdb, also in two\.duckdb/,
  );
  assert.doesNotMatch(r.stdout, /conflict/);
});

test('settings that differ: exit 4, each difference printed with every value, the first case kept', () => {
  const out = join(dir, 'disagree.duckdb');
  const r = cli('merge', one, three, '--case', out);
  assert.equal(r.status, 4, r.stderr);
  assert.match(r.stdout, /1 conflict: the cases disagree, and the merged case holds the first case's value/);
  assert.match(r.stdout, /timeZone: one\.duckdb UTC \(kept\); three\.duckdb Asia\/Tokyo/);
  assert.ok(existsSync(out), 'the merged case is written');
});

test('--json prints the summary', () => {
  const r = cli('merge', three, one, '--case', join(dir, 'json.duckdb'), '--json');
  assert.equal(r.status, 4, r.stderr);
  const summary = JSON.parse(r.stdout) as MergeSummary;
  assert.equal(summary.cases.length, 2);
  assert.equal(summary.records.winEvents, 35);
  assert.deepEqual(summary.conflicts, [
    {
      item: 'timeZone',
      values: [
        { case: three, value: 'Asia/Tokyo' },
        { case: one, value: 'UTC' },
      ],
      kept: three,
    },
  ]);
});

test('usage errors exit 2; a merge that cannot be made exits 1 and writes nothing', () => {
  let r = cli('merge', one, '--case', join(dir, 'single.duckdb'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /at least two cases/);
  r = cli('merge', one, two);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /merge needs --case/);
  r = cli('merge', one, two, '--case', three);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /already exists: a merge writes a new case/);
  r = cli('merge', one, join(dir, 'missing.duckdb'), '--case', join(dir, 'never.duckdb'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no case file at .*missing\.duckdb/);
  assert.equal(existsSync(join(dir, 'never.duckdb')), false);
});
