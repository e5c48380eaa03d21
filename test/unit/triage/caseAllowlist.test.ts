// The allowlist an analysis runs with: the case's own, read from its settings, and a run's extra list
// added after it, each value once (compared without case), with both reasons kept and the entries counted
// by where they came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeSetting } from '../../../electron/engine/service/settingsStore.js';
import { combineAllowlists, readCaseAllowlist } from '../../../electron/engine/triage/caseAllowlist.js';
import { CaseBuilder } from '../../support/caseBuilder.js';

const EMPTY = { accounts: [], tools: [], sourceIps: [], hosts: [], properties: [] };

test('a case without an allowlist, and one written before the properties list, read with every list', async () => {
  const b = await CaseBuilder.create();
  try {
    assert.deepEqual(await readCaseAllowlist(b.conn), EMPTY);
    await writeSetting(b.conn, 'allowlist', {
      accounts: [{ value: 'CORP\\svc', reason: 'service' }],
      tools: [],
      sourceIps: [],
      hosts: [],
    });
    assert.deepEqual(await readCaseAllowlist(b.conn), {
      ...EMPTY,
      accounts: [{ value: 'CORP\\svc', reason: 'service' }],
    });
  } finally {
    b.close();
  }
});

test('the case’s entries come first; a value both hold is kept once with both reasons', () => {
  const fromCase = {
    ...EMPTY,
    sourceIps: [{ value: '198.51.100.23', reason: 'pen test' }],
    hosts: [{ value: 'WS01', reason: 'lab' }],
  };
  const extra = {
    ...EMPTY,
    sourceIps: [
      { value: '203.0.113.9', reason: 'scanner' },
      { value: '198.51.100.23', reason: 'PT-2026-03' },
    ],
    hosts: [{ value: 'ws01', reason: 'lab' }],
    properties: [{ value: 'created-during-setup', reason: 'gold image' }],
  };
  const applied = combineAllowlists(fromCase, extra);
  assert.deepEqual(applied.allowlist.sourceIps, [
    { value: '198.51.100.23', reason: 'pen test; PT-2026-03' },
    { value: '203.0.113.9', reason: 'scanner' },
  ]);
  assert.deepEqual(applied.allowlist.hosts, [{ value: 'WS01', reason: 'lab' }]);
  assert.deepEqual(applied.allowlist.properties, [{ value: 'created-during-setup', reason: 'gold image' }]);
  assert.deepEqual([applied.fromCase, applied.fromExtra, applied.inBoth], [2, 4, 2]);
  // Neither input is changed.
  assert.deepEqual(fromCase.sourceIps, [{ value: '198.51.100.23', reason: 'pen test' }]);
  assert.deepEqual(combineAllowlists(fromCase), {
    allowlist: fromCase,
    fromCase: 2,
    fromExtra: 0,
    inBoth: 0,
  });
});
