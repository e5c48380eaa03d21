// Child process of the bench: runs the four analytics over a case and one account-story lookup, and
// prints the figures. Separate from the import so its peak RSS is its own.
import { openCase } from '../electron/engine/store/openCase.js';
import { accountStories, accountStory, runAnalytics } from '../electron/engine/analytics/index.js';

const [casePath] = process.argv.slice(2);
if (!casePath) throw new Error('usage: analyticsOne CASE');
const db = await openCase(casePath);
const steps: Array<[string, number]> = [];
const t0 = performance.now();
const findings = await runAnalytics(db.conn, { onTiming: (step, ms) => steps.push([step, ms]) });
const total = performance.now() - t0;
console.log(`\nanalytics: ${findings.length} findings in ${(total / 1000).toFixed(2)} s`);
for (const [step, ms] of steps) console.log(`  ${step.padEnd(28)} ${ms.toFixed(0).padStart(7)} ms`);

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
