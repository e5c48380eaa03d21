// The coverage API over the fixture case: the per-host coverage, the events behind a matrix cell in the
// timeline's row shape, request validation, triage on getFinding, and coverage and triage in the exports.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiMethods } from '../../../shared/api.js';
import type { AnalyzeReport } from '../../../shared/report.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { tempDir } from '../../support/paths.js';
import { buildFixtureCase, fixtureAnalytics, type FixtureCase } from './apiFixture.js';

const scratch = tempDir('accountscope-coverage-api-');
let fixture: FixtureCase;
let service: CaseService;

async function ok<M extends keyof ApiMethods>(m: M, req: ApiMethods[M][0]): Promise<ApiMethods[M][1]> {
  const r = await service.invoke(m, req);
  if (!r.ok) assert.fail(`${m}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

before(async () => {
  fixture = await buildFixtureCase(scratch.dir);
  service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
});

after(async () => {
  await service?.close();
  scratch.cleanup();
});

test('coverage: one row per host and one for Entra ID, with telemetry, spans and verdicts', async () => {
  const hosts = await ok('coverage', {});
  assert.deepEqual(
    hosts.map((h) => h.host),
    ['DC01', 'WS01', 'WS02', 'Entra ID'],
  );
  const ws01 = hosts.find((h) => h.host === 'WS01')!;
  assert.equal(ws01.telemetry['4688'], 2);
  assert.equal(ws01.telemetry['4688_cmdline'], 2);
  assert.equal(ws01.telemetry['sysmon_1'], 1);
  assert.equal(ws01.telemetry['4720'], 1);
  assert.equal(ws01.first, '2024-03-05T10:00:00.000000Z');
  assert.equal(ws01.last, '2024-03-05T10:32:00.000000Z');
  assert.deepEqual(ws01.gaps, []);
  assert.equal(ws01.analytics.AN1604.state, 'full');
  assert.equal(ws01.analytics.AN1235.state, 'full');
  const dc01 = hosts.find((h) => h.host === 'DC01')!;
  assert.equal(dc01.telemetry['4625'], 3);
  assert.equal(dc01.analytics.T1589.state, 'full');
  const ws02 = hosts.find((h) => h.host === 'WS02')!;
  assert.equal(ws02.analytics.AN1612.state, 'blind');
  const entra = hosts.find((h) => h.host === 'Entra ID')!;
  assert.equal(entra.telemetry['signin_interactive'], 18);
  assert.equal(entra.telemetry['audit'], 1);
  // Sign-ins 11:00 … 11:20, the audit at 11:30, a sign-in at 12:00: over ten minutes, one silence.
  const narrow = await ok('coverage', { gapSeconds: 600 });
  assert.deepEqual(narrow.find((h) => h.host === 'Entra ID')!.gaps, [
    { from: '2024-03-05T11:30:00.000000Z', to: '2024-03-05T12:00:00.000000Z', seconds: 1800 },
  ]);
});

test('coverageEvents: the events behind a cell, in time order, openable raw', async () => {
  const page = await ok('coverageEvents', { host: 'ws01', telemetry: '4688' });
  assert.equal(page.total, 2);
  assert.deepEqual(
    page.rows.map((r) => [r.eventId, r.table, r.source, r.recordNo, r.host]),
    [
      [4688, 'win_events', fixture.winSha, 2, 'WS01'],
      [4688, 'win_events', fixture.winSha, 3, 'WS01'],
    ],
  );
  assert.match(page.rows[1]!.summary, /net user backdoor P@ss \/add/);
  const raw = await ok('rawEvent', {
    table: 'win_events',
    source: page.rows[0]!.source,
    recordNo: page.rows[0]!.recordNo,
  });
  assert.match(raw.text, /4688/);
  const second = await ok('coverageEvents', { host: 'WS01', telemetry: '4688', offset: 1, limit: 1 });
  assert.deepEqual(
    { total: second.total, n: second.rows.length, rec: second.rows[0]!.recordNo },
    { total: 2, n: 1, rec: 3 },
  );
  const signins = await ok('coverageEvents', { host: 'Entra ID', telemetry: 'signin_interactive', limit: 3 });
  assert.equal(signins.total, 18);
  assert.deepEqual(
    signins.rows.map((r) => r.table),
    ['signins', 'signins', 'signins'],
  );
  assert.deepEqual(await ok('coverageEvents', { host: 'nowhere', telemetry: '4720' }), {
    total: 0,
    rows: [],
  });
});

test('requests are validated: unknown telemetry keys, silly thresholds and extra fields are refused', async () => {
  for (const [method, req] of [
    ['coverageEvents', { host: 'WS01', telemetry: 'DROP TABLE' }],
    ['coverageEvents', { host: '', telemetry: '4720' }],
    ['coverageEvents', { host: 'WS01', telemetry: '4720', limit: 0 }],
    ['coverage', { gapSeconds: 0 }],
    ['coverage', { gapSeconds: 1.5 }],
    ['coverage', { gap: 60 }],
  ] as const) {
    const r = await service.call(method, req);
    assert.ok(
      !r.ok && r.error.code === 'BAD_REQUEST',
      `${method} ${JSON.stringify(req)}: ${JSON.stringify(r)}`,
    );
  }
});

test('getFinding carries the triage checklist, answered from the case', async () => {
  const f = await ok('getFinding', { id: 'f-create' });
  assert.ok(f.triage && f.triage.length === 5, JSON.stringify(f.triage));
  const groups = f.triage.find((s) => /groups/.test(s.text))!;
  assert.match(groups.answer!, /added to Administrators \(privileged\) at 2024-03-05 10:01:40 UTC/);
  const spray = await ok('getFinding', { id: 'f-spray' });
  assert.match(spray.triage![0]!.text, /later signed in successfully from 203\.0\.113\.5/);
  // user1 succeeds at 12:00, but from 198.51.100.2: not from the prober's address.
  assert.equal(spray.triage![0]!.status, 'done');
});

test('the JSON and HTML exports carry coverage, and every finding its triage', async () => {
  const json = JSON.parse((await ok('exportReport', { format: 'json' })).content) as AnalyzeReport;
  assert.deepEqual(
    json.coverage?.map((h) => h.host),
    ['DC01', 'WS01', 'WS02', 'Entra ID'],
  );
  assert.ok(json.findings.every((f) => Array.isArray(f.triage) && f.triage.length > 0));
  const html = (await ok('exportReport', { format: 'html' })).content;
  assert.match(html, /<h2 id="coverage">Telemetry coverage and blind spots<\/h2>/);
  assert.match(html, /Next steps/);
  assert.doesNotMatch(html, /<script/i);
});
