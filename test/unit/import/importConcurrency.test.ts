// How many threads an import takes from the machine: parse workers on every core but one, DuckDB's
// threads scaled with the cores, and both pinned by the environment when asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_PARSE_WORKERS,
  parseWorkerCount,
  workerCountFrom,
} from '../../../electron/engine/import/importConcurrency.js';
import { importOptions } from '../../../electron/engine/store/openCase.js';

test('parse workers: every core but one, and at least one', () => {
  const none = {};
  assert.equal(parseWorkerCount(1, none), 1);
  assert.equal(parseWorkerCount(2, none), 1);
  assert.equal(parseWorkerCount(4, none), 3);
  assert.equal(parseWorkerCount(8, none), 7);
  assert.equal(parseWorkerCount(128, none), MAX_PARSE_WORKERS);
});

test('ACCOUNTSCOPE_WORKERS pins the count, and a bad value is refused, not guessed at', () => {
  assert.equal(parseWorkerCount(32, { ACCOUNTSCOPE_WORKERS: '3' }), 3);
  assert.equal(parseWorkerCount(4, { ACCOUNTSCOPE_WORKERS: '' }), 3);
  for (const bad of ['0', '-1', '1.5', 'two', '65'])
    assert.throws(() => parseWorkerCount(8, { ACCOUNTSCOPE_WORKERS: bad }), /ACCOUNTSCOPE_WORKERS/);
  assert.equal(workerCountFrom(' 4 ', '--workers'), 4);
  assert.throws(() => workerCountFrom('0', '--workers'), /--workers must be a whole number/);
});

test('an import-only case: one DuckDB thread on two cores, half the cores on more, with memory to match', () => {
  assert.deepEqual(importOptions(1, {}), { threads: 1, memoryLimit: '256MB' });
  assert.deepEqual(importOptions(2, {}), { threads: 1, memoryLimit: '256MB' });
  assert.deepEqual(importOptions(8, {}), { threads: 4, memoryLimit: '640MB' });
  assert.deepEqual(importOptions(64, {}), { threads: 32, memoryLimit: '1024MB' });
  assert.deepEqual(importOptions(16, { ACCOUNTSCOPE_DUCKDB_THREADS: '2' }), {
    threads: 2,
    memoryLimit: '384MB',
  });
  assert.throws(() => importOptions(2, { ACCOUNTSCOPE_DUCKDB_THREADS: 'x' }), /ACCOUNTSCOPE_DUCKDB_THREADS/);
});
