// Restart policy and call bookkeeping of the engine process, with stand-in children.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EngineProcess,
  MAX_RESTARTS,
  type EngineChild,
  type EngineStatus,
} from '../../../electron/main/engineProcess.js';
import type { ToEngine } from '../../../electron/main/engineProcess.js';

class FakeChild implements EngineChild {
  sent: ToEngine[] = [];
  private messageListeners: Array<(m: unknown) => void> = [];
  private exitListeners: Array<(code: number | null) => void> = [];
  killed = false;
  send(m: ToEngine): void {
    this.sent.push(m);
  }
  onMessage(l: (m: unknown) => void): void {
    this.messageListeners.push(l);
  }
  onExit(l: (code: number | null) => void): void {
    this.exitListeners.push(l);
  }
  kill(): void {
    this.killed = true;
    this.exit(0);
  }
  emit(m: unknown): void {
    for (const l of this.messageListeners) l(m);
  }
  exit(code: number | null): void {
    for (const l of this.exitListeners) l(code);
  }
}

function setup() {
  const children: FakeChild[] = [];
  const statuses: EngineStatus[] = [];
  const engine = new EngineProcess(
    () => {
      const c = new FakeChild();
      children.push(c);
      return c;
    },
    '/cases/a.duckdb',
    (s) => statuses.push(s),
  );
  return { engine, children, statuses };
}

const tick = () => new Promise((r) => setImmediate(r));

test('calls wait for the engine to be ready and are matched to their answers', async () => {
  const { engine, children } = setup();
  engine.start();
  const pending = engine.call('caseInfo', {});
  await tick();
  assert.equal(children[0]!.sent.length, 0, 'nothing is sent before ready');
  children[0]!.emit({ type: 'ready', casePath: '/cases/a.duckdb' });
  await tick();
  const sent = children[0]!.sent[0]!;
  assert.equal(sent.method, 'caseInfo');
  children[0]!.emit({ type: 'result', id: sent.id, result: { ok: true, value: 42 } });
  assert.deepEqual(await pending, { ok: true, value: 42 });
});

test('a crash fails calls in flight as values and restarts on the current case', async () => {
  const { engine, children, statuses } = setup();
  engine.start();
  children[0]!.emit({ type: 'ready', casePath: '/cases/a.duckdb' });
  children[0]!.emit({ type: 'case', casePath: '/cases/b.duckdb' });
  const pending = engine.call('analyze', {});
  await tick();
  children[0]!.exit(139);
  const r = await pending;
  assert.ok(!r.ok && r.error.code === 'ENGINE_RESTARTED' && /exit code 139/.test(r.error.message));
  assert.equal(children.length, 2);
  assert.deepEqual(
    statuses.map((s) => s.state),
    ['starting', 'ready', 'restarting', 'starting'],
  );
  assert.equal(statuses.at(-1)!.casePath, '/cases/b.duckdb');
});

test('a call waiting for a dying engine is answered, not left hanging', async () => {
  const { engine, children } = setup();
  engine.start();
  const pending = engine.call('caseInfo', {});
  children[0]!.exit(1);
  const r = await pending;
  assert.ok(!r.ok && r.error.code === 'ENGINE_RESTARTED');
});

test('repeated crashes stop the restarts with a failed status, still without throwing', async () => {
  const { engine, children, statuses } = setup();
  engine.start();
  for (let i = 0; i <= MAX_RESTARTS; i++) children.at(-1)!.exit(1);
  assert.equal(children.length, MAX_RESTARTS + 1);
  assert.equal(statuses.at(-1)!.state, 'failed');
  const r = await engine.call('caseInfo', {});
  assert.ok(!r.ok && r.error.code === 'ENGINE_STOPPED');
});

test('a deliberate stop does not restart', () => {
  const { engine, children } = setup();
  engine.start();
  engine.stop();
  assert.equal(children[0]!.killed, true);
  assert.equal(children.length, 1);
});
