// A longer run of the XML and JSON fuzzer than `npm test` makes: `npm run fuzz:text -- [iterations] [seed]`,
// over every .xml and .json in sample-logs/evidence and test/fixtures, and the real XML exports in
// ../shared/real-logs when it is beside the project. Needs a build.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { mutateText, readTextMutant } = await import(join(root, 'dist/test/support/textFuzz.js'));
const { SeededRandom } = await import(join(root, 'dist/tools/synth/random.js'));
const iterations = Number(process.argv[2] ?? 2000);
const seed = process.argv[3] ?? String(Date.now());

function textFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) textFiles(p, out);
    else if (name.endsWith('.xml')) out.push(['xml', p]);
    else if (/\.jsonl?$/.test(name) && name !== 'manifest.json') out.push(['json', p]);
  }
  return out;
}

const files = [
  ...textFiles(join(root, 'sample-logs', 'evidence')),
  ...textFiles(join(root, 'test', 'fixtures', 'entra')),
  ...textFiles(join(root, 'test', 'fixtures', 'api')),
  ...textFiles(join(root, '..', 'shared', 'real-logs')).filter(([f]) => f === 'xml'),
];
if (!existsSync(join(root, '..', 'shared', 'real-logs')))
  console.log('no ../shared beside the project: fuzzing the project’s own files only');
const rng = new SeededRandom(seed);
console.log(`fuzzing ${files.length} files, ${iterations} mutants, seed ${seed}`);
let slowest = { ms: 0, mutation: '' };
const cache = new Map();
for (let i = 0; i < iterations; i++) {
  const [format, path] = files[rng.int(0, files.length - 1)];
  if (!cache.has(path)) cache.set(path, readFileSync(path));
  const { bytes, mutation } = mutateText(cache.get(path), format, rng);
  const outcome = await readTextMutant(bytes, format, `${path} #${i}: ${mutation}`, rng);
  if (outcome.ms > slowest.ms) slowest = outcome;
  if ((i + 1) % 200 === 0) {
    const heap = (process.memoryUsage().heapUsed / 1048576).toFixed(0);
    console.log(
      `${i + 1} mutants, heap ${heap} MiB, slowest ${slowest.ms.toFixed(0)} ms (${slowest.mutation})`,
    );
  }
}
console.log(
  `done: ${iterations} mutants, no failure; slowest ${slowest.ms.toFixed(0)} ms (${slowest.mutation})`,
);
