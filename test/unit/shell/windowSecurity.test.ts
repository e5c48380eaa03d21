// The shell's security decisions, checked on plain Node: the functions main.ts applies unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APP_ENTRY,
  BlockedRequests,
  contentSecurityPolicy,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  windowSecurityOptions,
} from '../../../electron/main/windowSecurity.js';

test('the window runs the page sandboxed, isolated, without Node', () => {
  const o = windowSecurityOptions('/app/preload.cjs');
  assert.equal(o.preload, '/app/preload.cjs');
  assert.equal(o.contextIsolation, true);
  assert.equal(o.sandbox, true);
  assert.equal(o.nodeIntegration, false);
  assert.equal(o.nodeIntegrationInWorker, false);
  assert.equal(o.nodeIntegrationInSubFrames, false);
  assert.equal(o.webSecurity, true);
  assert.equal(o.allowRunningInsecureContent, false);
  assert.equal(o.webviewTag, false);
  assert.equal(o.navigateOnDragDrop, false);
});

test('the CSP allows only the app itself: no inline script, no eval, no framing, no plugins', () => {
  const csp = contentSecurityPolicy();
  const directives = Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'], ["'self'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['frame-ancestors'], ["'none'"]);
  assert.deepEqual(directives['img-src'], ["'self'", 'data:']);
  assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|\*|https?:/);
});

test('only the app:// origin may be requested', () => {
  for (const url of [APP_ENTRY, 'app://accountscope/assets/index-abc.js', 'app://accountscope/'])
    assert.equal(isAllowedRequest(url), true, url);
  for (const url of [
    'https://example.com/',
    'http://127.0.0.1:8080/api/caseInfo',
    'file:///etc/passwd',
    'ws://localhost:1234',
    'app://evil/index.html',
    'app://accountscope.evil.example/index.html',
    'app://user:pass@accountscope/index.html',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ]) {
    assert.equal(isAllowedRequest(url), false, url);
  }
});

test('IPC senders must be the top-level frame on the app page', () => {
  assert.equal(isTrustedSender(APP_ENTRY, true), true);
  assert.equal(isTrustedSender(APP_ENTRY, false), false, 'an iframe, even of the app');
  assert.equal(isTrustedSender('https://evil.example/', true), false, 'after navigating away');
  assert.equal(isTrustedSender('file:///tmp/x.html', true), false);
  assert.equal(isTrustedSender('app://other/index.html', true), false);
  assert.equal(isTrustedSender(null, true), false, 'a destroyed frame');
  assert.equal(isTrustedSender(undefined, true), false);
});

test('navigation is refused except to the app page itself', () => {
  assert.equal(isAllowedNavigation(APP_ENTRY), true);
  assert.equal(isAllowedNavigation('app://accountscope/assets/x.js'), false);
  assert.equal(isAllowedNavigation('https://example.com'), false);
  assert.equal(
    isAllowedNavigation('file:///C:/evidence/Security.xml'),
    false,
    'a dropped file does not replace the app',
  );
});

test('blocked requests are counted and the recent ones kept', () => {
  const b = new BlockedRequests();
  for (let i = 0; i < 25; i++) b.record(`https://x.example/${i}`);
  assert.equal(b.total, 25);
  assert.equal(b.lastBlocked.length, 20);
  assert.equal(b.lastBlocked.at(-1), 'https://x.example/24');
});
