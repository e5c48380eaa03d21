// Browser mode: the loopback server's gatekeeping (token, Host, Origin, content type), its static files
// (no way out of renderer-dist), and the whole HTTP transport, upload then import included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api.js';
import { createHttpClient, type HttpApiClient } from '../../../shared/transport.js';
import { startServer, type RunningServer } from '../../../electron/engine/server/startServer.js';
import { projectRoot, tempDir } from '../../support/paths.js';
import { buildFixtureCase, fixtureAnalytics } from './apiFixture.js';

let server: RunningServer;
let client: HttpApiClient;
let cleanup: () => void;

before(async () => {
  const t = tempDir('accountscope-server-');
  cleanup = t.cleanup;
  const staticRoot = join(t.dir, 'renderer-dist');
  mkdirSync(join(staticRoot, 'assets'), { recursive: true });
  writeFileSync(
    join(staticRoot, 'index.html'),
    '<!doctype html><title>app</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(staticRoot, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(t.dir, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(t.dir, 'secret.txt'), join(staticRoot, 'assets', 'link.js'));
  const fixture = await buildFixtureCase(t.dir);
  server = await startServer({
    casePath: fixture.path,
    staticRoot,
    analytics: fixtureAnalytics(fixture.winSha),
  });
  client = createHttpClient(`http://127.0.0.1:${server.port}`, server.token, (url, init) => fetch(url, init));
});

after(async () => {
  // The files dropped into the page are kept beside the case (keptUploads.test.ts), not in the run folder.
  const stopped = await server.close();
  assert.equal(stopped.kept, false, 'with --case, the run folder holds nothing to keep');
  rmSync(stopped.runDir, { recursive: true, force: true });
  cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  host?: string;
}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: opts.host ?? '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

const api = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  raw({
    method: 'POST',
    path,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

test('the URL is the loopback address with the token in the fragment; only 127.0.0.1 is bound', async () => {
  assert.match(server.url, new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{43}$`));
  assert.equal(server.host, '127.0.0.1');
  const reaches = (host: string): Promise<boolean> =>
    new Promise((done) => {
      const s = connect({ host, port: server.port }, () => (s.destroy(), done(true)));
      s.on('error', () => done(false));
    });
  assert.equal(await reaches('127.0.0.1'), true);
  assert.equal(await reaches('127.0.0.2'), false, 'another loopback address is not served');
  assert.equal(await reaches('::1'), false, 'IPv6 loopback is not served');
});

test('an API call without the token, or with a wrong one, is 401', async () => {
  const none = await raw({
    method: 'POST',
    path: '/api/caseInfo',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(none.status, 401);
  assert.equal(JSON.parse(none.body).error.code, 'UNAUTHORIZED');
  const wrong = await api('/api/caseInfo', {}, { authorization: `Bearer ${'x'.repeat(43)}` });
  assert.equal(wrong.status, 401);
  const inQuery = await raw({
    method: 'POST',
    path: `/api/caseInfo?token=${server.token}`,
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(inQuery.status, 401, 'the token is not taken from the URL');
  const upload = await raw({
    method: 'POST',
    path: '/api/upload?name=a.xml',
    headers: { 'content-type': 'application/octet-stream' },
    body: 'x',
  });
  assert.equal(upload.status, 401);
});

test('a wrong Host header is refused (DNS rebinding); localhost is accepted', async () => {
  const rebinding = await api('/api/caseInfo', {}, { host: `evil.example:${server.port}` });
  assert.equal(rebinding.status, 421);
  const noPort = await raw({ path: '/', headers: { host: 'localhost' } });
  assert.equal(noPort.status, 421);
  const local = await api('/api/caseInfo', {}, { host: `localhost:${server.port}` });
  assert.equal(local.status, 200);
});

test('a cross-origin request is refused and no CORS header is ever sent', async () => {
  const cross = await api('/api/caseInfo', {}, { origin: 'http://evil.example' });
  assert.equal(cross.status, 403);
  const preflight = await raw({
    method: 'OPTIONS',
    path: '/api/caseInfo',
    headers: { origin: `http://127.0.0.1:${server.port}`, 'access-control-request-method': 'POST' },
  });
  assert.notEqual(preflight.status, 200);
  const same = await api('/api/caseInfo', {}, { origin: `http://127.0.0.1:${server.port}` });
  assert.equal(same.status, 200);
  for (const r of [cross, preflight, same]) assert.equal(r.headers['access-control-allow-origin'], undefined);
});

test('API calls must be JSON POSTs with a valid request', async () => {
  assert.equal((await api('/api/caseInfo', {}, { 'content-type': 'text/plain' })).status, 415);
  assert.equal(
    (await raw({ path: '/api/caseInfo', headers: { authorization: `Bearer ${server.token}` } })).status,
    405,
  );
  const badJson = await raw({
    method: 'POST',
    path: '/api/caseInfo',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: '{',
  });
  assert.equal(badJson.status, 400);
  const unknown = await api('/api/dropTables', {});
  assert.equal(unknown.status, 404);
  assert.equal(JSON.parse(unknown.body).error.code, 'UNKNOWN_METHOD');
  const invalid = await api('/api/listFindings', { limit: 'all' });
  assert.equal(invalid.status, 400);
  assert.equal(JSON.parse(invalid.body).error.code, 'BAD_REQUEST');
  const good = await api('/api/listFindings', { limit: 2 });
  assert.equal(good.status, 200);
  const body = JSON.parse(good.body);
  assert.equal(body.ok, true);
  assert.equal(body.value.total, 4);
});

test('every response carries the CSP and nosniff headers', async () => {
  for (const r of [
    await raw({ path: '/' }),
    await api('/api/caseInfo', {}),
    await raw({ path: '/nope.js' }),
  ]) {
    assert.match(String(r.headers['content-security-policy']), /default-src 'self'; script-src 'self'/);
    assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.match(String(r.headers['content-security-policy']), /object-src 'none'; base-uri 'none'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  }
});

test('static files are served from renderer-dist only; traversal and symlinks out are refused', async () => {
  const index = await raw({ path: '/' });
  assert.equal(index.status, 200);
  assert.match(String(index.headers['content-type']), /^text\/html/);
  const js = await raw({ path: '/assets/app.js' });
  assert.equal(js.status, 200);
  assert.match(String(js.headers['content-type']), /^text\/javascript/);
  assert.equal(
    (await raw({ path: '/screens/findings' })).body,
    index.body,
    'app routes fall back to index.html',
  );
  for (const path of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    '//etc/passwd',
    '/assets/link.js',
    '/%00',
    '/.env',
    '/assets/%E0%A4%A',
  ]) {
    const r = await raw({ path });
    assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
    assert.ok(!r.body.includes('TOP SECRET'), path);
    assert.ok(!r.body.includes('root:'), path);
  }
});

test('the HTTP client returns values and turns failures into ApiError', async () => {
  const info = await client.caseInfo({});
  assert.equal(info.counts.findings, 4);
  const f = await client.getFinding({ id: 'f-create' });
  assert.equal(f.analytic, 'AN1604');
  await assert.rejects(
    client.getFinding({ id: 'nope' }),
    (e: unknown) => e instanceof ApiError && e.code === 'NOT_FOUND',
  );
  const sql = await client.runSql({ sql: 'SELECT count(*) AS n FROM signins' });
  assert.deepEqual(sql.rows, [{ n: 18 }]);
  await assert.rejects(
    client.runSql({ sql: 'DELETE FROM signins' }),
    (e: unknown) => e instanceof ApiError && e.code === 'SQL_REFUSED',
  );
});

test('a dropped file is uploaded, hashed as the original, and imported from the evidence folder', async () => {
  const original = readFileSync(join(projectRoot, 'test', 'fixtures', 'api', 'security-small.xml'));
  const uploaded = await client.uploadFile('../../Security small.xml', original);
  assert.equal(uploaded.size, original.length);
  assert.equal(uploaded.sha256, createHash('sha256').update(original).digest('hex'));
  assert.match(uploaded.path, /Security small\.xml$/);
  assert.doesNotMatch(uploaded.path, /\.\.[\\/]/, 'the name cannot climb out of the evidence folder');
  const { importId } = await client.startImport({ paths: [uploaded.path] });
  let status = await client.importStatus({ importId });
  for (let i = 0; i < 400 && status.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    status = await client.importStatus({ importId });
  }
  assert.equal(status.state, 'done');
  assert.equal(status.files[0]!.summary!.sha256, uploaded.sha256);
  assert.equal((await client.caseInfo({})).counts.winEvents, 13 + 5);
  const wrongType = await raw({
    method: 'POST',
    path: '/api/upload?name=x.xml',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(wrongType.status, 415);
});
