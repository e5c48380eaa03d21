// One shape for every failure the screens see: the same Result, carried over HTTP (browser mode) or over the
// preload's bridge (Electron), ends as the same value or the same ApiError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_METHODS, ApiError, type ApiClient, type Result } from '../../../shared/api.js';
import { validateRequest } from '../../../shared/apiValidate.js';
import { createApiClient } from '../../../shared/apiClient.js';
import { createHttpClient, type HttpResponseLike } from '../../../shared/transport.js';

/** Both transports answering with `reply`; `status` is what the HTTP server would send with it. */
function clients(reply: () => unknown, status = 200): { http: ApiClient; bridge: ApiClient } {
  const http = createHttpClient('http://127.0.0.1:1', 'a'.repeat(32), async () => {
    const body = reply();
    const response: HttpResponseLike = {
      status,
      json: async () => {
        if (typeof body === 'string') throw new SyntaxError('Unexpected token');
        return body;
      },
    };
    return response;
  });
  const bridge = createApiClient(async () => reply());
  return { http, bridge };
}

async function failure(call: Promise<unknown>): Promise<{ name: string; code: string; message: string }> {
  try {
    await call;
  } catch (e) {
    assert.ok(e instanceof ApiError, `rejected with ${String(e)}, not an ApiError`);
    return { name: e.name, code: e.code, message: e.message };
  }
  assert.fail('the call succeeded');
}

test("an engine failure arrives as the same ApiError over HTTP and over Electron's bridge", async () => {
  const refused: Result<never> = {
    ok: false,
    error: { code: 'BUSY', message: 'an import is still running' },
  };
  const { http, bridge } = clients(() => refused, 409);
  const expected = { name: 'ApiError', code: 'BUSY', message: 'an import is still running' };
  assert.deepEqual(await failure(http.analyze({})), expected);
  assert.deepEqual(await failure(bridge.analyze({})), expected);
});

test('a value arrives as the same value over both', async () => {
  const { http, bridge } = clients(() => ({ ok: true, value: { findings: 3, elapsedMs: 12 } }));
  assert.deepEqual(await http.analyze({}), { findings: 3, elapsedMs: 12 });
  assert.deepEqual(await bridge.analyze({}), { findings: 3, elapsedMs: 12 });
});

test('a reply that is not a Result is BAD_RESPONSE over both', async () => {
  for (const reply of [undefined, null, { ok: false }, { ok: false, error: { code: 7 } }, { value: 1 }]) {
    const { http, bridge } = clients(() => reply, 502);
    assert.equal((await failure(http.caseInfo({}))).code, 'BAD_RESPONSE', JSON.stringify(reply));
    assert.equal((await failure(bridge.caseInfo({}))).code, 'BAD_RESPONSE', JSON.stringify(reply));
  }
  const { http } = clients(() => '<html>Bad Gateway</html>', 502);
  assert.deepEqual(await failure(http.caseInfo({})), {
    name: 'ApiError',
    code: 'BAD_RESPONSE',
    message: 'the server answered 502 without a JSON result',
  });
});

test('a transport that cannot carry the call at all is UNREACHABLE over both', async () => {
  const http = createHttpClient('http://127.0.0.1:1', 'a'.repeat(32), () =>
    Promise.reject(new TypeError('Failed to fetch')),
  );
  const bridge = createApiClient(() => Promise.reject(new Error("No handler registered for 'x'")));
  const viaHttp = await failure(http.caseInfo({}));
  const viaBridge = await failure(bridge.caseInfo({}));
  assert.equal(viaHttp.code, 'UNREACHABLE');
  assert.match(viaHttp.message, /could not reach the server: Failed to fetch/);
  assert.equal(viaBridge.code, 'UNREACHABLE');
  assert.match(viaBridge.message, /could not reach the engine: No handler registered/);
  await assert.rejects(
    http.uploadFile('Security.xml', new Uint8Array(1)),
    (e: unknown) => e instanceof ApiError && e.code === 'UNREACHABLE',
  );
});

test('API_METHODS names each method of the contract once, and the validator knows every one', () => {
  assert.equal(new Set(API_METHODS).size, API_METHODS.length);
  for (const method of API_METHODS) {
    const checked = validateRequest(method, { 'not a field': 1 });
    assert.ok(!checked.ok && checked.error.code === 'BAD_REQUEST', `${method}: ${JSON.stringify(checked)}`);
  }
  const { http, bridge } = clients(() => ({ ok: true, value: null }));
  assert.deepEqual(Object.keys(bridge), [...API_METHODS]);
  assert.deepEqual(Object.keys(http), [...API_METHODS, 'uploadFile']);
});
