// Triage through the service, as the screens use it, on real evidence (sample-logs) and the real analytics:
// a finding's review and an event's tags survive re-analysis and the import of another file; the Findings
// table filters on them; "Allowlist this" lowers the finding and records the reason; and every report
// carries the status, tags and note, without the responder's local paths unless asked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ApiMethods } from '../../../shared/api.js';
import type { Finding } from '../../../shared/report.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { sampleEvidenceDir, tempDir } from '../../support/paths.js';

let dir: string;
let cleanup: () => void;
let service: CaseService;

async function ok<M extends keyof ApiMethods>(m: M, req: ApiMethods[M][0]): Promise<ApiMethods[M][1]> {
  const r = await service.invoke(m, req);
  if (!r.ok) assert.fail(`${m}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function importFiles(...names: string[]): Promise<void> {
  const { importId } = await ok('startImport', { paths: names.map((n) => join(sampleEvidenceDir, n)) });
  for (;;) {
    const status = await ok('importStatus', { importId });
    if (status.state !== 'running') {
      assert.equal(status.state, 'done', status.message);
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const byTitle = async (title: string): Promise<Finding> => {
  const { rows } = await ok('listFindings', { limit: 500 });
  const f = rows.find((x) => x.title === title);
  assert.ok(f, `no finding "${title}" among ${rows.map((x) => x.title).join(' | ')}`);
  return f;
};

const CREATED = 'Account created: SRV-PROV01\\temp.rvanloon';
const PROBED = 'Username enumeration from 198.51.100.23';

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-triage-'));
  service = await CaseService.open(join(dir, 'case.duckdb'), { analytics: defaultAnalytics() });
  await importFiles('SRV-PROV01-Security.xml', 'entra-SigninLogs-loganalytics.json');
  await ok('analyze', {});
});

after(async () => {
  await service?.close();
  cleanup?.();
});

test('a review set on a finding comes back with it, and the table filters on status, tag and bookmark', async () => {
  const f = await byTitle(CREATED);
  assert.equal(f.review, undefined, 'nobody has reviewed it yet');
  const review = await ok('setFindingReview', {
    id: f.id,
    status: 'reviewed',
    tags: ['follow up'],
    note: 'Ask HR whether rvanloon started this week.',
    bookmarked: true,
  });
  assert.equal(review.status, 'reviewed');
  assert.match(String(review.statusAt), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  assert.deepEqual((await ok('getFinding', { id: f.id })).review, review);

  const { total } = await ok('listFindings', {});
  const unreviewed = await ok('listFindings', { status: ['new'] });
  assert.equal(unreviewed.total, total - 1);
  assert.ok(!unreviewed.rows.some((x) => x.id === f.id));
  assert.deepEqual(
    (await ok('listFindings', { status: ['reviewed'] })).rows.map((x) => x.id),
    [f.id],
  );
  assert.deepEqual(
    (await ok('listFindings', { tag: 'FOLLOW UP' })).rows.map((x) => [x.id, x.review?.note]),
    [[f.id, review.note]],
  );
  assert.deepEqual(
    (await ok('listFindings', { bookmarked: true })).rows.map((x) => x.id),
    [f.id],
  );
  assert.equal((await ok('listFindings', { tag: 'benign' })).total, 0);
  const missing = await service.invoke('setFindingReview', {
    id: 'AN1604-0000000000000000',
    status: 'reviewed',
  });
  assert.ok(!missing.ok && missing.error.code === 'NOT_FOUND');
});

test('an event’s tags, note and bookmark are read back in one call for a list of events', async () => {
  const f = await byTitle(CREATED);
  const [first, second] = f.evidence;
  const ref = (e: NonNullable<typeof first>) => ({
    table: e.table!,
    source: e.source,
    recordNo: e.recordNo!,
  });
  const set = await ok('setEventTriage', { ref: ref(second!), tags: ['suspicious'], note: 'the 4720' });
  assert.deepEqual(set.tags, ['suspicious']);
  await ok('setEventTriage', { ref: ref(first!), bookmarked: true });
  const read = await ok('eventTriage', {
    refs: [ref(first!), ref(second!), { ...ref(first!), recordNo: 999_999 }],
  });
  assert.deepEqual(
    read.map((t) => [t.ref.recordNo, t.tags, t.note, t.bookmarked]),
    [
      [first!.recordNo, [], '', true],
      [second!.recordNo, ['suspicious'], 'the 4720', false],
    ],
  );
  const unknown = await service.invoke('setEventTriage', {
    ref: { ...ref(first!), recordNo: 999_999 },
    bookmarked: true,
  });
  assert.ok(!unknown.ok && unknown.error.code === 'NOT_FOUND', JSON.stringify(unknown));
});

test('reviews and event triage survive re-analysis and the import of another file', async () => {
  const f = await byTitle(CREATED);
  await ok('analyze', {});
  await importFiles('WS01-Security.xml', 'WS01-Sysmon.xml');
  const run = await ok('analyze', {});
  const again = await byTitle(CREATED);
  assert.equal(again.id, f.id);
  assert.equal(again.review?.status, 'reviewed');
  assert.deepEqual(again.review?.tags, ['follow up']);
  assert.ok((await ok('listFindings', { limit: 500 })).rows.some((x) => x.title.includes('WS01\\backdoor')));
  assert.equal((await ok('listFindings', { status: ['new'] })).total, run.findings - 1);
  const [first] = again.evidence;
  const read = await ok('eventTriage', {
    refs: [{ table: first!.table!, source: first!.source, recordNo: first!.recordNo! }],
  });
  assert.equal(read[0]?.bookmarked, true);
});

test('the tag set is the case’s own and can be changed', async () => {
  assert.deepEqual(await ok('triageTags', {}), ['suspicious', 'benign', 'reviewed', 'follow up']);
  assert.deepEqual(await ok('setTriageTags', { tags: ['suspicious', 'benign', 'legal hold', 'Benign'] }), [
    'suspicious',
    'benign',
    'legal hold',
  ]);
  assert.deepEqual(await ok('triageTags', {}), ['suspicious', 'benign', 'legal hold']);
  // A tag taken out of the set stays on the finding that carries it.
  assert.deepEqual((await byTitle(CREATED)).review?.tags, ['follow up']);
});

test('Allowlist this: the source IP, with a reason, lowers the finding and is kept in the settings', async () => {
  const f = await byTitle(PROBED);
  assert.notEqual(f.severity, 'low');
  assert.equal(f.allowlisted, undefined);
  await ok('setFindingReview', { id: f.id, status: 'false-positive', note: 'the pen test' });
  const result = await ok('allowlistFromFinding', {
    id: f.id,
    entries: [{ kind: 'sourceIps', value: '198.51.100.23' }],
    reason: 'Authorised penetration test PT-2026-03',
  });
  assert.equal(result.finding?.id, f.id);
  assert.equal(result.finding?.severity, 'low');
  assert.deepEqual(result.finding?.allowlisted, {
    kind: 'sourceIp',
    value: '198.51.100.23',
    reason: 'Authorised penetration test PT-2026-03',
  });
  assert.equal(result.finding?.review?.status, 'false-positive', 'the review outlives the re-run');
  assert.deepEqual(result.settings.allowlist.sourceIps, [
    { value: '198.51.100.23', reason: 'Authorised penetration test PT-2026-03' },
  ]);
  assert.deepEqual((await ok('getSettings', {})).allowlist.sourceIps, result.settings.allowlist.sourceIps);
  assert.equal((await ok('getFinding', { id: f.id })).severity, 'low');
  const none = await service.invoke('allowlistFromFinding', { id: f.id, entries: [], reason: 'x' });
  assert.ok(!none.ok && none.error.code === 'BAD_REQUEST');
});

test('Allowlist this: an account and its tool together lower a created account', async () => {
  const f = await byTitle(CREATED);
  assert.equal(f.severity, 'medium');
  const result = await ok('allowlistFromFinding', {
    id: f.id,
    entries: [
      { kind: 'accounts', value: 'CORP\\svc_provision' },
      { kind: 'tools', value: 'C:\\Scripts\\Provision-NewHires.ps1' },
    ],
    reason: 'New-hire provisioning, change CHG-2291',
  });
  assert.equal(result.finding?.severity, 'low');
  assert.equal(result.finding?.allowlisted?.kind, 'account+tool');
  assert.equal(result.finding?.allowlisted?.reason, 'New-hire provisioning, change CHG-2291');
  assert.equal(result.finding?.review?.status, 'reviewed');
});

test('the reports carry status, tags and notes, and name no local path unless asked', async () => {
  const created = await byTitle(CREATED);
  const html = (await ok('exportReport', { format: 'html' })).content;
  assert.match(html, /<span class="status reviewed">reviewed<\/span>/);
  assert.match(html, /<span class="tag">follow up<\/span>/);
  assert.ok(html.includes('Ask HR whether rvanloon started this week.'));
  assert.match(html, /<span class="status false-positive">false positive<\/span>/);
  assert.match(html, /Tagged and bookmarked events/);
  assert.ok(html.includes('the 4720'));
  assert.ok(!html.includes(dir), 'the case folder is named in the HTML');
  assert.ok(!html.includes(sampleEvidenceDir), 'the evidence folder is named in the HTML');

  const json = JSON.parse((await ok('exportReport', { format: 'json' })).content) as {
    findings: Finding[];
    events: Array<{ note: string }>;
    sources: Array<{ path: string }>;
  };
  assert.deepEqual(json.findings.find((f) => f.id === created.id)?.review?.tags, ['follow up']);
  assert.ok(json.events.some((e) => e.note === 'the 4720'));
  // Each evidence event names its account and outcome, read from the case for the report.
  const createdEvidence = json.findings.find((f) => f.id === created.id)!.evidence;
  assert.ok(
    createdEvidence.some((e) => e.eventId === 4720 && e.user === 'SRV-PROV01\\temp.rvanloon'),
    JSON.stringify(createdEvidence.slice(0, 3)),
  );
  const probe = json.findings.find((f) => f.title === PROBED)!;
  assert.ok(
    probe.evidence.every((e) => /@/.test(e.user ?? '') && /^5\d{4}$/.test(e.code ?? '')),
    JSON.stringify(probe.evidence.slice(0, 3)),
  );
  assert.ok(
    json.sources.every((s) => !s.path.includes('/')),
    JSON.stringify(json.sources.map((s) => s.path)),
  );
  const withPaths = (await ok('exportReport', { format: 'json', includePaths: true })).content;
  assert.ok(withPaths.includes(sampleEvidenceDir));
  assert.ok((await ok('exportReport', { format: 'html', includePaths: true })).content.includes(dir));

  const csv = (await ok('exportReport', { format: 'csv' })).content;
  const header = csv.slice(1, csv.indexOf('\r\n')).split(',');
  const line = csv.split('\r\n').find((l) => l.startsWith(`"${created.id}"`))!;
  assert.deepEqual(header.slice(-6), [
    'review_status',
    'review_status_at',
    'review_status_by',
    'review_tags',
    'review_note',
    'bookmarked',
  ]);
  assert.match(
    line,
    /"reviewed","\d{4}-[^"]+","[^"]*","follow up","Ask HR whether rvanloon started this week\.","yes"$/,
  );
});
