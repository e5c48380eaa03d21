// A bounded run of the XML and JSON fuzzer (test/support/textFuzz.ts) in `npm test`: the project's own
// fixtures and the small sample-case files always, and real XML exports where ../shared is beside the
// project. `npm run fuzz:text -- N` runs longer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom } from '../../../tools/synth/random.js';
import { mutateText, readTextMutant, type TextFormat } from '../../support/textFuzz.js';
import { projectRoot, realLogsDir, sampleEvidenceDir } from '../../support/paths.js';

/** Mutants per seed file: with the seeds below, the whole test takes some tens of seconds. */
const ITERATIONS_PER_SEED = 100;
/** Far above what any input here takes (milliseconds): only a hang or a blow-up gets near it. */
const SLOW_MS = 10_000;

const SEEDS: Array<[TextFormat, string]> = [
  ['xml', join(projectRoot, 'test/fixtures/api/security-small.xml')],
  ['xml', join(sampleEvidenceDir, 'SRV-PROV01-PowerShell.xml')],
  ['xml', join(sampleEvidenceDir, 'WS02-System.xml')],
  ['json', join(projectRoot, 'test/fixtures/entra/graph-signins-page.json')],
  ['json', join(projectRoot, 'test/fixtures/entra/graph-signins.jsonl')],
  ['json', join(projectRoot, 'test/fixtures/entra/diagnostic-PT1H.json')],
  ['json', join(projectRoot, 'test/fixtures/entra/la-query-api.json')],
  ['json', join(sampleEvidenceDir, 'entra-AuditLogs-loganalytics.json')],
];
const REAL_XML = [
  'sans-blue-team__DeepBlueCLI/evtx/new-user-security.xml',
  'sbousseaden__EVTX-ATTACK-SAMPLES/Discovery/4799_remote_local_groups_enumeration.xml',
  'sans-blue-team__DeepBlueCLI/evtx/mimikatz-privesc-hashdump.xml',
];

for (const format of ['xml', 'json'] as const) {
  test(
    `mutated ${format.toUpperCase()} files end in rows and located errors or a located refusal: no throw, no hang, bounded memory`,
    { timeout: 600_000 },
    async (t) => {
      const seeds = SEEDS.filter(([f]) => f === format).map(([, p]) => p);
      if (format === 'xml') {
        for (const name of REAL_XML) {
          const path = join(realLogsDir, name);
          if (existsSync(path)) seeds.push(path);
          else t.diagnostic(`${name} not fuzzed: ../shared is only on this team's machines and CI`);
        }
      }
      const heapBefore = process.memoryUsage().heapUsed;
      for (const path of seeds) {
        const file = readFileSync(path);
        const name = path.slice(path.lastIndexOf('/') + 1);
        const rng = new SeededRandom(`fuzz-text-${name}`);
        let slowest = 0;
        let refused = 0;
        let withErrors = 0;
        for (let i = 0; i < ITERATIONS_PER_SEED; i++) {
          const { bytes, mutation } = mutateText(file, format, rng);
          const outcome = await readTextMutant(bytes, format, `${name} #${i}: ${mutation}`, rng);
          slowest = Math.max(slowest, outcome.ms);
          if (outcome.refused) refused++;
          if (outcome.errors > 0) withErrors++;
          assert.ok(outcome.ms < SLOW_MS, `${outcome.mutation} took ${outcome.ms} ms`);
        }
        t.diagnostic(
          `${name}: ${ITERATIONS_PER_SEED} mutants, ${refused} refused, ${withErrors} with errors, slowest ${slowest.toFixed(0)} ms`,
        );
      }
      const grown = process.memoryUsage().heapUsed - heapBefore;
      assert.ok(grown < 512 * 1024 * 1024, `the heap grew by ${grown} bytes`);
    },
  );
}
