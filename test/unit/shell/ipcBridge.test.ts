// The one IPC registration wrapper, driven with a stand-in ipcMain: channel, sender and payload checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IpcMainInvokeEvent } from 'electron';
import { API_METHODS, type Result } from '../../../shared/api.js';
import type { ValidRequest } from '../../../shared/apiValidate.js';
import {
  apiChannel,
  handleApi,
  handleSaveReport,
  handleShowInFolder,
  SAVE_REPORT_CHANNEL,
  registerApi,
  SHOW_IN_FOLDER_CHANNEL,
  type SenderFacts,
} from '../../../electron/main/ipcBridge.js';
import { APP_ENTRY } from '../../../electron/main/windowSecurity.js';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpc(): { handlers: Map<string, Listener>; handle(channel: string, l: Listener): void } {
  const handlers = new Map<string, Listener>();
  return { handlers, handle: (channel, l) => void handlers.set(channel, l) };
}

const event = (facts: SenderFacts): IpcMainInvokeEvent => facts as unknown as IpcMainInvokeEvent;
const trusted: SenderFacts = { frameUrl: APP_ENTRY, isMainFrame: true };

function setup() {
  const ipc = fakeIpc();
  const calls: ValidRequest[] = [];
  registerApi(
    ipc,
    (e) => e as unknown as SenderFacts,
    async (call) => {
      calls.push(call);
      return { ok: true, value: `answer to ${call.method}` };
    },
  );
  return { ipc, calls };
}

test('every contract method is registered, and nothing else', () => {
  const { ipc } = setup();
  assert.deepEqual([...ipc.handlers.keys()].sort(), API_METHODS.map(apiChannel).sort());
  assert.throws(
    () =>
      handleApi(
        fakeIpc(),
        'readFile',
        () => trusted,
        async () => ({ ok: true, value: 1 }),
      ),
    /not a method/,
  );
});

test('a valid call from the app window reaches the engine', async () => {
  const { ipc, calls } = setup();
  const r = await ipc.handlers.get(apiChannel('listFindings'))!(event(trusted), { limit: 5 });
  assert.deepEqual(r, { ok: true, value: 'answer to listFindings' });
  assert.deepEqual(calls, [{ method: 'listFindings', request: { limit: 5 } }]);
});

test('calls from any other frame or page are refused before validation or the engine', async () => {
  const { ipc, calls } = setup();
  for (const facts of [
    { frameUrl: APP_ENTRY, isMainFrame: false },
    { frameUrl: 'https://evil.example/', isMainFrame: true },
    { frameUrl: null, isMainFrame: true },
  ]) {
    const r = (await ipc.handlers.get(apiChannel('caseInfo'))!(event(facts), {})) as Result<unknown>;
    assert.ok(!r.ok && r.error.code === 'FORBIDDEN_SENDER', JSON.stringify(facts));
  }
  assert.equal(calls.length, 0);
});

test('malformed payloads are refused as values', async () => {
  const { ipc, calls } = setup();
  const h = (m: string) => ipc.handlers.get(apiChannel(m))!;
  const bad = [
    await h('startImport')(event(trusted), { paths: '/etc' }),
    await h('rawEvent')(event(trusted), { table: 'sources', source: 'x', recordNo: 1 }),
    await h('caseInfo')(event(trusted), {}, 'extra argument'),
    await h('openCase')(event(trusted), undefined),
  ] as Array<Result<unknown>>;
  for (const r of bad) assert.ok(!r.ok && r.error.code === 'BAD_REQUEST', JSON.stringify(r));
  assert.equal(calls.length, 0);
});

test('an engine failure becomes a Result, never a thrown error', async () => {
  const ipc = fakeIpc();
  registerApi(
    ipc,
    () => trusted,
    async () => {
      throw new Error('engine exploded');
    },
  );
  const r = (await ipc.handlers.get(apiChannel('caseInfo'))!(event(trusted), {})) as Result<unknown>;
  assert.deepEqual(r, { ok: false, error: { code: 'INTERNAL', message: 'engine exploded' } });
});

test('Show in Folder answers only the app window, and only for a path the shell opened or saved', async () => {
  const ipc = fakeIpc();
  const shown: string[] = [];
  const known = new Set(['/cases/a.duckdb']);
  handleShowInFolder(
    ipc,
    (e) => e as unknown as SenderFacts,
    (p) => known.has(p),
    (p) => shown.push(p),
  );
  assert.deepEqual([...ipc.handlers.keys()], [SHOW_IN_FOLDER_CHANNEL]);
  const call = ipc.handlers.get(SHOW_IN_FOLDER_CHANNEL)!;
  assert.deepEqual(await call(event(trusted), '/cases/a.duckdb'), { ok: true, value: null });
  const codeOf = async (facts: SenderFacts, ...args: unknown[]) =>
    ((await call(event(facts), ...args)) as Result<null> & { ok: false }).error.code;
  assert.equal(
    await codeOf({ frameUrl: 'https://evil.example/', isMainFrame: true }, '/cases/a.duckdb'),
    'FORBIDDEN_SENDER',
  );
  assert.equal(
    await codeOf({ frameUrl: APP_ENTRY, isMainFrame: false }, '/cases/a.duckdb'),
    'FORBIDDEN_SENDER',
  );
  assert.equal(await codeOf(trusted, '/etc/passwd'), 'FORBIDDEN_PATH');
  assert.equal(await codeOf(trusted, { path: '/cases/a.duckdb' }), 'BAD_REQUEST');
  assert.equal(await codeOf(trusted, '/cases/a.duckdb', 'extra'), 'BAD_REQUEST');
  assert.deepEqual(shown, ['/cases/a.duckdb']);
});

test('Save Report answers only the app window, and takes exactly the API’s exportReport options', async () => {
  const ipc = fakeIpc();
  const asked: unknown[] = [];
  handleSaveReport(
    ipc,
    (e) => e as unknown as SenderFacts,
    async (request) => {
      asked.push(request);
      return { ok: true, value: { path: `/reports/r.${request.format}` } };
    },
  );
  const call = ipc.handlers.get(SAVE_REPORT_CHANNEL)!;
  assert.deepEqual(await call(event(trusted), { format: 'html', includePaths: true }), {
    ok: true,
    value: { path: '/reports/r.html' },
  });
  assert.deepEqual(await call(event(trusted), { format: 'csv' }), {
    ok: true,
    value: { path: '/reports/r.csv' },
  });
  const codeOf = async (facts: SenderFacts, ...args: unknown[]) =>
    ((await call(event(facts), ...args)) as Result<null> & { ok: false }).error.code;
  assert.equal(
    await codeOf({ frameUrl: 'https://evil.example/', isMainFrame: true }, { format: 'html' }),
    'FORBIDDEN_SENDER',
  );
  assert.equal(await codeOf(trusted, { format: 'html', includePaths: 'yes' }), 'BAD_REQUEST');
  assert.equal(await codeOf(trusted, { format: 'pdf' }), 'BAD_REQUEST');
  assert.equal(await codeOf(trusted, { format: 'html', path: '/etc/passwd' }), 'BAD_REQUEST');
  assert.equal(await codeOf(trusted, { format: 'html' }, 'extra'), 'BAD_REQUEST');
  assert.equal(await codeOf(trusted), 'BAD_REQUEST');
  assert.deepEqual(asked, [{ format: 'html', includePaths: true }, { format: 'csv' }]);
});
