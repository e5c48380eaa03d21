// The tags the triage pickers offer (migration 008's triage_tag_set): a small set the responder edits,
// kept in the case so everyone working on it picks from the same words.
import type { DuckDBConnection } from '@duckdb/node-api';
import { cleanTags, rows } from './triageRows.js';

export async function readTagSet(conn: DuckDBConnection): Promise<string[]> {
  const found = await rows(conn, 'SELECT tag FROM triage_tag_set ORDER BY position, tag');
  return found.map((r) => String(r['tag']));
}

/** Replaces the set (in the given order). Tags already given to findings and events stay on them. */
export async function writeTagSet(conn: DuckDBConnection, tags: readonly string[]): Promise<string[]> {
  const clean = cleanTags(tags);
  await conn.run('BEGIN TRANSACTION');
  try {
    await conn.run('DELETE FROM triage_tag_set');
    for (const [i, tag] of clean.entries()) {
      await conn.run('INSERT INTO triage_tag_set VALUES ($position, $tag)', { position: i + 1, tag });
    }
    await conn.run('COMMIT');
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return readTagSet(conn);
}
