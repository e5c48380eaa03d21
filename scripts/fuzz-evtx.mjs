// A longer run of the .evtx fuzzer than `npm test` makes: `npm run fuzz:evtx -- [iterations] [seed]`,
// over every .evtx in ../shared/evtx-samples and ../shared/real-logs (and a synthetic file). Needs a build.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { mutate, readMutant } = await import(join(root, 'dist/test/support/evtxFuzz.js'));
const { SeededRandom } = await import(join(root, 'dist/tools/synth/random.js'));
const iterations = Number(process.argv[2] ?? 2000);
const seed = process.argv[3] ?? String(Date.now());

function evtxFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) evtxFiles(p, out);
    else if (name.endsWith('.evtx')) out.push(p);
  }
  return out;
}

const files = evtxFiles(join(root, '..', 'shared'));
if (files.length === 0)
  console.log('no ../shared beside the project: nothing to fuzz but what npm test fuzzes');
const rng = new SeededRandom(seed);
console.log(`fuzzing ${files.length} files, ${iterations} mutants, seed ${seed}`);
let slowest = { ms: 0, mutation: '' };
for (let i = 0; i < iterations; i++) {
  const path = files[i % files.length];
  const { bytes, mutation } = mutate(readFileSync(path), rng);
  const outcome = await readMutant(bytes, `${path} #${i}: ${mutation}`, rng);
  if (outcome.ms > slowest.ms) slowest = outcome;
  if ((i + 1) % 500 === 0)
    console.log(`${i + 1} mutants, slowest ${slowest.ms.toFixed(0)} ms (${slowest.mutation})`);
}
console.log(
  `done: ${iterations} mutants, no failure; slowest ${slowest.ms.toFixed(0)} ms (${slowest.mutation})`,
);
