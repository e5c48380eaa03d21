// A file refused part-way (issue 12, item 5): a DOCTYPE after some good events ends the read, and the
// file is then wholly out of the case, whether it was read whole or in slices by several workers. The
// refusal itself is recorded, so the responder still sees that the file was offered and why it was not
// taken; the other files of the same import keep every row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { Importer } from '../../../electron/engine/import/importer.js';
import { listSources } from '../../../electron/engine/store/sources.js';
import { tempDir } from '../../support/paths.js';
import { wevtutilFile } from '../../support/miniEvents.js';

const DOCTYPE = '<!DOCTYPE x [<!ENTITY a "b">]>\r\n';

for (const [label, events, minSliceBytes] of [
  ['read whole', 1, 1 << 30],
  ['read in slices, the DOCTYPE in a later one', 3000, 64 * 1024],
] as const) {
  test(`a file with a DOCTYPE after ${events} good event(s) keeps nothing (${label})`, async () => {
    const { dir, cleanup } = tempDir();
    try {
      const refused = join(dir, 'refused.xml');
      writeFileSync(refused, wevtutilFile(events) + DOCTYPE + wevtutilFile(events, events + 1));
      writeFileSync(join(dir, 'good.xml'), wevtutilFile(4, 90_000));
      const db = await openCase(join(dir, 'case.duckdb'));
      const importer = new Importer(db, 2);
      try {
        const sources = await importer.importPaths([refused, join(dir, 'good.xml')], { minSliceBytes });
        const s = sources[0]!;
        assert.equal(s.format, 'rejected');
        assert.equal(s.events, 0);
        assert.match(s.errors[0]!.message, /DOCTYPE/);
        assert.match(s.errors[0]!.message, /nothing from this file was kept/);
        assert.equal(sources[1]!.events, 4);
        const r = await db.conn.runAndReadAll(
          `SELECT s.name, count(w.source_id)::INTEGER AS n FROM sources s
           LEFT JOIN win_events w USING (source_id) GROUP BY s.name ORDER BY s.name`,
        );
        assert.deepEqual(r.getRowObjectsJson(), [
          { name: 'good.xml', n: 4 },
          { name: 'refused.xml', n: 0 },
        ]);
        const stored = (await listSources(db.conn)).find((x) => x.path === refused)!;
        assert.equal(stored.events, 0);
        assert.equal(stored.format, 'rejected');
      } finally {
        await importer.close();
        db.close();
      }
    } finally {
      cleanup();
    }
  });
}
