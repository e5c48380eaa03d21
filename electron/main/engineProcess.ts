// The main process's handle on the engine process: it forwards calls, matches answers to them, and when
// the engine dies it fails the calls in flight with a Result (never an exception), tells the window, and
// starts a new engine on the same case. Too many crashes in a row stop the restarts, still not the app.
// Spawning is passed in, so the same logic runs over Electron's utilityProcess and Node's child_process.
import type { ApiMethod, Result } from '../../shared/api.js';
import type { EngineStatus } from '../../shared/shellEvents.js';

// Messages between the main process and the engine process: plain JSON-safe objects. The engine answers
// every call with a Result and says when the open case changed, so a restart reopens the right case.
export type ToEngine = { type: 'call'; id: number; method: ApiMethod; request: unknown };

export type FromEngine =
  | { type: 'ready'; casePath: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'case'; casePath: string }
  | { type: 'fatal'; message: string };

/** Calls after which the engine's case file may be another one. */
export const CASE_CHANGING: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'openCase',
  'saveCaseAs',
  'newCase',
]);

export function isFromEngine(m: unknown): m is FromEngine {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

export interface EngineChild {
  send(message: ToEngine): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type SpawnEngine = (casePath: string) => EngineChild;

// The status is what the window is told in the shell's `engine` event, so its type lives with that event.
export type { EngineStatus };

/** Restarts allowed within RESTART_WINDOW_MS before the engine is left stopped. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

type Pending = (result: Result<unknown>) => void;

export class EngineProcess {
  private child: EngineChild | null = null;
  private ready: Promise<void> | null = null;
  /** Ends the wait for `ready` when the engine dies before it got there. */
  private releaseReady: () => void = () => undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes: number[] = [];
  private stopping = false;
  private lastStatus: EngineStatus;

  constructor(
    private readonly spawn: SpawnEngine,
    private casePath: string,
    private readonly onStatus: (status: EngineStatus) => void = () => undefined,
  ) {
    this.lastStatus = { state: 'starting', casePath };
  }

  get status(): EngineStatus {
    return this.lastStatus;
  }

  get currentCase(): string {
    return this.casePath;
  }

  private report(status: EngineStatus): void {
    this.lastStatus = status;
    this.onStatus(status);
  }

  start(): void {
    this.stopping = false;
    const child = this.spawn(this.casePath);
    this.child = child;
    this.report({ state: 'starting', casePath: this.casePath });
    this.ready = new Promise((resolve) => {
      this.releaseReady = resolve;
      child.onMessage((m) => {
        if (!isFromEngine(m) || this.child !== child) return;
        if (m.type === 'ready') {
          this.report({ state: 'ready', casePath: m.casePath });
          resolve();
        } else if (m.type === 'result') {
          this.pending.get(m.id)?.(m.result);
          this.pending.delete(m.id);
        } else if (m.type === 'case') this.casePath = m.casePath;
        else this.report({ state: 'restarting', casePath: this.casePath, message: m.message });
      });
    });
    child.onExit((code) => {
      if (this.child === child) this.crashed(code);
    });
  }

  private crashed(code: number | null): void {
    this.child = null;
    this.ready = null;
    this.releaseReady();
    const message = `the engine process stopped unexpectedly (exit code ${code ?? 'none'})`;
    for (const settle of this.pending.values())
      settle({ ok: false, error: { code: 'ENGINE_RESTARTED', message: `${message}; please try again` } });
    this.pending.clear();
    if (this.stopping) return;
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      this.report({
        state: 'failed',
        casePath: this.casePath,
        message: `${message}, ${this.crashes.length} times within a minute; not restarting`,
      });
      return;
    }
    this.report({ state: 'restarting', casePath: this.casePath, message });
    this.start();
  }

  /** Forwards one (already validated) call; the answer is always a Result. */
  async call(method: ApiMethod, request: unknown): Promise<Result<unknown>> {
    if (!this.child || !this.ready) {
      return {
        ok: false,
        error: { code: 'ENGINE_STOPPED', message: 'the engine is not running; restart the app' },
      };
    }
    const child = this.child;
    await this.ready;
    if (this.child !== child) {
      return {
        ok: false,
        error: {
          code: 'ENGINE_RESTARTED',
          message: 'the engine restarted before it could answer; please try again',
        },
      };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      child.send({ type: 'call', id, method, request });
    });
  }

  /** A deliberate stop (quitting): no restart, calls in flight fail as values. */
  stop(): void {
    this.stopping = true;
    this.child?.kill();
  }
}
