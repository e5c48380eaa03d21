// Child process of the bench: merges the given cases into a new one as `accountscope merge` does and
// prints one JSON line: cases, bytes in, rows copied, the copy's and the analytics' seconds, and this
// process's peak RSS. `node dist/bench/mergeOne.js TARGET CASE CASE...` runs it alone.
import { rmSync, statSync } from 'node:fs';
import { mergeCases } from '../electron/engine/usecases/mergeCases.js';

const [target, ...cases] = process.argv.slice(2);
if (!target || cases.length < 2) throw new Error('usage: mergeOne TARGET CASE CASE...');
rmSync(target, { force: true });

const t0 = performance.now();
let copied = t0;
let rows = 0;
const summary = await mergeCases(
  cases.map((path) => ({ path })),
  target,
  {
    onProgress: (p) => {
      // The copy ends where the analytics start.
      if (p.step.startsWith('analytics')) {
        copied = performance.now();
        rows = p.total;
      }
    },
  },
);
const done = performance.now();
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    cases: cases.length,
    bytesIn: cases.reduce((n, c) => n + statSync(c).size, 0),
    bytesOut: statSync(target).size,
    rows,
    records: summary.records.winEvents + summary.records.signins + summary.records.audits,
    duplicates: summary.duplicates.length,
    findings: summary.findings,
    seconds: (done - t0) / 1000,
    copySeconds: (copied - t0) / 1000,
    analyticsSeconds: (done - copied) / 1000,
    // CPU of every thread (DuckDB's too): on a shared machine, less noisy than the wall clock.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
rmSync(target, { force: true });
