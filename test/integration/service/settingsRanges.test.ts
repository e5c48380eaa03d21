// setSettings refuses a number outside its range (a threshold of -3 distinct users) with an error naming the
// parameter and the range, and the case keeps the settings it had.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { tempDir } from '../../support/paths.js';
import { buildFixtureCase, fixtureAnalytics } from './apiFixture.js';

test('setSettings refuses out-of-range thresholds and keeps what was saved', async () => {
  const t = tempDir('accountscope-ranges-');
  const fixture = await buildFixtureCase(t.dir);
  const service = await CaseService.open(fixture.path, { analytics: fixtureAnalytics(fixture.winSha) });
  try {
    const before = await service.invoke('getSettings', {});
    assert.ok(before.ok);
    const settings = before.value;
    const refused = await service.invoke('setSettings', {
      ...settings,
      params: { ...settings.params, t1589_min_distinct_users: -3 },
    });
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    assert.equal(refused.error.code, 'BAD_REQUEST');
    assert.match(refused.error.message, /"t1589_min_distinct_users" must be at least 1, got -3/);
    const after = await service.invoke('getSettings', {});
    assert.ok(after.ok);
    assert.deepEqual(after.value, settings, 'nothing of the refused settings was kept');
    // The same value at the edge of the range is taken.
    const edge = await service.invoke('setSettings', {
      ...settings,
      params: { ...settings.params, t1589_min_distinct_users: 1 },
    });
    assert.ok(edge.ok, edge.ok ? '' : edge.error.message);
    // The specs the Settings screen validates with carry the same range.
    const specs = await service.invoke('paramSpecs', {});
    assert.ok(specs.ok);
    assert.equal(specs.value.find((p) => p.name === 't1589_min_distinct_users')?.min, 1);
  } finally {
    await service.close();
    t.cleanup();
  }
});
