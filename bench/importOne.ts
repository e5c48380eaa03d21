// Child process of the bench: imports the given files into a case, opened as `accountscope import`
// opens it, and prints one JSON line of figures. Run in its own process so its peak RSS is the
// import's alone.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openCaseForImport } from '../electron/engine/store/openCase.js';
import { Importer } from '../electron/engine/import/importer.js';

const [casePath, ...files] = process.argv.slice(2);
if (!casePath || files.length === 0) throw new Error('usage: importOne CASE FILE...');

const db = await openCaseForImport(casePath);
const importer = new Importer(db);
// The coordinator's event loop is the thread that would serve the UI in browser mode: its delay is the
// "frame delay" a user would feel while an import runs.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const t0 = performance.now();
const sources = await importer.importPaths(files);
const ms = performance.now() - t0;
loop.disable();
await importer.close();
db.close();
const bytes = sources.reduce((n, s) => n + (s.size ?? 0), 0);
process.stdout.write(
  JSON.stringify({
    ms,
    bytes,
    events: sources.reduce((n, s) => n + s.events, 0),
    errors: sources.reduce((n, s) => n + s.errors.length, 0),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
  }) + '\n',
);
