// Child process of the bench: the app's own exports of a case it holds open (startCaseTask, polled with
// caseTaskStatus as the UI polls it), Parquet and then Timesketch, and prints one JSON line each: seconds,
// records, the progress updates the UI saw and the longest wait between two, how long the app's other
// calls waited meanwhile (caseInfo, as the status bar asks it), and peak RSS so far.
// `node dist/bench/appTasksOne.js CASE WORKDIR` runs it alone; the case is opened read-write, as the app
// opens it, and left as it was.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseTaskRequest, Result } from '../shared/api.js';
import { CaseService } from '../electron/engine/service/caseService.js';
import { defaultAnalytics } from '../electron/engine/service/analyticsPort.js';

const [casePath, workDir] = process.argv.slice(2);
if (!casePath || !workDir) throw new Error('usage: appTasksOne CASE WORKDIR');

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const service = await CaseService.open(casePath, { analytics: defaultAnalytics() });

async function run(label: string, req: CaseTaskRequest, cleanup: () => void): Promise<void> {
  cleanup();
  const t0 = performance.now();
  const { taskId } = value(await service.invoke('startCaseTask', req));
  const updates: Array<{ at: number; step: string }> = [];
  const infoWaits: number[] = [];
  let lastDone = -1;
  let records = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const s = value(await service.invoke('caseTaskStatus', { taskId }));
    if (s.done !== lastDone) {
      updates.push({ at: performance.now(), step: s.step });
      lastDone = s.done;
    }
    const t = performance.now();
    value(await service.invoke('caseInfo', {}));
    infoWaits.push(performance.now() - t);
    if (s.state === 'failed') throw new Error(`${label}: ${s.message ?? 'failed'}`);
    if (s.state === 'done') {
      records = s.parquet?.rows ?? s.timesketch?.lines ?? s.done;
      break;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  // The longest time the bar stood still, and the step it stood on.
  const gaps = updates
    .slice(1)
    .map((u, i) => ({ s: (u.at - updates[i]!.at) / 1000, step: updates[i]!.step }));
  const longest = gaps.reduce<(typeof gaps)[number] | null>((m, g) => (!m || g.s > m.s ? g : m), null);
  infoWaits.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      task: label,
      seconds,
      records,
      progressUpdates: updates.length,
      longestGapS: longest?.s ?? null,
      longestGapStep: longest?.step ?? null,
      caseInfoMedianMs: infoWaits[Math.floor(infoWaits.length / 2)] ?? null,
      caseInfoMaxMs: infoWaits[infoWaits.length - 1] ?? null,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  cleanup();
}

try {
  const dir = join(workDir, 'app-parquet');
  await run('parquet', { kind: 'parquet', dir }, () => rmSync(dir, { recursive: true, force: true }));
  const file = join(workDir, 'app-timeline.jsonl');
  await run('timesketch', { kind: 'timesketch', file }, () => rmSync(file, { force: true }));
} finally {
  await service.close();
}
