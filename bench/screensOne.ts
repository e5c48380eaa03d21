// Child process of the bench: what the Findings and Timeline screens ask the engine for, timed on the
// analysed bench case — the first screenful, then a zoom and a filter. Run through CaseService, the
// same entry point both transports use, so the figures are the engine's side of a screen update.
import { CaseService } from '../electron/engine/service/caseService.js';
import { defaultAnalytics } from '../electron/engine/service/analyticsPort.js';
import type { ApiMethods } from '../shared/api.js';

const [casePath] = process.argv.slice(2);
if (!casePath) throw new Error('usage: screensOne CASE');
const service = await CaseService.open(casePath, { analytics: defaultAnalytics() });

async function timed<M extends keyof ApiMethods>(label: string, m: M, req: ApiMethods[M][0]) {
  const times: number[] = [];
  let value: ApiMethods[M][1] | undefined;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = await service.invoke(m, req);
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    value = r.value;
  }
  // The first call is the cold one a user meets on opening the screen; the median is a repeat.
  const first = times[0]!;
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(44)} first ${first.toFixed(0).padStart(5)} ms  median ${times[2]!.toFixed(0).padStart(5)} ms`,
  );
  return value!;
}

console.log('\nscreens (engine side, on the analysed bench case):');
const info = await timed('caseInfo (header)', 'caseInfo', {});
await timed('Findings: first page, by severity', 'listFindings', { sort: 'severity', desc: true, limit: 50 });
await timed('Findings: filter AN1604 + text', 'listFindings', {
  analytic: ['AN1604'],
  text: 'admin',
  limit: 50,
});
const tl = await timed('Timeline: whole case', 'timeline', { buckets: 120 });
const mid = Date.parse(tl.from) + (Date.parse(tl.to) - Date.parse(tl.from)) / 2;
const zoom = { from: new Date(mid).toISOString(), to: new Date(mid + 6 * 3600_000).toISOString() };
await timed('Timeline: zoom to 6 h', 'timeline', { ...zoom, buckets: 120 });
await timed('Timeline: events of the zoomed range', 'timelineEvents', { ...zoom, limit: 50 });
console.log(
  `  (${info.counts.winEvents} Windows events, ${info.counts.signins} sign-ins, ${info.counts.findings} findings)`,
);
await service.close();
