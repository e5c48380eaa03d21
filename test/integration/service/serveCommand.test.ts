// `accountscope serve` as a user runs it: one line on stdout with the URL to open, a working API behind
// it, and a clean stop on Ctrl+C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createHttpClient } from '../../../shared/transport.js';
import { parseServeArgs } from '../../../electron/engine/server/serveCommand.js';
import { projectRoot } from '../../support/paths.js';

test('serve prints exactly one line, the loopback URL with its token, and stops on SIGINT', async () => {
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'accountscope.js'), 'serve'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
  });
  const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/.exec(firstLine);
  assert.ok(m, firstLine);
  const client = createHttpClient(`http://127.0.0.1:${m[1]}`, m[2]!, (url, init) => fetch(url, init));
  const info = await client.caseInfo({});
  assert.equal(info.counts.winEvents, 0, 'without --case a fresh, empty case is served');
  assert.match(info.path, /accountscope-serve-.*case\.duckdb$/);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGINT');
  assert.equal(await exited, 0);
  assert.equal(stdout.trim().split('\n').length, 1, `stdout: ${stdout}`);
});

test('serve arguments: --case and --port, with the port checked', () => {
  assert.deepEqual(parseServeArgs([]), { port: 0 });
  assert.deepEqual(parseServeArgs(['--case', 'a.duckdb', '--port', '8123']), {
    casePath: 'a.duckdb',
    port: 8123,
  });
  assert.throws(() => parseServeArgs(['--port', 'http']), /--port/);
  assert.throws(() => parseServeArgs(['--port', '70000']), /--port/);
  assert.throws(() => parseServeArgs(['--host', '0.0.0.0']), /Unknown option/);
});
