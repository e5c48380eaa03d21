// Sizes, rates, counts and paths as the progress lines and narrow columns show them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseName,
  formatBytes,
  formatCount,
  formatDuration,
  formatRate,
  shortHost,
  shortPath,
  splitPath,
} from '../../../../renderer/src/format/formatNumbers';

test('bytes scale by 1024 with one decimal below 100', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(150 * 1024 * 1024), '150 MB');
  assert.equal(formatBytes(2.25 * 1024 ** 3), '2.3 GB');
  assert.equal(formatBytes(5 * 1024 ** 5), '5120 TB');
  assert.equal(formatBytes(-1), '—');
  assert.equal(formatBytes(Number.NaN), '—');
});

test('counts group thousands; rates are whole per second and never negative', () => {
  assert.equal(formatCount(1234567), '1,234,567');
  assert.equal(formatCount(Number.POSITIVE_INFINITY), '—');
  assert.equal(formatRate(1234.6, 'events'), '1,235 events/s');
  assert.equal(formatRate(0, 'events'), '0 events/s');
  assert.equal(formatRate(-3, 'MB'), '0 MB/s');
  assert.equal(formatRate(Number.NaN, 'MB'), '0 MB/s');
});

test('durations switch from milliseconds to seconds at one second', () => {
  assert.equal(formatDuration(250.4), '250 ms');
  assert.equal(formatDuration(1500), '1.50 s');
  assert.equal(formatDuration(12_345), '12.3 s');
});

test('paths and hosts shorten to what fits a column', () => {
  assert.equal(baseName('C:\\cases\\night shift\\case.duckdb'), 'case.duckdb');
  assert.equal(baseName('/evidence/WS01/Security.xml'), 'Security.xml');
  assert.equal(baseName('/'), '/');
  assert.equal(shortPath('/evidence/WS01/Security.xml'), 'WS01/Security.xml');
  assert.equal(shortPath('C:\\logs\\WS02\\Security.evtx'), 'WS02/Security.evtx');
  assert.equal(shortPath('Security.xml'), 'Security.xml');
  assert.equal(shortHost('WS01.corp.local'), 'WS01');
  assert.equal(shortHost('10.0.4.7'), '10.0.4.7');
  assert.equal(shortHost('DC01'), 'DC01');
});

test('a path splits into its folder’s two halves and its file name, which put together are the path', () => {
  assert.deepEqual(splitPath('/cases/acme/case.duckdb'), {
    head: '/cases',
    tail: '/acme/',
    name: 'case.duckdb',
  });
  assert.deepEqual(splitPath('C:\\Cases\\acme.duckdb'), {
    head: 'C:\\Ca',
    tail: 'ses\\',
    name: 'acme.duckdb',
  });
  assert.deepEqual(splitPath('case.duckdb'), { head: '', tail: '', name: 'case.duckdb' });
  for (const p of ['/a/b/c.duckdb', 'x', '/', 'C:\\a/b\\c.duckdb']) {
    const { head, tail, name } = splitPath(p);
    assert.equal(head + tail + name, p);
  }
});
