// "Allowlist this" adds to the allowlists without losing anything already there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addAllowlistPicks } from '../../../electron/engine/triage/allowlistPicks.js';

const EMPTY = {
  accounts: [],
  tools: [],
  sourceIps: [],
  hosts: [],
  properties: [{ value: 'created-during-setup', reason: 'setup' }],
};

test('picks are added to their lists with the reason; the other lists are kept', () => {
  const out = addAllowlistPicks(
    EMPTY,
    [
      { kind: 'accounts', value: ' CORP\\svc_provision ' },
      { kind: 'tools', value: 'C:\\Scripts\\Provision-NewHires.ps1' },
    ],
    ' CHG-2291 ',
  );
  assert.deepEqual(out.accounts, [{ value: 'CORP\\svc_provision', reason: 'CHG-2291' }]);
  assert.deepEqual(out.tools, [{ value: 'C:\\Scripts\\Provision-NewHires.ps1', reason: 'CHG-2291' }]);
  assert.deepEqual(out.properties, EMPTY.properties);
  assert.deepEqual(EMPTY.accounts, [], 'the allowlist given is not changed');
});

test('an entry already there keeps its place and gains the new reason beside its own', () => {
  const start = {
    ...EMPTY,
    hosts: [
      { value: 'WS01', reason: 'lab' },
      { value: 'WS02', reason: '' },
    ],
  };
  const out = addAllowlistPicks(
    start,
    [
      { kind: 'hosts', value: 'ws01' },
      { kind: 'hosts', value: 'WS02' },
    ],
    'golden image',
  );
  assert.deepEqual(out.hosts, [
    { value: 'WS01', reason: 'lab; golden image' },
    { value: 'WS02', reason: 'golden image' },
  ]);
  assert.deepEqual(addAllowlistPicks(out, [{ kind: 'hosts', value: 'WS01' }], 'lab').hosts, out.hosts);
});
