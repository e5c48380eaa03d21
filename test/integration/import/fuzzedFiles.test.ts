// Mutants of the fuzzer (test/support/textFuzz.ts) as files through the whole import: each file ends
// wholly in the case (with the rows it reported) or wholly out, and every error names its file (the
// summary's path) and a place in it (byte offset or record number). The readers alone are fuzzed at
// length in test/unit/readers/textFuzz.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom } from '../../../tools/synth/random.js';
import { mutateText, type TextFormat } from '../../support/textFuzz.js';
import { importIntoMemoryCase } from '../../support/importCase.js';
import { projectRoot, tempDir } from '../../support/paths.js';

const SEEDS: Array<[TextFormat, string]> = [
  ['xml', join(projectRoot, 'test/fixtures/api/security-small.xml')],
  ['xml', join(projectRoot, 'sample-logs/evidence/SRV-PROV01-PowerShell.xml')],
  ['json', join(projectRoot, 'test/fixtures/entra/graph-signins-page.json')],
  ['json', join(projectRoot, 'test/fixtures/entra/graph-signins.jsonl')],
];

test(
  'mutants imported as files: each ends in the case wholly or not at all, with errors naming the file and a place',
  { timeout: 300_000 },
  async () => {
    const { dir, cleanup } = tempDir('accountscope-textfuzz-import-');
    try {
      const rng = new SeededRandom('fuzz-text-import');
      const paths: string[] = [];
      for (const [format, seed] of SEEDS) {
        for (let i = 0; i < 3; i++) {
          const { bytes } = mutateText(readFileSync(seed), format, rng);
          const path = join(dir, `${format}-${paths.length}.${format}`);
          writeFileSync(path, bytes);
          paths.push(path);
        }
      }
      const { db, sources } = await importIntoMemoryCase(paths);
      try {
        assert.deepEqual(sources.map((s) => s.path).sort(), [...paths].sort(), 'one summary per file');
        const byPath = new Map<string, number>();
        const rows = await db.conn.runAndReadAll(
          `SELECT s.path, count(e.source_id)::INTEGER AS n FROM sources s
             LEFT JOIN (SELECT source_id FROM win_events UNION ALL SELECT source_id FROM signins
                        UNION ALL SELECT source_id FROM audits) e USING (source_id)
            GROUP BY s.path`,
        );
        for (const r of rows.getRowObjects()) byPath.set(String(r['path']), Number(r['n']));
        for (const s of sources) {
          // Every file is either in with the rows it reported, or out (refused, unread or a duplicate).
          if (s.duplicate !== true) assert.equal(byPath.get(s.path) ?? 0, s.events, s.path);
          if (s.format === 'rejected' || s.format === 'unread') assert.equal(s.events, 0, s.path);
          for (const e of s.errors) {
            const placed = typeof e.offset === 'number' || typeof e.record === 'number';
            const whole =
              /already in this case|the file is empty|more errors in this file were not kept/.test(e.message);
            assert.ok(placed || whole, `${s.path}: an error with no place: ${e.message}`);
          }
        }
      } finally {
        db.close();
      }
    } finally {
      cleanup();
    }
  },
);
