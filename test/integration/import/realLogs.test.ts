// Golden test over the real public recordings in ../shared/real-logs: every XML imports into a case
// with exactly the event count the manifest gives, per event id too, and no errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { NEEDS_SHARED, realLogsDir, tempDir } from '../../support/paths.js';

interface ManifestEntry {
  id: string;
  events: number;
  event_counts: Record<string, number>;
  computers: string[];
  files: Array<{ role: string; path: string; sha256: string }>;
}

const manifestPath = join(realLogsDir, 'manifest.json');

test(
  'every real-log XML imports with exactly its manifest event counts',
  { skip: NEEDS_SHARED },
  async (t) => {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { entries: ManifestEntry[] };
    const { dir, cleanup } = tempDir();
    const db = await openCase(join(dir, 'case.duckdb'));
    const importer = new Importer(db);
    try {
      for (const entry of manifest.entries) {
        const xml = entry.files.find((f) => f.path.endsWith('.xml'))!;
        await t.test(`${entry.id} ${xml.path}`, async () => {
          const [s] = await importer.importPaths([join(realLogsDir, xml.path)]);
          assert.deepEqual(s!.errors, []);
          assert.equal(s!.events, entry.events);
          assert.equal(s!.sha256, xml.sha256, 'hash computed while streaming equals the manifest');
          assert.equal(s!.format, 'windows-xml');
          assert.equal(s!.variant, 'python-evtx');
          const r = await db.conn.runAndReadAll(
            `SELECT channel || ':' || event_id AS k, count(*)::INTEGER AS n, list(DISTINCT host) AS hosts
           FROM win_events JOIN sources USING (source_id) WHERE sha256 = $sha GROUP BY ALL`,
            { sha: xml.sha256 },
          );
          const counts: Record<string, number> = {};
          const hosts = new Set<string>();
          for (const row of r.getRowObjectsJson()) {
            counts[String(row['k'])] = Number(row['n']);
            for (const h of row['hosts'] as string[]) hosts.add(h);
          }
          assert.deepEqual(counts, entry.event_counts);
          assert.deepEqual([...hosts].sort(), [...entry.computers].sort());
        });
      }
    } finally {
      await importer.close();
      db.close();
      cleanup();
    }
  },
);
