// Parse-only throughput of the Windows XML reader. Not a test and not run by CI: timings on shared
// machines are noise to a test suite. Run by hand:
//   node_modules/.bin/tsc -p tsconfig.json && node dist/test/unit/readers/windowsXml/perf.manual.js [MB]
// It writes a wevtutil-style UTF-8 file and a PowerShell-style UTF-16LE file (real Security 4625 and Sysmon
// events, Windows rendering) into the temp folder, reads each through readWindowsXml with a sink that keeps
// nothing, and prints MB/s and events/s.
import { closeSync, createReadStream, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWindowsXml } from '../../../../electron/engine/readers/windowsXml/index.js';
import { splitEvents, toWindowsRendering } from './exportFlavours.js';
import { realLog } from './realLogs.js';

const targetMb = Number(process.argv[2] ?? 200);

function sampleEvents(): string[] {
  const security = splitEvents(readFileSync(realLog('R30').xmlPath, 'utf8'));
  const sysmon = splitEvents(readFileSync(realLog('R12').xmlPath, 'utf8'));
  return [...security, ...sysmon].map(toWindowsRendering);
}

function writeInput(file: string, block: Buffer): void {
  const fd = openSync(file, 'w');
  for (let written = 0; written < targetMb * 1024 * 1024; written += block.length) writeSync(fd, block);
  closeSync(fd);
}

async function measure(file: string): Promise<void> {
  const bytes = statSync(file).size;
  let rows = 0;
  let errors = 0;
  let peakRss = 0;
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  await readWindowsXml(createReadStream(file, { highWaterMark: 1024 * 1024 }), {
    row: () => {
      if (++rows % 20000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    },
    error: () => errors++,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time too: on a shared machine wall time also measures the neighbours.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = bytes / 1e6;
  console.log(
    `${mb.toFixed(0)} MB, ${rows} events (${errors} errors) in ${seconds.toFixed(2)} s: ` +
      `${(mb / seconds).toFixed(1)} MB/s, ${Math.round(rows / seconds)} events/s, ` +
      `avg ${Math.round(bytes / rows)} bytes/event, peak RSS ${(peakRss / 1e6).toFixed(0)} MB; ` +
      `per CPU second: ${(mb / cpuSeconds).toFixed(1)} MB, ${Math.round(rows / cpuSeconds)} events`,
  );
}

const events = sampleEvents();
const inputs: Array<[string, Buffer]> = [
  ['wevtutil, UTF-8', Buffer.from(events.join(''), 'utf8')],
  ['PowerShell lines, UTF-16LE', Buffer.from(events.map((e) => `${e}\r\n`).join(''), 'utf16le')],
];
for (const [name, block] of inputs) {
  const file = path.join(os.tmpdir(), `accountscope-perf-${process.pid}.xml`);
  try {
    writeInput(file, block);
    console.log(name);
    for (let run = 0; run < 3; run++) await measure(file);
  } finally {
    rmSync(file, { force: true });
  }
}
