// The compiled preload, run in a VM with a stand-in `electron` module: what the page gets is exactly the
// contract's functions plus two helpers, never ipcRenderer, and results and errors cross as the UI expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { API_METHODS } from '../../../shared/api.js';
import { projectRoot } from '../../support/paths.js';

interface Loaded {
  exposed: Record<string, Record<string, (...args: unknown[]) => unknown>>;
  invoked: Array<[string, unknown]>;
  reply: { value: unknown };
  listeners: Map<string, (...args: unknown[]) => void>;
}

function loadPreload(): Loaded {
  const exposed: Loaded['exposed'] = {};
  const invoked: Loaded['invoked'] = [];
  const reply = { value: undefined as unknown };
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) =>
        (exposed[key] = api),
    },
    ipcRenderer: {
      invoke: async (channel: string, request: unknown) => (invoked.push([channel, request]), reply.value),
      on: (channel: string, l: (...a: unknown[]) => void) => listeners.set(channel, l),
      removeListener: (channel: string) => listeners.delete(channel),
    },
    webUtils: { getPathForFile: (f: { fake: string }) => `/dropped/${f.fake}` },
  };
  // A sandboxed preload gets only a limited require: here, only 'electron' resolves.
  const sandboxRequire = (name: string): unknown => {
    if (name === 'electron') return electron;
    throw new Error(`the sandbox has no module ${name}`);
  };
  const code = readFileSync(join(projectRoot, 'dist', 'electron', 'preload', 'preload.cjs'), 'utf8');
  const module = { exports: {} };
  runInNewContext(`(function (require, module, exports) {${code}\n})`, {})(
    sandboxRequire,
    module,
    module.exports,
  );
  return { exposed, invoked, reply, listeners };
}

test('the page gets exactly the API methods, a file-path helper and shell events', () => {
  const { exposed } = loadPreload();
  assert.deepEqual(Object.keys(exposed).sort(), ['accountscope', 'accountscopeFiles', 'accountscopeShell']);
  assert.deepEqual(Object.keys(exposed['accountscope']!).sort(), [...API_METHODS].sort());
  assert.deepEqual(Object.keys(exposed['accountscopeFiles']!), ['pathForFile']);
  assert.deepEqual(Object.keys(exposed['accountscopeShell']!), ['onEvent']);
  for (const api of Object.values(exposed)) {
    for (const value of Object.values(api))
      assert.equal(typeof value, 'function', 'no object (such as ipcRenderer) is exposed');
  }
});

test('a call goes out on its own channel and the value comes back unwrapped', async () => {
  const { exposed, invoked, reply } = loadPreload();
  reply.value = { ok: true, value: { total: 0, rows: [] } };
  assert.deepEqual(await exposed['accountscope']!['listFindings']!({ limit: 5 }), { total: 0, rows: [] });
  assert.deepEqual(invoked, [['accountscope:api:listFindings', { limit: 5 }]]);
});

test('a failure rejects with an Error carrying the message and the code', async () => {
  const { exposed, reply } = loadPreload();
  reply.value = { ok: false, error: { code: 'BUSY', message: 'an import is still running' } };
  await assert.rejects(
    exposed['accountscope']!['analyze']!({}) as Promise<unknown>,
    (e: Error) => e.message === 'an import is still running (BUSY)',
  );
  reply.value = undefined;
  await assert.rejects(exposed['accountscope']!['caseInfo']!({}) as Promise<unknown>, /BAD_RESPONSE/);
});

test('shell events reach the page without the IPC event object, and can be unsubscribed', () => {
  const { exposed, listeners } = loadPreload();
  const seen: unknown[] = [];
  const off = exposed['accountscopeShell']!['onEvent']!((e: unknown) => seen.push(e)) as () => void;
  listeners.get('accountscope:shell-event')!({ sender: 'secret ipc sender' }, { type: 'case-changed' });
  assert.deepEqual(seen, [{ type: 'case-changed' }]);
  off();
  assert.equal(listeners.size, 0);
  assert.equal(
    exposed['accountscopeFiles']!['pathForFile']!({ fake: 'Security.xml' }),
    '/dropped/Security.xml',
  );
});
