// A value allowlisted in the app ("Allowlist this", kept in the case) stays allowlisted whichever path
// analyses the case next: `accountscope analyze --case` lowers the finding exactly as the app did, adds an
// `--allowlist FILE`'s entries for that run only (saying how many came from each), and a merge of the case
// keeps it lowered too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiMethods } from '../../../shared/api.js';
import type { AnalyzeReport, Finding } from '../../../shared/report.js';
import { readAllFindings } from '../../../electron/engine/analytics/index.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { readSetting } from '../../../electron/engine/service/settingsStore.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { projectRoot, sampleEvidenceDir, tempDir } from '../../support/paths.js';

const cli = join(projectRoot, 'bin', 'accountscope.js');
const run = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: projectRoot });

const PROBED = 'Username enumeration from 198.51.100.23';
const CREATED = 'Account created: SRV-PROV01\\temp.rvanloon';
const PENTEST = 'Authorised penetration test PT-2026-03';

let dir: string;
let cleanup: () => void;
let casePath: string;
/** Every finding as the app left it after "Allowlist this". */
let appFindings: Finding[];
let appAllowlist: unknown;

/** What lowering changes: a finding's severity and the allowlist record it carries. */
const lowering = (fs: readonly Finding[]) =>
  fs
    .map((f) => ({ id: f.id, severity: f.severity, allowlisted: f.allowlisted ?? null }))
    .sort((a, b) => a.id.localeCompare(b.id));

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-stored-allowlist-'));
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
    const probed = (await ok('listFindings', { limit: 500 })).rows.find((f) => f.title === PROBED);
    assert.ok(probed && probed.severity !== 'low', 'the probe is not low before it is allowlisted');
    const result = await ok('allowlistFromFinding', {
      id: probed.id,
      entries: [{ kind: 'sourceIps', value: '198.51.100.23' }],
      reason: PENTEST,
    });
    assert.equal(result.finding?.severity, 'low');
    appFindings = (await ok('listFindings', { limit: 500 })).rows;
    appAllowlist = result.settings.allowlist;
  } finally {
    await service.close();
  }
});

after(() => cleanup?.());

const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as AnalyzeReport;

test('the CLI lowers a finding allowlisted in the app exactly as the app does', () => {
  const json = join(dir, 'cli.json');
  const html = join(dir, 'cli.html');
  const r = run(['analyze', '--case', casePath, '--json', json, '--html', html]);
  assert.equal(r.status, 0, r.stderr);
  const findings = readReport(json).findings;
  assert.deepEqual(lowering(findings), lowering(appFindings));
  assert.match(r.stderr, /^allowlist: 1 entry from the case$/m);
  const probe = findings.find((f) => f.title === PROBED)!;
  assert.deepEqual(probe.allowlisted, { kind: 'sourceIp', value: '198.51.100.23', reason: PENTEST });
  // The report lists the allowlist the run applied.
  assert.ok(readFileSync(html, 'utf8').includes(PENTEST));
});

test('an allowlist file adds its entries for one run, counted apart from the case’s', async () => {
  const file = join(dir, 'allow.json');
  writeFileSync(
    file,
    JSON.stringify({
      accounts: [{ value: 'CORP\\svc_provision', reason: 'New-hire provisioning, change CHG-2291' }],
      tools: [
        { value: 'C:\\Scripts\\Provision-NewHires.ps1', reason: 'New-hire provisioning, change CHG-2291' },
      ],
      sourceIps: [{ value: '198.51.100.23', reason: 'the pen test again' }],
    }),
  );
  const json = join(dir, 'with-file.json');
  let r = run(['analyze', '--case', casePath, '--json', json, '--allowlist', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(
    r.stderr.includes(`allowlist: 1 entry from the case, 3 entries from ${file} (1 already in the case)`),
    r.stderr,
  );
  let findings = readReport(json).findings;
  const created = findings.find((f) => f.title === CREATED)!;
  assert.equal(created.severity, 'low');
  assert.equal(created.allowlisted?.kind, 'account+tool');
  const probe = findings.find((f) => f.title === PROBED)!;
  assert.equal(probe.severity, 'low');
  assert.equal(probe.allowlisted?.reason, `${PENTEST}; the pen test again`);

  // The file's entries were not stored: the case's allowlist is the app's, and the next run without the
  // file raises the created account again while the probe stays lowered.
  const db = await openCase(casePath, { readOnly: true });
  try {
    assert.deepEqual(await readSetting(db.conn, 'allowlist'), appAllowlist);
  } finally {
    db.close();
  }
  r = run(['analyze', '--case', casePath, '--json', json]);
  assert.equal(r.status, 0, r.stderr);
  findings = readReport(json).findings;
  assert.notEqual(findings.find((f) => f.title === CREATED)!.severity, 'low');
  assert.equal(findings.find((f) => f.title === PROBED)!.severity, 'low');
});

test('a merge of the case keeps the finding allowlisted in the app lowered', async () => {
  const other = join(dir, 'other.duckdb');
  let r = run(['import', join(sampleEvidenceDir, 'WS01-Security.xml'), '--case', other]);
  assert.equal(r.status, 0, r.stderr);
  const merged = join(dir, 'merged.duckdb');
  r = run(['merge', casePath, other, '--case', merged]);
  // 4: the other case has no allowlist, a difference the merge lists (the first case's is kept).
  assert.ok(r.status === 0 || r.status === 4, r.stderr);
  // The findings the merge's own analysis stored.
  const db = await openCase(merged, { readOnly: true });
  try {
    const probe = (await readAllFindings(db.conn)).find((f) => f.title === PROBED)!;
    assert.equal(probe.severity, 'low');
    assert.equal(probe.allowlisted?.reason, PENTEST);
  } finally {
    db.close();
  }
});
