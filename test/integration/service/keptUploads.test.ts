// Files dropped into the page in browser mode (issue 12, item 10) are kept beside the case, read-only, in
// a folder of its own (`case.duckdb` → `case.evidence/`), and the case's source row names that kept copy:
// the case's evidence outlives the server, which once kept it in a temporary folder that vanished.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ImportStatus } from '../../../shared/api.js';
import { createHttpClient, type HttpApiClient } from '../../../shared/transport.js';
import { startServer } from '../../../electron/engine/server/startServer.js';
import { keptEvidenceDir } from '../../../electron/engine/server/uploads.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { projectRoot, removeTree, tempDir } from '../../support/paths.js';

const FIXTURE = join(projectRoot, 'test', 'fixtures', 'api', 'security-small.xml');
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const mode = (path: string): number => statSync(path).mode & 0o777;

async function imported(client: HttpApiClient, paths: string[]): Promise<ImportStatus> {
  const { importId } = await client.startImport({ paths });
  let status = await client.importStatus({ importId });
  for (let i = 0; i < 400 && status.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    status = await client.importStatus({ importId });
  }
  return status;
}

test('a dropped file is kept read-only beside the case, the case records that copy, and both outlive the server', async () => {
  const { dir, cleanup } = tempDir('accountscope-kept-uploads-');
  try {
    const casePath = join(dir, 'client.duckdb');
    const server = await startServer({ casePath, analytics: defaultAnalytics() });
    const client = createHttpClient(`http://127.0.0.1:${server.port}`, server.token, (u, init) =>
      fetch(u, init),
    );
    const original = readFileSync(FIXTURE);
    const evidence = join(dir, 'client.evidence');
    let first: string;
    let second: string;
    try {
      assert.equal(server.uploadsDir, evidence);
      first = (await client.uploadFile('Security.xml', original)).path;
      // The same name dropped again is kept apart, not over the first.
      second = (await client.uploadFile('Security.xml', Buffer.concat([original, Buffer.from('\n')]))).path;
      assert.equal(first, join(evidence, '0001', 'Security.xml'));
      assert.equal(second, join(evidence, '0002', 'Security.xml'));
      for (const file of [first, second]) assert.equal(mode(file), 0o444, `${file} is read-only`);
      for (const folder of [evidence, dirname(first), dirname(second)])
        assert.equal(mode(folder), 0o555, `${folder} is read-only`);

      const status = await imported(client, [first]);
      assert.equal(status.state, 'done');
      const info = await client.caseInfo({});
      assert.deepEqual(
        info.sources.map((s) => [s.path, s.sha256]),
        [[first, sha(original)]],
        'the source row names the kept copy',
      );
    } finally {
      await server.close();
    }
    // The server is gone: the kept copy is still where the case says, byte for byte.
    assert.ok(existsSync(first));
    assert.equal(sha(readFileSync(first)), sha(original));
    const reopened = await CaseService.open(casePath, { analytics: defaultAnalytics() });
    try {
      const info = await reopened.invoke('caseInfo', {});
      assert.ok(info.ok);
      for (const s of info.value.sources) assert.equal(sha(readFileSync(s.path)), s.sha256);
    } finally {
      await reopened.close();
    }
  } finally {
    cleanup();
  }
});

test('a drop after the page switched cases is kept beside the case now open; a scratch case keeps its drops', async () => {
  const { dir, cleanup } = tempDir('accountscope-kept-switch-');
  try {
    const server = await startServer({ analytics: defaultAnalytics() });
    const client = createHttpClient(`http://127.0.0.1:${server.port}`, server.token, (u, init) =>
      fetch(u, init),
    );
    let scratchDrop: string;
    let stoppedDir: string;
    try {
      // No --case: the scratch case's drops sit beside it in the run folder, which is then kept.
      scratchDrop = (await client.uploadFile('a.xml', readFileSync(FIXTURE))).path;
      assert.equal(dirname(dirname(scratchDrop)), keptEvidenceDir(server.casePath));
      const other = join(dir, 'second.duckdb');
      await client.newCase({ path: other });
      const drop = await client.uploadFile('b.xml', readFileSync(FIXTURE));
      assert.equal(drop.path, join(dir, 'second.evidence', '0001', 'b.xml'));
    } finally {
      const stopped = await server.close();
      stoppedDir = stopped.runDir;
      assert.equal(stopped.kept, true, 'the run folder holds the scratch case’s dropped file');
    }
    assert.ok(existsSync(scratchDrop));
    removeTree(stoppedDir);
  } finally {
    cleanup();
  }
});
