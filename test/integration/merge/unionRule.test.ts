// The rule an analyst's own records merge by (tags, notes, statuses: migration 008's tables declare it):
// the rows of every case, one per key; rows alike go in once; rows that differ keep the first case's
// and are reported; a row about an event of a file both cases imported lands on the one copy kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mergeTables } from '../../../electron/engine/store/caseMerge.js';
import { MERGE_RULES } from '../../../electron/engine/store/mergeRules.js';
import { openCase } from '../../../electron/engine/store/openCase.js';
import { insertSource } from '../../../electron/engine/store/sources.js';
import { tempDir } from '../../support/paths.js';

const TAGS = `CREATE TABLE event_tags (source_id INTEGER, record_no BIGINT, tag VARCHAR, note VARCHAR, tagged_at TIMESTAMP)`;

async function makeCase(
  path: string,
  files: Array<[number, string]>,
  tags: Array<[number, number, string, string | null, string]>,
): Promise<void> {
  const db = await openCase(path);
  try {
    await db.conn.run(TAGS);
    for (const [sourceId, sha256] of files)
      await insertSource(db.conn, {
        sourceId,
        path: `/evidence/${sha256}.xml`,
        name: `${sha256}.xml`,
        size: 100,
        sha256,
        format: 'windows-xml',
        variant: 'wevtutil',
        events: 10,
        skipped: 0,
        errors: [],
        importMs: 1,
      });
    for (const [s, r, tag, note, at] of tags)
      await db.conn.run('INSERT INTO event_tags VALUES ($s, $r, $tag, $note, $at::TIMESTAMP)', {
        s,
        r,
        tag,
        note,
        at,
      });
  } finally {
    db.close();
  }
}

test('union tables: every case’s rows once per key, differences reported, source ids mapped to the copy kept', async () => {
  const { dir, cleanup } = tempDir('accountscope-union-');
  try {
    const one = join(dir, 'one.duckdb');
    const two = join(dir, 'two.duckdb');
    const sha = (c: string) => c.repeat(64);
    await makeCase(
      one,
      [
        [1, sha('a')],
        [2, sha('b')],
      ],
      [
        [1, 3, 'suspicious', 'first look', '2026-03-01 10:00:00'],
        [2, 4, 'benign', null, '2026-03-01 10:00:00'],
        [2, 9, 'reviewed', 'by analyst one', '2026-03-01 10:00:00'],
      ],
    );
    // The second case imported file b too (as its source 1), and file c.
    await makeCase(
      two,
      [
        [1, sha('b')],
        [2, sha('c')],
      ],
      [
        [1, 4, 'benign', null, '2026-03-02 09:00:00'],
        [2, 7, 'malicious', 'dropper', '2026-03-02 09:00:00'],
        [1, 9, 'reviewed', 'by analyst two', '2026-03-02 09:00:00'],
      ],
    );
    const target = join(dir, 'merged.duckdb');
    const db = await openCase(target);
    await db.conn.run(TAGS);
    db.close();
    const result = await mergeTables(
      target,
      [
        { path: one, name: 'one' },
        { path: two, name: 'two' },
      ],
      {
        rules: {
          ...MERGE_RULES,
          event_tags: { kind: 'union', key: ['source_id', 'record_no', 'tag'], ignore: ['tagged_at'] },
        },
      },
    );
    const merged = await openCase(target, { readOnly: true });
    try {
      const rows = (
        await merged.conn.runAndReadAll(
          `SELECT s.sha256, t.record_no::INTEGER AS r, t.tag, t.note
             FROM event_tags t JOIN sources s USING (source_id) ORDER BY 1, 2`,
        )
      ).getRows();
      assert.deepEqual(rows, [
        [sha('a'), 3, 'suspicious', 'first look'],
        [sha('b'), 4, 'benign', null],
        [sha('b'), 9, 'reviewed', 'by analyst one'],
        [sha('c'), 7, 'malicious', 'dropper'],
      ]);
    } finally {
      merged.close();
    }
    assert.equal(result.conflicts.length, 1);
    const c = result.conflicts[0]!;
    assert.match(c.item, /^event_tags /);
    assert.match(c.item, /"record_no":9/);
    assert.equal(c.kept, 'one');
    assert.deepEqual(
      c.values.map((v) => [v.case, JSON.parse(v.value)['note']]),
      [
        ['one', 'by analyst one'],
        ['two', 'by analyst two'],
      ],
    );
  } finally {
    cleanup();
  }
});
