// The engine's own process: Electron starts it with utilityProcess.fork (plain Node tests with
// child_process.fork) and it hosts the CaseService, so DuckDB queries, imports and analyses never block
// the window. A crash here is a crash of this process only; the main process reports it and restarts it.
import { defaultAnalytics } from '../engine/service/analyticsPort.js';
import { CaseService } from '../engine/service/caseService.js';
import { CASE_CHANGING, type FromEngine, type ToEngine } from './engineProcess.js';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

/** Electron's utility process has process.parentPort; a Node child process has process.send. */
function channel(): { send(m: FromEngine): void; listen(on: (m: unknown) => void): void } {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port)
    return { send: (m) => port.postMessage(m), listen: (on) => port.on('message', (e) => on(e.data)) };
  if (process.send) return { send: (m) => process.send!(m), listen: (on) => process.on('message', on) };
  throw new Error('engineHost must be started as a utility or child process');
}

function casePathFromArgs(argv: readonly string[]): string {
  const arg = argv.find((a) => a.startsWith('--case='));
  if (!arg) throw new Error('engineHost needs --case=PATH');
  return arg.slice('--case='.length);
}

async function main(): Promise<void> {
  const io = channel();
  let service: CaseService;
  try {
    service = await CaseService.open(casePathFromArgs(process.argv), { analytics: defaultAnalytics() });
  } catch (e) {
    io.send({ type: 'fatal', message: `could not open the case: ${(e as Error).message}` });
    process.exit(1);
  }
  io.listen((message) => {
    const m = message as ToEngine;
    if (m?.type !== 'call' || typeof m.id !== 'number') return;
    void service.call(m.method, m.request).then((result) => {
      io.send({ type: 'result', id: m.id, result });
      if (result.ok && CASE_CHANGING.has(m.method)) io.send({ type: 'case', casePath: service.casePath });
    });
  });
  io.send({ type: 'ready', casePath: service.casePath });
  // Closing the case cleanly lets DuckDB checkpoint its write-ahead log.
  const stop = (): void => void service.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

void main();
