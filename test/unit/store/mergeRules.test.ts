// Every table a migration creates has a merge rule: a table without one would be refused by every merge
// (or, were it not checked, dropped from the merged case without a word). A migration that adds a table
// (008's triage tables, say) fails here until its rule is declared in store/mergeRules.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MERGE_RULES, tablesWithoutRule } from '../../../electron/engine/store/mergeRules.js';
import { openCase } from '../../../electron/engine/store/openCase.js';

test("every table of this build's schema has a merge rule, and a union rule names its table's columns", async () => {
  const db = await openCase(':memory:');
  try {
    const tables = (
      await db.conn.runAndReadAll(
        'SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary ORDER BY 1',
      )
    )
      .getRows()
      .map((r) => String(r[0]));
    assert.ok(tables.includes('win_events') && tables.includes('settings'));
    assert.deepEqual(tablesWithoutRule(tables), [], 'tables without a merge rule');
    // Union rules name columns their table has (a rule may come before its table's migration does).
    for (const [table, rule] of Object.entries(MERGE_RULES)) {
      if (rule.kind !== 'union' || !tables.includes(table)) continue;
      const cols = (
        await db.conn.runAndReadAll(
          'SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND table_name = $t',
          { t: table },
        )
      )
        .getRows()
        .map((r) => String(r[0]));
      for (const c of [...rule.key, ...(rule.ignore ?? [])]) assert.ok(cols.includes(c), `${table}.${c}`);
    }
  } finally {
    db.close();
  }
});

test('a table without a rule is named', () => {
  assert.deepEqual(tablesWithoutRule(['win_events', 'finding_notes', 'sources', 'bookmarks']), [
    'finding_notes',
    'bookmarks',
  ]);
});
