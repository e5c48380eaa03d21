// An `accountscope import` run in a child process, and what a fault test needs to watch it: its parsed
// rows arriving in its staging folder (a temp directory of its own, so the folder is the child's), the
// moment the case is open and loading (a staged segment has been loaded and deleted), and what the case
// holds once every process has let go of it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { projectRoot } from './paths.js';

export const cli = join(projectRoot, 'bin', 'accountscope.js');

/** Runs the CLI with the arguments; resolves with its exit code (or signal) and output. */
export function runCli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; shell?: string } = {},
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child =
    opts.shell !== undefined
      ? spawn('/bin/sh', ['-c', `${opts.shell}; exec "$0" "$@"`, process.execPath, cli, ...args], {
          env: { ...process.env, ...opts.env },
        })
      : spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...opts.env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** The segment files the process `pid` has staged in `tmp` and not yet loaded. */
export function stagedSegments(tmp: string, pid: number): string[] {
  if (!existsSync(tmp)) return [];
  return readdirSync(tmp)
    .filter((n) => n.startsWith('accountscope-stage-') && n.includes(`-${pid}-`))
    .flatMap((n) => {
      try {
        return readdirSync(join(tmp, n)).map((f) => join(n, f));
      } catch {
        return [];
      }
    });
}

/**
 * Resolves once `child` has rows staged (`loading` false) or has loaded one of them into the case
 * (`loading` true: the case is open and locked), and is still running; rejects if it ends first.
 */
export function waitForImport(child: ChildProcess, tmp: string, loading: boolean): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const seen = new Set<string>();
    const started = Date.now();
    const timer = setInterval(() => {
      const now = stagedSegments(tmp, child.pid!);
      const loaded = [...seen].some((s) => !now.includes(s));
      for (const s of now) seen.add(s);
      const exited = child.exitCode !== null || child.signalCode !== null;
      const ready = loading ? loaded : now.length > 0;
      if (ready && !exited) {
        clearInterval(timer);
        resolve(now.length);
      } else if (exited || Date.now() - started > 60_000) {
        clearInterval(timer);
        reject(new Error(exited ? 'the import ended before the moment wanted' : 'the moment never came'));
      }
    }, 5);
  });
}

/** Counts in a case no process holds: events, and each source's path and events. */
export async function caseContents(
  casePath: string,
): Promise<{ events: number; sources: Array<{ path: string; events: number }> }> {
  const inst = await DuckDBInstance.create(casePath);
  const conn = await inst.connect();
  try {
    // A case killed before its schema existed holds nothing.
    const tables = await conn.runAndReadAll(
      "SELECT count(*)::INTEGER n FROM information_schema.tables WHERE table_name IN ('win_events', 'sources')",
    );
    if (Number(tables.getRowObjects()[0]!['n']) < 2) return { events: 0, sources: [] };
    const n = await conn.runAndReadAll('SELECT count(*)::INTEGER n FROM win_events');
    const s = await conn.runAndReadAll('SELECT path, events::INTEGER AS events FROM sources ORDER BY path');
    return {
      events: Number(n.getRowObjects()[0]!['n']),
      sources: s.getRowObjects().map((r) => ({ path: String(r['path']), events: Number(r['events']) })),
    };
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}
