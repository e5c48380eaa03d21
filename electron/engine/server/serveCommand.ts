// `accountscope serve [--case FILE] [--port N]`: starts browser mode and prints the one line to open.
import { parseArgs } from 'node:util';
import { UsageError } from '../cli/usage.js';
import { startServer, type RunningServer, type StoppedServer } from './startServer.js';

export function parseServeArgs(argv: string[]): { casePath?: string; port: number } {
  const { values } = parseArgs({
    args: argv,
    options: { case: { type: 'string' }, port: { type: 'string' } },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0..65535, not ${values.port}`);
  return { ...(values.case ? { casePath: values.case } : {}), port };
}

/** Resolves when the process is asked to stop (Ctrl+C, or a service manager's SIGTERM). */
function untilStopped(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** What is temporary, where it is, and what becomes of it: said before anything is dropped in. */
export function startNotice(server: RunningServer): string {
  const lines = server.scratchCase
    ? [
        `No --case given: working in a new case at ${server.casePath}.`,
        `Files dropped into the page are kept, read-only, beside the case in ${server.uploadsDir}.`,
        'Both are kept when the server stops (pass --case FILE to choose where the case lives).',
      ]
    : [
        `Serving ${server.casePath}.`,
        `Files dropped into the page are kept, read-only, beside the case in ${server.uploadsDir}.`,
      ];
  lines.push(`Listening on 127.0.0.1:${server.port}. Press Ctrl+C to stop.`);
  return lines.join('\n') + '\n';
}

export function stopNotice(server: RunningServer, stopped: StoppedServer): string {
  if (stopped.kept) {
    const what = server.scratchCase ? 'the case and any dropped files' : 'the dropped files';
    return `Stopped. Kept: ${stopped.runDir} (${what}); delete it when the case no longer needs it.\n`;
  }
  return server.scratchCase
    ? `Stopped. Nothing was imported: removed the empty scratch case at ${stopped.runDir}.\n`
    : 'Stopped.\n';
}

export async function serveCommand(argv: string[]): Promise<number> {
  const opts = parseServeArgs(argv);
  let server: RunningServer;
  try {
    server = await startServer(opts);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EADDRINUSE' ? `port ${opts.port} is already in use` : err.message;
    process.stderr.write(`accountscope: cannot start the server: ${why}\n`);
    return 1;
  }
  // The one line on stdout: the address to open. The token rides in the fragment, which browsers never
  // send to the server, so it stays out of logs and Referer headers.
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(startNotice(server));
  await untilStopped();
  process.stderr.write(stopNotice(server, await server.close()));
  return 0;
}
