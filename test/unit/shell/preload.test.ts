// The compiled preload, run in a VM with a stand-in `electron` module: what the page gets is exactly the
// contract's functions plus two helpers, never ipcRenderer, and Results cross as values for the renderer's
// client (shared/apiClient.ts) to unwrap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { API_METHODS, ApiError } from '../../../shared/api.js';
import { createApiClient } from '../../../shared/apiClient.js';
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
  assert.deepEqual(Object.keys(exposed['accountscopeShell']!), ['onEvent', 'showInFolder', 'saveReport']);
  for (const api of Object.values(exposed)) {
    for (const value of Object.values(api))
      assert.equal(typeof value, 'function', 'no object (such as ipcRenderer) is exposed');
  }
});

test('a call goes out on its own channel and its Result comes back as sent, success or failure', async () => {
  const { exposed, invoked, reply } = loadPreload();
  reply.value = { ok: true, value: { total: 0, rows: [] } };
  assert.deepEqual(await exposed['accountscope']!['listFindings']!({ limit: 5 }), reply.value);
  assert.deepEqual(invoked, [['accountscope:api:listFindings', { limit: 5 }]]);
  // A failure is a value too: an Error crossing contextBridge would lose its code.
  reply.value = { ok: false, error: { code: 'BUSY', message: 'an import is still running' } };
  assert.deepEqual(await exposed['accountscope']!['analyze']!(), reply.value);
  // The preload's `{}` comes from the VM's realm: compared as JSON, not by prototype.
  assert.equal(JSON.stringify(invoked[1]), JSON.stringify(['accountscope:api:analyze', {}]));
});

test("the renderer's client over the preload fails with the engine's code, as over HTTP", async () => {
  const { exposed, reply } = loadPreload();
  const bridge = exposed['accountscope']!;
  const client = createApiClient((method, request) => bridge[method]!(request) as Promise<unknown>);
  reply.value = { ok: false, error: { code: 'BUSY', message: 'an import is still running' } };
  await assert.rejects(
    client.analyze({}),
    (e: unknown) => e instanceof ApiError && e.code === 'BUSY' && e.message === 'an import is still running',
  );
  reply.value = undefined;
  await assert.rejects(
    client.caseInfo({}),
    (e: unknown) => e instanceof ApiError && e.code === 'BAD_RESPONSE',
  );
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

test('Show in Folder goes out on its own channel with the one path, and answers as the main process does', async () => {
  const { exposed, invoked, reply } = loadPreload();
  reply.value = { ok: false, error: { code: 'FORBIDDEN_PATH', message: 'no' } };
  const answer = await exposed['accountscopeShell']!['showInFolder']!('/cases/a.duckdb');
  assert.deepEqual(invoked, [['accountscope:shell:show-in-folder', '/cases/a.duckdb']]);
  assert.deepEqual(answer, reply.value);
});

test('Save Report goes out on its own channel with the options the window chose', async () => {
  const { exposed, invoked, reply } = loadPreload();
  reply.value = { ok: true, value: { path: '/reports/client.html' } };
  const answer = await exposed['accountscopeShell']!['saveReport']!({ format: 'html', includePaths: false });
  assert.deepEqual(invoked, [['accountscope:shell:save-report', { format: 'html', includePaths: false }]]);
  assert.deepEqual(answer, reply.value);
});
