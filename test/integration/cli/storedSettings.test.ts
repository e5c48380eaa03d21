// The parameters and profile a responder set in the app are the case's: `accountscope analyze --case`
// runs with them, as the app does, says which came from the case, and a `--param` or `--profile` flag
// overrides them for that run only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiMethods } from '../../../shared/api.js';
import type { AnalyzeReport, Finding } from '../../../shared/report.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { readSetting } from '../../../electron/engine/service/settingsStore.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { projectRoot, sampleEvidenceDir, tempDir } from '../../support/paths.js';

const cli = join(projectRoot, 'bin', 'accountscope.js');
const run = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: projectRoot });

/** More distinct users than the sample's probe tried: the probe is no longer rated as it was. */
const RAISED = 500;

let dir: string;
let cleanup: () => void;
let casePath: string;
let appFindings: Finding[];
let defaultFindings: Finding[];
let defaultThreshold: unknown;

const shape = (fs: readonly Finding[]) =>
  fs.map((f) => `${f.title} (${f.severity})`).sort((a, b) => a.localeCompare(b));
const findingsOf = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as AnalyzeReport).findings;

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-stored-settings-'));
  casePath = join(dir, 'case.duckdb');
  const service = await CaseService.open(casePath, { analytics: defaultAnalytics() });
  try {
    const ok = async <M extends keyof ApiMethods>(m: M, req: ApiMethods[M][0]) => {
      const r = await service.invoke(m, req);
      if (!r.ok) assert.fail(`${m}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    const { importId } = await ok('startImport', {
      paths: ['SRV-PROV01-Security.xml', 'entra-SigninLogs-loganalytics.json'].map((n) =>
        join(sampleEvidenceDir, n),
      ),
    });
    while ((await ok('importStatus', { importId })).state === 'running')
      await new Promise((r) => setTimeout(r, 50));
    await ok('analyze', {});
    defaultFindings = (await ok('listFindings', { limit: 500 })).rows;
    const settings = await ok('getSettings', {});
    defaultThreshold = settings.params['t1589_min_distinct_users'];
    await ok('setSettings', {
      ...settings,
      params: { ...settings.params, t1589_min_distinct_users: RAISED },
    });
    await ok('analyze', {});
    appFindings = (await ok('listFindings', { limit: 500 })).rows;
    assert.notDeepEqual(shape(appFindings), shape(defaultFindings), 'the raised threshold changes a finding');
  } finally {
    await service.close();
  }
});

after(() => cleanup?.());

test('the CLI analyses with the parameters the app stored in the case, and says so', () => {
  const json = join(dir, 'cli.json');
  const r = run(['analyze', '--case', casePath, '--json', json]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(shape(findingsOf(json)), shape(appFindings));
  assert.match(r.stderr, /^settings: t1589_min_distinct_users from the case$/m);
});

test('a --param overrides the case for one run; the case keeps its own', async () => {
  const json = join(dir, 'override.json');
  let r = run([
    'analyze',
    '--case',
    casePath,
    '--json',
    json,
    '--param',
    `t1589_min_distinct_users=${String(defaultThreshold)}`,
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(shape(findingsOf(json)), shape(defaultFindings));
  assert.match(r.stderr, /^settings: t1589_min_distinct_users from --param$/m);

  const db = await openCase(casePath, { readOnly: true });
  try {
    assert.deepEqual(await readSetting(db.conn, 'params'), { t1589_min_distinct_users: RAISED });
  } finally {
    db.close();
  }
  r = run(['analyze', '--case', casePath, '--json', json]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(shape(findingsOf(json)), shape(appFindings));
});
