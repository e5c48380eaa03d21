// Browser mode's request rules, one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hasValidToken,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  staticRelativePath,
} from '../../../electron/engine/server/httpSecurity.js';
import { safeUploadName } from '../../../electron/engine/server/uploads.js';
import { tokenFromHash } from '../../../shared/transport.js';

test('tokens are long, URL-safe and different every run', () => {
  const a = newToken();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, newToken());
  assert.equal(tokenFromHash(`#token=${a}`), a);
  assert.equal(tokenFromHash('#other=1'), null);
});

test('the token must come as a Bearer header and match exactly', () => {
  const t = newToken();
  assert.equal(hasValidToken(`Bearer ${t}`, t), true);
  for (const h of [
    undefined,
    '',
    t,
    `bearer ${t}`,
    `Bearer ${t}x`,
    `Bearer ${t.slice(1)}`,
    `Basic ${t}`,
    `Bearer ${t} `,
  ]) {
    assert.equal(hasValidToken(h, t), false, String(h));
  }
});

test('only the loopback Host and Origin of this server are accepted', () => {
  assert.equal(isAllowedHost('127.0.0.1:4000', 4000), true);
  assert.equal(isAllowedHost('LOCALHOST:4000', 4000), true);
  for (const h of [
    undefined,
    '127.0.0.1',
    '127.0.0.1:4001',
    'evil.example:4000',
    '0.0.0.0:4000',
    '[::1]:4000',
    '127.0.0.1:4000.evil.example',
  ]) {
    assert.equal(isAllowedHost(h, 4000), false, String(h));
  }
  assert.equal(isAllowedOrigin(undefined, 4000), true);
  assert.equal(isAllowedOrigin('http://127.0.0.1:4000', 4000), true);
  for (const o of [
    'null',
    'http://evil.example',
    'https://127.0.0.1:4000',
    'http://127.0.0.1:4001',
    'file://',
  ]) {
    assert.equal(isAllowedOrigin(o, 4000), false, o);
  }
});

test('static paths cannot climb out of the folder', () => {
  assert.deepEqual(staticRelativePath('/'), ['index.html']);
  assert.deepEqual(staticRelativePath('/assets/index-abc.js'), ['assets', 'index-abc.js']);
  for (const p of [
    '/../x',
    '/assets/../../x',
    '/%2e%2e/x',
    '/a/%2E%2E/b',
    '/..%2fx',
    '/..%5cx',
    '/a\\..\\b',
    '/%00',
    '/.git/config',
    '//x',
    '/a//b',
    '/C:/x',
    'x',
    '/%E0%A4%A',
  ]) {
    assert.equal(staticRelativePath(p), null, p);
  }
});

test('uploaded files keep a harmless base name', () => {
  assert.equal(safeUploadName('Security.xml'), 'Security.xml');
  assert.equal(safeUploadName('../../etc/passwd'), 'passwd');
  assert.equal(safeUploadName('C:\\logs\\Sysmon (1).xml'), 'Sysmon (1).xml');
  assert.equal(safeUploadName('..'), 'upload');
  assert.equal(safeUploadName('.bashrc'), 'bashrc');
  assert.equal(safeUploadName('a\0b<>|.json'), 'a_b_.json');
});
