// Child process of the bench: runs the four analytics over a case and one account-story lookup, and
// prints the figures. Separate from the import so its peak RSS is its own.
import { basename } from 'node:path';
import { openCase } from '../electron/engine/store/openCase.js';
import { Importer } from '../electron/engine/import/importer.js';
import { accountStories, accountStory, runAnalytics } from '../electron/engine/analytics/index.js';

const [casePath, moreFile] = process.argv.slice(2);
if (!casePath) throw new Error('usage: analyticsOne CASE [ONE_MORE_FILE]');
const db = await openCase(casePath);

/** One analysis as the app runs it (the case keeps its derived tables), with each step's time. */
async function analyse(label: string): Promise<void> {
  const steps: Array<[string, number]> = [];
  const t0 = performance.now();
  let keep: (() => Promise<void>) | undefined;
  const findings = await runAnalytics(db.conn, {
    onTiming: (step, ms) => steps.push([step, ms]),
    // As the app runs it: the findings are out before a full build of the derived tables is written
    // into the case, which follows on the same connection.
    deferKeep: (k) => (keep = k),
  });
  const total = performance.now() - t0;
  console.log(`\n${label}: ${findings.length} findings in ${(total / 1000).toFixed(2)} s`);
  if (keep) await keep();
  for (const [step, ms] of steps) console.log(`  ${step.padEnd(32)} ${ms.toFixed(0).padStart(7)} ms`);
}

await analyse('analytics');
if (moreFile) {
  // Issue 14: re-analysis after one more file costs what that file touched, not what the case holds.
  const importer = new Importer(db);
  const [added] = await importer.importPaths([moreFile]);
  await importer.close();
  await analyse(`re-analysis after one more file (${basename(moreFile)}, ${added?.events ?? 0} events)`);
}

const stories = await accountStories(db.conn);
if (stories.length) {
  // The story with the most findings is the heaviest lookup a user can make.
  const target = [...stories].sort((a, b) => b.findingIds.length - a.findingIds.length)[0]!;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await accountStory(db.conn, target.key);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `account story '${target.display}' (${stories.length} stories): median ${times[3]!.toFixed(1)} ms, ` +
      `max ${times[6]!.toFixed(1)} ms over 7 lookups`,
  );
}
console.log(`analytics peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
db.close();
