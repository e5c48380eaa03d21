// The service with the real analytics: analyze the fixture case, then read what the screens read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiMethods } from '../../../shared/api.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { tempDir } from '../../support/paths.js';
import { buildFixtureCase } from './apiFixture.js';
import { openCase } from '../../../electron/engine/store/openCase.js';

test('analyze, then findings, accounts, stories, SQL catalog and timeline markers agree', async () => {
  const { dir, cleanup } = tempDir('accountscope-real-');
  const fixture = await buildFixtureCase(dir, false);
  const service = await CaseService.open(fixture.path, { analytics: defaultAnalytics() });
  const ok = async <M extends keyof ApiMethods>(m: M, req: ApiMethods[M][0]): Promise<ApiMethods[M][1]> => {
    const r = await service.invoke(m, req);
    if (!r.ok) assert.fail(`${m}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  try {
    assert.equal((await ok('caseInfo', {})).analyzedAt, null);
    const run = await ok('analyze', {});
    assert.ok(run.findings >= 1, `findings: ${run.findings}`);
    const info = await ok('caseInfo', {});
    assert.match(String(info.analyzedAt), /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(info.counts.findings, run.findings);

    const creation = await ok('listFindings', { analytic: ['AN1604'] });
    assert.ok(
      creation.rows.some((f) => f.accounts.some((a) => /backdoor/i.test(a))),
      JSON.stringify(creation.rows.map((f) => f.accounts)),
    );
    const one = await ok('getFinding', { id: creation.rows[0]!.id });
    assert.equal(one.id, creation.rows[0]!.id);

    const accounts = await ok('listAccounts', {});
    const backdoor = accounts.find((a) => /backdoor/i.test(a.display));
    assert.ok(backdoor, JSON.stringify(accounts.map((a) => a.display)));
    const story = await ok('accountStory', { key: backdoor.key });
    assert.ok(story.findings.length >= 1);
    const missing = await service.invoke('accountStory', { key: 'nobody\\here' });
    assert.ok(!missing.ok && missing.error.code === 'NOT_FOUND');

    // Settings lists every parameter, also those only the building blocks read (process parents).
    const specs = await ok('paramSpecs', {});
    const parentAge = specs.find((p) => p.name === 'process_parent_max_age_s');
    assert.equal(parentAge?.analytic, 'common');
    assert.deepEqual(
      (await ok('analytics', {})).map((a) => [a.id, a.reads.join('+')]),
      [
        ['AN1612', 'windows'],
        ['AN1604', 'windows'],
        ['AN1235', 'windows'],
        ['T1589', 'windows+entra'],
        ['T1110_001', 'windows+entra'],
        ['T1110_003', 'windows'],
      ],
    );

    const catalog = await ok('analyticSql', {});
    assert.deepEqual(
      catalog.map((a) => a.id),
      ['AN1612', 'AN1604', 'AN1235', 'T1589', 'T1110_001', 'T1110_003'],
    );
    for (const a of catalog) {
      assert.ok(a.sql.length > 100 && a.title.length > 0, a.id);
      // What the SQL screen shows runs as is in the console, on the case's own parameter values.
      const rerun = await service.invoke('runSql', { sql: a.sql, limit: 5 });
      assert.ok(rerun.ok, `${a.id}: ${JSON.stringify(rerun).slice(0, 300)}`);
    }

    const timeline = await ok('timeline', {});
    assert.equal(timeline.markers.length, run.findings);
    const report = JSON.parse((await ok('exportReport', { format: 'json' })).content);
    assert.equal(report.findings.length, run.findings);
  } finally {
    await service.close();
    cleanup();
  }
});

test("the SQL console runs every analytic's own SQL as the analysis does", async () => {
  const { dir, cleanup } = tempDir('accountscope-real-sql-');
  const fixture = await buildFixtureCase(dir, false);
  const service = await CaseService.open(fixture.path, { analytics: defaultAnalytics() });
  try {
    const analyzed = await service.invoke('analyze', {});
    assert.ok(analyzed.ok);
    const catalog = await service.invoke('analyticSql', {});
    assert.ok(catalog.ok);
    assert.equal(catalog.value.length, 6);
    for (const a of catalog.value) {
      // The lineage walks are recursive CTEs over the process snapshot: this failed on the live view.
      const r = await service.invoke('runSql', { sql: a.sql });
      assert.ok(r.ok, `${a.id}: ${JSON.stringify(r)}`);
    }
    const creation = catalog.value.find((a) => a.id === 'AN1604')!;
    const rows = await service.invoke('runSql', { sql: creation.sql });
    assert.ok(
      rows.ok && rows.value.rows.length >= 1,
      'AN1604 finds the backdoor creation in the console too',
    );
    const before = await service.invoke('runSql', { sql: 'SELECT count(*) AS n FROM processes' });
    assert.ok(before.ok && Number(before.value.rows[0]!['n']) > 0);
  } finally {
    await service.close();
    cleanup();
  }
});

test("the app's first analysis keeps its derived tables in the case once the findings are out", async () => {
  const { dir, cleanup } = tempDir('accountscope-real-keep-');
  const fixture = await buildFixtureCase(dir, false);
  const service = await CaseService.open(fixture.path, { analytics: defaultAnalytics() });
  try {
    const analyzed = await service.invoke('analyze', {});
    assert.ok(analyzed.ok && analyzed.value.findings >= 1);
    // A review saved straight after is queued behind the keeping, not lost inside it.
    const first = await service.invoke('listFindings', {});
    assert.ok(first.ok);
    const reviewed = await service.invoke('setFindingReview', {
      id: first.value.rows[0]!.id,
      status: 'reviewed',
    });
    assert.ok(reviewed.ok, JSON.stringify(reviewed));
  } finally {
    await service.close();
  }
  const db = await openCase(fixture.path, { readOnly: true });
  try {
    const r = await db.conn.runAndReadAll(`SELECT
      (SELECT count(*) FROM process_snapshot)::INTEGER,
      (SELECT count(*) FROM process_starts())::INTEGER,
      (SELECT count(*) FROM sources WHERE source_id NOT IN (SELECT source_id FROM derived_sources))::INTEGER,
      (SELECT count(*) FROM finding_triage)::INTEGER`);
    const [kept, starts, missing, reviews] = r.getRows()[0]!.map(Number);
    assert.ok(starts! > 0);
    assert.equal(kept, starts, 'every process start is in the kept table');
    assert.equal(missing, 0, 'the kept tables include every source');
    assert.equal(reviews, 1);
  } finally {
    db.close();
    cleanup();
  }
});
