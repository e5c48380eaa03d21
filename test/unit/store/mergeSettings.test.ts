// The settings of merged cases compared item by item: what differs is reported with each case's value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsConflicts } from '../../../electron/engine/store/mergeSettings.js';

const c = (name: string, values: Record<string, unknown>) => ({
  case: name,
  values: new Map(Object.entries(values).map(([k, v]) => [k, JSON.stringify(v)])),
});

test('settings written alike, or never written and at their default, are no conflict', () => {
  assert.deepEqual(
    settingsConflicts([
      c('a', { params: {}, timeZone: 'UTC', profile: 'default', allowlist: { accounts: [] } }),
      c('b', {}),
    ]),
    [],
  );
});

test('each differing parameter, allowlist list and setting is one conflict, the first case kept', () => {
  const conflicts = settingsConflicts([
    c('a', {
      params: { t1589_min_users: 20, an1604_creation_window_s: 300 },
      allowlist: { accounts: [{ value: 'svc', reason: 'backup' }], hosts: [] },
    }),
    c('b', {
      params: { an1604_creation_window_s: 300 },
      allowlist: {
        accounts: [{ value: 'svc', reason: 'backup' }],
        hosts: [{ value: 'JUMP01', reason: 'jump host' }],
      },
      profile: 'seed',
    }),
    c('c', { params: { t1589_min_users: 25, an1604_creation_window_s: 300 } }),
  ]);
  assert.deepEqual(conflicts, [
    {
      item: 'allowlist accounts',
      values: [
        { case: 'a', value: 'svc (backup)' },
        { case: 'b', value: 'svc (backup)' },
        { case: 'c', value: 'not set (the default)' },
      ],
      kept: 'a',
    },
    {
      item: 'allowlist hosts',
      values: [
        { case: 'a', value: 'not set (the default)' },
        { case: 'b', value: 'JUMP01 (jump host)' },
        { case: 'c', value: 'not set (the default)' },
      ],
      kept: 'a',
    },
    {
      item: 'param t1589_min_users',
      values: [
        { case: 'a', value: '20' },
        { case: 'b', value: 'not set (the default)' },
        { case: 'c', value: '25' },
      ],
      kept: 'a',
    },
    {
      item: 'profile',
      values: [
        { case: 'a', value: 'default' },
        { case: 'b', value: 'seed' },
        { case: 'c', value: 'default' },
      ],
      kept: 'a',
    },
  ]);
});

test('a key this build does not know is compared as it is stored', () => {
  const conflicts = settingsConflicts([c('a', { layout: { pane: 300 } }), c('b', { layout: { pane: 420 } })]);
  assert.deepEqual(conflicts, [
    {
      item: 'layout',
      values: [
        { case: 'a', value: '{"pane":300}' },
        { case: 'b', value: '{"pane":420}' },
      ],
      kept: 'a',
    },
  ]);
});
