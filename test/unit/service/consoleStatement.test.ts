// How the console takes an EXPLAIN apart: the statement inside is what gets checked, and the EXPLAIN
// that runs is rebuilt from it and a fixed prefix, whatever comments or options the user wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainParts, rebuildExplain } from '../../../electron/engine/service/consoleStatement.js';

test('EXPLAIN, its ANALYZE and its options are taken apart past comments', () => {
  assert.equal(explainParts('SELECT 1'), null);
  assert.equal(explainParts('(EXPLAIN SELECT 1)'), null, 'only a statement that starts with EXPLAIN');
  assert.deepEqual(explainParts('EXPLAIN SELECT 1'), { analyze: false, format: null, inner: 'SELECT 1' });
  assert.deepEqual(explainParts('-- plan\n explain /* x */ Analyse\tFROM t'), {
    analyze: true,
    format: null,
    inner: 'FROM t',
  });
  assert.deepEqual(explainParts('EXPLAIN (ANALYZE, FORMAT JSON) SELECT 1'), {
    analyze: true,
    format: 'json',
    inner: 'SELECT 1',
  });
  // A parenthesis that is not an option list belongs to the statement, and is checked with it.
  assert.deepEqual(explainParts('EXPLAIN (SELECT 1)'), { analyze: false, format: null, inner: '(SELECT 1)' });
  assert.deepEqual(explainParts("EXPLAIN (FORMAT json); COPY t TO 'x'"), {
    analyze: false,
    format: 'json',
    inner: "; COPY t TO 'x'",
  });
});

test('the EXPLAIN that runs is a fixed prefix and the checked statement', () => {
  assert.equal(
    rebuildExplain({ analyze: true, format: null, inner: 'SELECT 1' }),
    'EXPLAIN ANALYZE \nSELECT 1',
  );
  assert.equal(
    rebuildExplain({ analyze: true, format: 'json', inner: 'FROM t' }),
    'EXPLAIN (ANALYZE, FORMAT json)\nFROM t',
  );
  assert.equal(rebuildExplain({ analyze: false, format: null, inner: '(SELECT 1)' }), 'EXPLAIN \n(SELECT 1)');
});
