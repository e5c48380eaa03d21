// `accountscope analyze` writes the HTML report in the case's display time zone (or --time-zone), and names
// the case and the evidence files by file name only unless --include-paths asks for their local paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { writeSetting } from '../../../electron/engine/service/settingsStore.js';
import { projectRoot, sampleEvidenceDir, tempDir } from '../../support/paths.js';

const cli = join(projectRoot, 'bin', 'accountscope.js');
const run = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: projectRoot });
const EVIDENCE = join(sampleEvidenceDir, 'WS01-Security.xml');

test('the report’s time zone and local paths follow the case and the flags', async () => {
  const { dir, cleanup } = tempDir('accountscope-report-options-');
  try {
    const casePath = join(dir, 'case.duckdb');
    const html = join(dir, 'r.html');
    const json = join(dir, 'r.json');
    let r = run(['analyze', EVIDENCE, '--case', casePath, '--html', html, '--json', json]);
    assert.equal(r.status, 0, r.stderr);
    let text = readFileSync(html, 'utf8');
    assert.match(text, /times are in UTC/);
    assert.match(text, /Case case\.duckdb ·/);
    assert.ok(!text.includes(dir) && !text.includes(sampleEvidenceDir), 'a local folder is named');
    const sources = (JSON.parse(readFileSync(json, 'utf8')) as { sources: Array<{ path: string }> }).sources;
    assert.deepEqual(
      sources.map((s) => s.path),
      ['WS01-Security.xml'],
    );

    // The case's display time zone, set in the app, is the report's.
    const db = await openCase(casePath);
    await writeSetting(db.conn, 'timeZone', 'Asia/Tokyo');
    db.close();
    r = run(['analyze', '--case', casePath, '--html', html, '--json', json, '--include-paths']);
    assert.equal(r.status, 0, r.stderr);
    text = readFileSync(html, 'utf8');
    assert.match(text, /times are in Asia\/Tokyo/);
    assert.match(text, / GMT\+9/);
    assert.ok(text.includes(`Case ${casePath} ·`));
    assert.ok(text.includes(EVIDENCE));
    assert.ok(readFileSync(json, 'utf8').includes(JSON.stringify(EVIDENCE).slice(1, -1)));

    r = run(['analyze', '--case', casePath, '--html', html, '--time-zone', 'America/New_York']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(html, 'utf8'), /times are in America\/New_York/);

    r = run(['analyze', '--case', casePath, '--html', html, '--time-zone', 'Mars/Olympus_Mons']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--time-zone: unknown time zone "Mars\/Olympus_Mons"/);
  } finally {
    cleanup();
  }
});
