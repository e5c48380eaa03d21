// Child process of the bench: parses one file as a parse worker does (reader only: no segments, no
// DuckDB), a warm-up pass and then three timed ones, and prints one JSON line: MB and events per
// second of this thread's CPU time, so the figure is one worker's, whatever else the machine runs.
import { statSync } from 'node:fs';
import { parseFile } from '../electron/engine/import/parseFile.js';

const [path, ...flags] = process.argv.slice(2);
if (!path) throw new Error('usage: parseOne FILE [--render-xml]');
const renderXml = flags.includes('--render-xml');

async function pass(): Promise<number> {
  let events = 0;
  await parseFile(
    path!,
    { batch: () => ({ rows: 0, full: false, add: () => void events++ }), rows: () => undefined },
    { renderXml },
  );
  return events;
}

await pass();
const runs = 3;
const cpu0 = process.cpuUsage();
let events = 0;
for (let i = 0; i < runs; i++) events += await pass();
const cpu = process.cpuUsage(cpu0);
const seconds = (cpu.user + cpu.system) / 1e6;
const bytes = statSync(path).size * runs;
process.stdout.write(
  `${JSON.stringify({ mbPerCpuSecond: bytes / 1e6 / seconds, eventsPerCpuSecond: events / seconds })}\n`,
);
