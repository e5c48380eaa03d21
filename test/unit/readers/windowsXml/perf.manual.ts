// Parse-only throughput of the Windows XML reader. Not a test and not run by CI: timings on shared
// machines are noise to a test suite. Run by hand:
//   node_modules/.bin/tsc -p tsconfig.json && node dist/test/unit/readers/windowsXml/perf.manual.js [MB]
// It writes a wevtutil-style UTF-8 file and a PowerShell-style UTF-16LE file (real Security 4625 and Sysmon
// events, Windows rendering) into the temp folder, reads each through readWindowsXml with a sink that keeps
// nothing, and prints MB/s and events/s; then plans two slices of it and reads them one after the other
// (one thread here: the figure shows what slicing costs, not what two workers gain).
import { closeSync, createReadStream, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { planXmlSlices, readWindowsXml } from '../../../../electron/engine/readers/windowsXml/index.js';
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

async function measureSliced(file: string): Promise<void> {
  const bytes = statSync(file).size;
  const handle = await open(file, 'r');
  try {
    const readAt = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const fileHead = await readAt(0, 64 * 1024);
    const planned = process.hrtime.bigint();
    const starts = await planXmlSlices(readAt, bytes, fileHead, 2);
    const planMs = Number(process.hrtime.bigint() - planned) / 1e6;
    let rows = 0;
    const cpuBefore = process.cpuUsage();
    for (const [i, startOffset] of starts.entries()) {
      const end = starts[i + 1] ?? bytes;
      const source = createReadStream(file, { start: startOffset, end: end - 1, highWaterMark: 1024 * 1024 });
      const last = i === starts.length - 1;
      await readWindowsXml(
        source,
        { row: () => rows++, error: () => {} },
        { slice: { startOffset, fileHead, last } },
      );
    }
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `  in ${starts.length} slices (planned in ${planMs.toFixed(1)} ms): ${rows} events, ` +
        `per CPU second: ${(bytes / 1e6 / cpuSeconds).toFixed(1)} MB`,
    );
  } finally {
    await handle.close();
  }
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
    await measureSliced(file);
  } finally {
    rmSync(file, { force: true });
  }
}
