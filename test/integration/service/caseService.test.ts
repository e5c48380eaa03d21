// The engine service over a small case on disk: what each screen asks for, answered as Result values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiMethods, Result } from '../../../shared/api.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { tempDir } from '../../support/paths.js';
import { buildFixtureCase, EVIL, fixtureAnalytics, type FixtureCase } from './apiFixture.js';

let service: CaseService;
let fixture: FixtureCase;
let cleanup: () => void;

before(async () => {
  const t = tempDir('accountscope-api-');
  cleanup = t.cleanup;
  fixture = await buildFixtureCase(t.dir);
  service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
});

after(async () => {
  await service.close();
  cleanup();
});

async function ok<M extends keyof ApiMethods>(
  method: M,
  request: ApiMethods[M][0],
): Promise<ApiMethods[M][1]> {
  const r = await service.invoke(method, request);
  if (!r.ok) assert.fail(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

function err(r: Result<unknown>): { code: string; message: string } {
  assert.equal(r.ok, false, 'expected a failure');
  return (r as { ok: false; error: { code: string; message: string } }).error;
}

test('caseInfo counts rows, sources, hosts and the time span', async () => {
  const info = await ok('caseInfo', {});
  assert.equal(info.counts.winEvents, 13);
  assert.equal(info.counts.signins, 18);
  assert.equal(info.counts.audits, 1);
  assert.equal(info.counts.findings, 4);
  assert.equal(info.sources.length, 3);
  assert.deepEqual(info.hosts, ['DC01', 'WS01', 'WS02']);
  assert.equal(info.first, '2024-03-05T10:00:00.000000Z');
  assert.equal(info.last, '2024-03-05T12:00:00.000000Z');
});

test('listFindings sorts by severity (most severe first) by default', async () => {
  const { total, rows } = await ok('listFindings', {});
  assert.equal(total, 4);
  assert.deepEqual(
    rows.map((f) => f.severity),
    ['critical', 'high', 'medium', 'low'],
  );
});

test('listFindings filters by analytic, severity, host and text', async () => {
  assert.deepEqual(
    (await ok('listFindings', { analytic: ['AN1604', 'AN1235'] })).rows.map((f) => f.id),
    ['f-create', 'f-seq'],
  );
  const unknown = err(await service.invoke('listFindings', { analytic: ['AN9999'] }));
  assert.equal(unknown.code, 'BAD_REQUEST');
  assert.match(unknown.message, /AN9999 is not one of AN1612, AN1604, AN1235, T1589/);
  assert.deepEqual(
    (await ok('listFindings', { severity: ['low', 'medium'] })).rows.map((f) => f.id),
    ['f-enum', 'f-seq'],
  );
  assert.deepEqual(
    (await ok('listFindings', { host: 'ws02' })).rows.map((f) => f.id),
    ['f-seq'],
  );
  assert.deepEqual(
    (await ok('listFindings', { text: 'BACKDOOR' })).rows.map((f) => f.id),
    ['f-create'],
  );
  assert.deepEqual(
    (await ok('listFindings', { text: '203.0.113.5' })).rows.map((f) => f.id),
    ['f-spray'],
  );
  // Text is matched as text: a LIKE wildcard in the query matches nothing special.
  assert.equal((await ok('listFindings', { text: '%' })).total, 0);
});

test('listFindings sorts by time and host in both directions and pages', async () => {
  const byFirst = await ok('listFindings', { sort: 'first' });
  assert.deepEqual(
    byFirst.rows.map((f) => f.id),
    ['f-create', 'f-seq', 'f-enum', 'f-spray'],
  );
  const byFirstDesc = await ok('listFindings', { sort: 'first', desc: true });
  assert.equal(byFirstDesc.rows[0]!.id, 'f-spray');
  const byHost = await ok('listFindings', { sort: 'host' });
  assert.deepEqual(
    byHost.rows.map((f) => f.hosts[0] ?? ''),
    ['', 'WS01', 'WS01', 'WS02'],
  );
  const page = await ok('listFindings', { sort: 'first', offset: 1, limit: 2 });
  assert.equal(page.total, 4, 'total counts every match, not the page');
  assert.deepEqual(
    page.rows.map((f) => f.id),
    ['f-seq', 'f-enum'],
  );
});

test('getFinding returns the stored finding; an unknown id is NOT_FOUND', async () => {
  const f = await ok('getFinding', { id: 'f-create' });
  assert.equal(f.lineage.length, 2);
  assert.equal(f.evidence[0]!.recordNo, 4);
  assert.equal(err(await service.invoke('getFinding', { id: 'nope' })).code, 'NOT_FOUND');
});

test('rawEvent returns the exact XML or JSON of one record', async () => {
  const xml = await ok('rawEvent', { table: 'win_events', source: fixture.winSha, recordNo: 4 });
  assert.equal(xml.format, 'xml');
  assert.equal(xml.sourcePath, '/evidence/Security.xml');
  assert.match(xml.text, /<Data Name="TargetUserName">backdoor<\/Data>/);
  assert.equal(xml.processStart, undefined, 'a 4720 is no process start');
  // A 4688 and a Sysmon 1 say they are process starts, so the viewer offers their process tree.
  for (const recordNo of [2, 12]) {
    const start = await ok('rawEvent', { table: 'win_events', source: fixture.winSha, recordNo });
    assert.equal(start.processStart, true, `record ${recordNo}`);
  }
  const json = await ok('rawEvent', { table: 'signins', source: fixture.signinSha, recordNo: 1 });
  assert.equal(json.format, 'json');
  assert.deepEqual(JSON.parse(json.text), { id: 's0', userPrincipalName: 'user0@corp.example' });
  assert.equal(
    err(await service.invoke('rawEvent', { table: 'audits', source: fixture.winSha, recordNo: 1 })).code,
    'NOT_FOUND',
  );
});

test('timeline buckets hold every event by category, with finding markers', async () => {
  const t = await ok('timeline', { buckets: 30 });
  assert.ok(t.buckets.length > 1 && t.buckets.length <= 31, `bucket count ${t.buckets.length}`);
  assert.equal(t.bucketSeconds, 300);
  const sum = (cat: string): number => t.buckets.reduce((n, b) => n + (b.counts[cat] ?? 0), 0);
  assert.equal(sum('process'), 3, '4688 ×2 and Sysmon 1');
  assert.equal(sum('logon'), 1);
  assert.equal(sum('logon-failure'), 4, '4625 ×3 and the failed 4768, not the successful one');
  assert.equal(sum('account'), 1);
  assert.equal(sum('group'), 1);
  assert.equal(sum('enumeration'), 1);
  assert.equal(sum('signin-failure'), 17);
  assert.equal(sum('signin'), 1);
  assert.equal(sum('audit'), 1);
  assert.equal(sum('other'), 2);
  assert.ok(t.buckets.some((b) => Object.values(b.counts).some((n) => n > 0)));
  assert.equal(t.markers.length, 4);
  assert.equal(t.markers[0]!.findingId, 'f-create');
});

test('timeline narrows to a range; timelineEvents pages its events with summaries', async () => {
  const t = await ok('timeline', { from: '2024-03-05T10:00:00Z', to: '2024-03-05T10:02:00Z', buckets: 12 });
  assert.equal(t.bucketSeconds, 10);
  const total = t.buckets.reduce((n, b) => n + Object.values(b.counts).reduce((a, c) => a + c, 0), 0);
  assert.equal(total, 5);
  const events = await ok('timelineEvents', {
    from: '2024-03-05T10:00:00Z',
    to: '2024-03-05T10:02:00Z',
    limit: 3,
  });
  assert.equal(events.total, 5);
  assert.equal(events.rows.length, 3);
  assert.equal(events.rows[0]!.category, 'logon');
  assert.match(events.rows[0]!.summary, /logon of CORP\\jdoe type 10 from 10\.0\.4\.7/);
  assert.match(events.rows[2]!.summary, /net user backdoor P@ss \/add/);
  const next = await ok('timelineEvents', {
    from: '2024-03-05T10:00:00Z',
    to: '2024-03-05T10:02:00Z',
    offset: 3,
    limit: 3,
  });
  assert.equal(next.rows[0]!.summary, 'CORP\\jdoe created account WS01\\backdoor');
  assert.equal(next.rows[0]!.source, fixture.winSha);
});

test('signinSources groups failures per IP; signinSource lists users and who succeeded later', async () => {
  const sources = await ok('signinSources', {});
  assert.equal(sources.length, 1);
  assert.equal(sources[0]!.ip, '203.0.113.5');
  assert.equal(sources[0]!.distinctUsers, 16);
  assert.equal(sources[0]!.failures, 17);
  assert.deepEqual(sources[0]!.errorCodes, { '50034': 8, '50126': 9 });
  const detail = await ok('signinSource', { ip: '203.0.113.5' });
  assert.equal(detail.users.length, 16);
  const user1 = detail.users.find((u) => u.user === 'user1@corp.example')!;
  assert.equal(user1.attempts, 2);
  assert.equal(user1.succeededLater, true);
  assert.equal(detail.users.filter((u) => u.succeededLater).length, 1);
  assert.ok(detail.series.length > 0);
  assert.equal(
    detail.series.reduce((n, s) => n + s.failures, 0),
    17,
  );
  assert.equal(err(await service.invoke('signinSource', { ip: '192.0.2.1' })).code, 'NOT_FOUND');
});

test('settings round-trip through the case and survive reopening it', async () => {
  const before = await ok('getSettings', {});
  assert.equal(before.timeZone, 'UTC');
  assert.equal(before.profile, 'default');
  const names = Object.keys(before.params);
  assert.ok(names.length > 5, 'the registry’s parameters are listed with their values');
  const name = names.find((n) => typeof before.params[n] === 'number')!;
  const changed = {
    ...before,
    params: { ...before.params, [name]: (before.params[name] as number) + 1 },
    timeZone: 'Europe/Berlin',
    allowlist: { ...before.allowlist, sourceIps: [{ value: '203.0.113.5', reason: 'pen test' }] },
  };
  const saved = await ok('setSettings', changed);
  assert.equal(saved.params[name], (before.params[name] as number) + 1);
  assert.equal(saved.timeZone, 'Europe/Berlin');
  assert.equal((await ok('signinSources', {}))[0]!.allowlisted, true, 'the allowlist applies at once');
  // Reopen: what was saved is read back from the case file.
  await service.close();
  service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
  const reread = await ok('getSettings', {});
  assert.deepEqual(reread, saved);
  assert.equal(
    err(await service.invoke('setSettings', { ...reread, timeZone: 'Mars/Olympus' })).code,
    'BAD_REQUEST',
  );
  assert.equal(
    err(await service.invoke('setSettings', { ...reread, params: { no_such_param: 1 } })).code,
    'BAD_REQUEST',
  );
  assert.equal(
    err(await service.invoke('setSettings', { ...reread, params: { [name]: 'text' } })).code,
    'BAD_REQUEST',
  );
  await ok('setSettings', before);
});

test('analyze runs the analytics with the case settings and reports how many findings', async () => {
  const started = performance.now();
  const r = await ok('analyze', {});
  const wall = performance.now() - started;
  assert.equal(r.findings, 4);
  // The analytics of the fixture take 40 ms: the time reported is theirs, within the call's own.
  assert.ok(Number.isInteger(r.elapsedMs), `elapsedMs ${r.elapsedMs} is not whole milliseconds`);
  assert.ok(
    r.elapsedMs >= 35 && r.elapsedMs <= Math.ceil(wall),
    `elapsedMs ${r.elapsedMs}, call took ${wall}`,
  );
});

test('every request is validated: unknown methods and malformed requests are values, not exceptions', async () => {
  assert.equal(err(await service.call('dropTables', {})).code, 'UNKNOWN_METHOD');
  assert.equal(err(await service.call('listFindings', { limit: -1 })).code, 'BAD_REQUEST');
  assert.equal(
    err(await service.call('rawEvent', { table: 'sources', source: fixture.winSha, recordNo: 1 })).code,
    'BAD_REQUEST',
  );
  assert.equal(err(await service.call('timeline', { from: 'yesterday' })).code, 'BAD_REQUEST');
});

test('exportReport json is the AnalyzeReport shape; csv carries evidence ids', async () => {
  const json = await ok('exportReport', { format: 'json' });
  assert.equal(json.mime, 'application/json');
  assert.match(json.filename, /^accountscope-case-\d{4}-\d{2}-\d{2}\.json$/);
  const report = JSON.parse(json.content);
  assert.equal(report.tool.name, 'accountscope');
  assert.equal(report.sources.length, 3);
  assert.equal(report.findings.length, 4);
  const csv = await ok('exportReport', { format: 'csv' });
  const lines = csv.content
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines.length, 5);
  assert.match(lines[0]!, /^id,analytic,severity/);
  assert.ok(lines.some((l) => l.includes(`win_events:${fixture.winSha}:4#4`)));
});

test('exportReport html is self-contained and escapes evidence text', async () => {
  const { content, mime } = await ok('exportReport', { format: 'html' });
  assert.equal(mime, 'text/html');
  assert.doesNotMatch(content, /<script/i);
  assert.doesNotMatch(content, /https?:\/\//i, 'no live URL of any kind, not even from evidence');
  assert.doesNotMatch(content, /<img/i);
  assert.ok(!content.includes(EVIL));
  assert.ok(content.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(content.includes('hxxp://evil.example/x'), 'URLs from evidence are defanged');
  assert.match(content, /Content-Security-Policy" content="default-src 'none'/);
  assert.match(content, /net user backdoor P@ss \/add/);
  assert.match(content, /Parameters used/);
});
