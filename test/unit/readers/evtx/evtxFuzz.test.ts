// A bounded run of the .evtx fuzzer (test/support/evtxFuzz.ts) in `npm test`: synthetic files always,
// and the real damaged samples where ../shared is beside the project. `npm run fuzz:evtx -- N` runs
// longer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom } from '../../../../tools/synth/random.js';
import { mutate, readMutant } from '../../../support/evtxFuzz.js';
import { sharedDir } from '../../../support/paths.js';
import { varietyEvtx } from '../../../support/varietyEvents.js';

const ITERATIONS_PER_SEED = 120;
/** Far above what any input here takes (milliseconds): only a hang or a blow-up gets near it. */
const SLOW_MS = 5000;

const REAL = [
  'sample_with_a_bad_chunk_magic.evtx',
  'E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx',
];

test(
  'mutated .evtx files end in rows and located errors: no throw, no hang, bounded output',
  { timeout: 600_000 },
  async (t) => {
    const seeds: Array<[string, Buffer]> = [['synthetic', varietyEvtx(300)]];
    for (const name of REAL) {
      const path = join(sharedDir, 'evtx-samples', name);
      if (existsSync(path)) seeds.push([name, readFileSync(path)]);
      else t.diagnostic(`${name} not fuzzed: ../shared is only on this team's machines and CI`);
    }
    const heapBefore = process.memoryUsage().heapUsed;
    for (const [name, file] of seeds) {
      const rng = new SeededRandom(`fuzz-${name}`);
      let slowest = 0;
      for (let i = 0; i < ITERATIONS_PER_SEED; i++) {
        const { bytes, mutation } = mutate(file, rng);
        const outcome = await readMutant(bytes, `${name} #${i}: ${mutation}`, rng);
        slowest = Math.max(slowest, outcome.ms);
        assert.ok(outcome.ms < SLOW_MS, `${outcome.mutation} took ${outcome.ms} ms`);
      }
      t.diagnostic(`${name}: ${ITERATIONS_PER_SEED} mutants, slowest ${slowest.toFixed(0)} ms`);
    }
    const grown = process.memoryUsage().heapUsed - heapBefore;
    assert.ok(grown < 512 * 1024 * 1024, `the heap grew by ${grown} bytes`);
  },
);
