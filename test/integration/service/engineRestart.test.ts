// The engine's own process, started the way the shell starts it (here with Node's child_process instead
// of Electron's utilityProcess): calls answered as Results, and a killed engine reported, restarted on
// the case the user was working on, with the call in flight failed as a value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CaseInfo } from '../../../shared/api.js';
import { EngineProcess, type EngineChild, type EngineStatus } from '../../../electron/main/engineProcess.js';
import type { ToEngine } from '../../../electron/main/engineProcess.js';
import { projectRoot, tempDir } from '../../support/paths.js';
import { buildFixtureCase } from './apiFixture.js';

const HOST = join(projectRoot, 'dist', 'electron', 'main', 'engineHost.js');

function nodeSpawner(children: ChildProcess[]): (casePath: string) => EngineChild {
  return (casePath) => {
    const child = fork(HOST, [`--case=${casePath}`], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    children.push(child);
    return {
      send: (m: ToEngine) => child.send(m),
      onMessage: (l) => child.on('message', l),
      onExit: (l) => child.on('exit', (code) => l(code)),
      kill: () => void child.kill('SIGTERM'),
    };
  };
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a killed engine is reported, restarted on the current case, and answers again', async () => {
  const { dir, cleanup } = tempDir('accountscope-engine-');
  const fixture = await buildFixtureCase(dir);
  const children: ChildProcess[] = [];
  const statuses: EngineStatus[] = [];
  const engine = new EngineProcess(nodeSpawner(children), fixture.path, (s) => statuses.push(s));
  try {
    engine.start();
    const first = await engine.call('caseInfo', {});
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal((first.value as CaseInfo).counts.findings, 4);

    // Work moves to a saved copy; a restart must come back on that copy, not the original.
    const saved = join(dir, 'saved.duckdb');
    assert.ok((await engine.call('saveCaseAs', { path: saved })).ok);
    await waitFor(() => engine.currentCase === saved, 'the engine to report the new case');

    const inFlight = engine.call('runSql', { sql: 'SELECT sum(hash(i)) FROM range(1000000000000) t(i)' });
    await new Promise((r) => setTimeout(r, 200));
    children[0]!.kill('SIGKILL');
    const lost = await inFlight;
    assert.ok(!lost.ok && lost.error.code === 'ENGINE_RESTARTED', JSON.stringify(lost));

    await waitFor(
      () => statuses.some((s) => s.state === 'restarting') && statuses.at(-1)?.state === 'ready',
      'the restart',
    );
    const restarting = statuses.find((s) => s.state === 'restarting')!;
    assert.match((restarting as { message: string }).message, /stopped unexpectedly/);
    const again = await engine.call('caseInfo', {});
    assert.ok(again.ok);
    assert.equal((again.value as CaseInfo).path, saved);
    assert.equal(children.length, 2);

    const bad = await engine.call('listFindings', { limit: 'all' });
    assert.ok(!bad.ok && bad.error.code === 'BAD_REQUEST', 'the engine validates too');
  } finally {
    engine.stop();
    await waitFor(
      () => children.every((c) => c.exitCode !== null || c.signalCode !== null),
      'the engine to stop',
    );
    cleanup();
  }
  assert.equal(children.length, 2, 'a deliberate stop does not restart');
});
