// Adding an analytic is a folder and one line: a test-only analytic (test/fixtures/analytics/fx_log_clear) is
// registered through the same registry as the built-in ones, and then runs end to end on the sample case —
// its SQL with its own parameter, its findings with their explanation, its triage, its coverage verdict, the
// SQL screen's catalogue, the account story and the reports — with nothing else written for it. Taken out
// again, it leaves no trace. (The Findings screen with it is test/e2e/fixtureAnalytic.test.ts.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  accountStories,
  accountStory,
  analyticCatalog,
  analyticInfos,
  paramSpecs,
  registerAnalytic,
  resolveParams,
  runAnalytics,
  withTriage,
} from '../../../electron/engine/analytics/index.js';
import { computeCoverage } from '../../../electron/engine/coverage/index.js';
import { buildAnalyzeReport } from '../../../electron/engine/report/jsonReport.js';
import { renderHtmlReport } from '../../../electron/engine/report/htmlReport.js';
import type { CaseDb } from '../../../electron/engine/store/openCase.js';
import { fxLogClear } from '../../fixtures/analytics/fx_log_clear/index.js';
import { importIntoMemoryCase } from '../../support/importCase.js';
import { sampleEvidenceDir } from '../../support/paths.js';

const ID = 'FX_LOG_CLEAR';
let db: CaseDb;
let unregister: () => void;

before(async () => {
  unregister = registerAnalytic(fxLogClear);
  ({ db } = await importIntoMemoryCase([sampleEvidenceDir]));
});

after(() => {
  unregister?.();
  db?.close();
});

test('it runs after the built-in analytics and finds the sample case’s Security log clear', async () => {
  assert.equal(analyticInfos().at(-1)?.id, ID);
  const findings = await runAnalytics(db.conn);
  const mine = findings.filter((f) => f.analytic === ID);
  assert.equal(mine.length, 1, 'the sample case has one Security 1102 (WS02, by CORP\\jdoe)');
  const [f] = mine;
  assert.equal(f!.hosts[0]?.split('.')[0], 'WS02');
  assert.equal(f!.actor.user, 'CORP\\jdoe');
  assert.equal(f!.severity, 'medium');
  assert.equal(f!.title, 'Security log cleared on WS02.corp.local');
  assert.match(
    f!.explanation,
    /^CORP\\jdoe cleared the Security log of WS02\.corp\.local at 2026-03-13T19:44:10/,
  );
  assert.deepEqual(f!.params, { fx_log_clear_severity: 'medium' });
  assert.equal(f!.evidence[0]?.eventId, 1102);
  // The built-in analytics still find what they found.
  assert.ok(findings.some((x) => x.analytic === 'AN1604'));
});

test('its parameter is in the registry and changes what it finds', async () => {
  const spec = paramSpecs().find((p) => p.name === 'fx_log_clear_severity');
  assert.equal(spec?.analytic, ID);
  assert.equal(resolveParams()['fx_log_clear_severity'], 'medium');
  assert.throws(() => resolveParams({ fx_log_clear_severity: 'urgent' }), /must be string/);
  const findings = await runAnalytics(db.conn, {
    analytics: [ID],
    params: { fx_log_clear_severity: 'high' },
  });
  assert.deepEqual(
    findings.map((f) => [f.analytic, f.severity]),
    [[ID, 'high']],
  );
});

test('its SQL, title and ATT&CK mapping reach the SQL screen’s catalogue', () => {
  const entry = analyticCatalog().find((a) => a.id === ID);
  assert.equal(entry?.title, 'Security log cleared (a test-only analytic)');
  assert.match(entry!.attack, /T1070\.001/);
  assert.match(entry!.sql, /event_id = 1102/);
  assert.deepEqual(
    entry!.params.map((p) => p.name),
    ['fx_log_clear_severity'],
  );
});

test('its coverage verdict is on every host, after the built-in ones', async () => {
  const hosts = await computeCoverage(db.conn);
  assert.ok(hosts.length > 1);
  for (const h of hosts) {
    assert.deepEqual(Object.keys(h.analytics).at(-1), ID);
    const v = h.analytics[ID]!;
    if (h.kind === 'entra') assert.equal(v.state, 'blind');
    else
      assert.deepEqual(v, {
        state: 'full',
        reason: 'a Security log clear (1102) is the last event the cleared log writes',
      });
  }
});

test('its triage, its part of an account story and the reports come from its module', async () => {
  const findings = await runAnalytics(db.conn);
  const triaged = await withTriage(
    db.conn,
    findings.filter((f) => f.analytic === ID),
  );
  assert.equal(triaged[0]?.triage?.[0]?.text, 'Ask CORP\\jdoe why the log was cleared');

  const clearer = (await accountStories(db.conn)).find((a) => a.display === 'CORP\\jdoe');
  assert.ok(clearer, 'the clearer is an account with a story');
  const story = await accountStory(db.conn, clearer.key);
  assert.ok(story!.events.some((e) => e.kind === 'cleared' && e.eventId === 1102));

  const hosts = await computeCoverage(db.conn);
  const report = buildAnalyzeReport([], triaged, hosts);
  assert.equal(report.analytics?.at(-1)?.name, 'Security log cleared');
  const html = renderHtmlReport(report, {
    casePath: 'case.duckdb',
    generatedAt: '2026-12-02T00:00:00Z',
    timeZone: 'UTC',
    params: {},
    allowlist: { accounts: [], tools: [], sourceIps: [], hosts: [] },
  });
  assert.match(html, /<h3>FX_LOG_CLEAR — Security log cleared<\/h3>/);
});

test('taken out of the registry, it leaves nothing behind', () => {
  const again = registerAnalytic({ ...fxLogClear, id: 'FX_TWICE', params: [] });
  again();
  assert.ok(!analyticInfos().some((a) => a.id === 'FX_TWICE'));
  assert.throws(() => registerAnalytic(fxLogClear), /registered twice/);
  assert.throws(() => registerAnalytic({ ...fxLogClear, id: 'fx lower' }), /not letters, digits and _/);
  assert.throws(
    () => registerAnalytic({ ...fxLogClear, id: 'FX_OTHER' }),
    /parameter fx_log_clear_severity of FX_OTHER must start with fx_other_/,
  );
});
