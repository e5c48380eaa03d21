// Child process of the bench: imports the given files into a case and prints one JSON line of figures.
// Run in its own process so its peak RSS is the import's alone. By default the case is opened as
// `accountscope import` opens it; with --app, the import goes through the app's own path (a case
// session, opened as the app opens it, and a background import job polled as the UI polls it).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { openCaseForImport } from '../electron/engine/store/openCase.js';
import { Importer } from '../electron/engine/import/importer.js';
import { CaseService } from '../electron/engine/service/caseService.js';
import { defaultAnalytics } from '../electron/engine/service/analyticsPort.js';

const args = process.argv.slice(2);
const app = args[0] === '--app';
const [casePath, ...files] = app ? args.slice(1) : args;
if (!casePath || files.length === 0) throw new Error('usage: importOne [--app] CASE FILE...');

interface Imported {
  /** Until every file is committed (the case is closed afterwards, untimed). */
  ms: number;
  bytes: number;
  events: number;
  errors: number;
}

async function throughCli(): Promise<Imported> {
  const db = await openCaseForImport(casePath!);
  const importer = new Importer(db);
  const t0 = performance.now();
  const sources = await importer.importPaths(files);
  const ms = performance.now() - t0;
  await importer.close();
  db.close();
  return {
    ms,
    bytes: sources.reduce((n, s) => n + (s.size ?? 0), 0),
    events: sources.reduce((n, s) => n + s.events, 0),
    errors: sources.reduce((n, s) => n + s.errors.length, 0),
  };
}

async function throughApp(): Promise<Imported> {
  const service = await CaseService.open(casePath!, { analytics: defaultAnalytics() });
  try {
    const t0 = performance.now();
    const started = await service.invoke('startImport', { paths: files });
    if (!started.ok) throw new Error(started.error.message);
    for (;;) {
      // The UI's poll interval: the time is up to 0.3 s long.
      await sleep(300);
      const r = await service.invoke('importStatus', started.value);
      if (!r.ok) throw new Error(r.error.message);
      if (r.value.state === 'running') continue;
      const done = r.value.files.map((f) => f.summary);
      return {
        ms: performance.now() - t0,
        bytes: r.value.files.reduce((n, f) => n + f.size, 0),
        events: done.reduce((n, s) => n + (s?.events ?? 0), 0),
        errors: done.reduce((n, s) => n + (s?.errors.length ?? 1), 0),
      };
    }
  } finally {
    await service.close();
  }
}

// The coordinator's event loop is the thread that would serve the UI in browser mode: its delay is the
// "frame delay" a user would feel while an import runs.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const imported = await (app ? throughApp() : throughCli());
loop.disable();
process.stdout.write(
  JSON.stringify({
    ...imported,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
  }) + '\n',
);
