// The case a launch names: the --case switch, or a case file the OS hands over as a bare argument, with
// a second launch's relative paths resolved against its own folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { casePathFromArgs } from '../../../electron/main/launchArgs.js';

test('the --case switch, in both spellings', () => {
  assert.equal(casePathFromArgs(['electron', '/app', '--case=/c/a.duckdb']), '/c/a.duckdb');
  assert.equal(casePathFromArgs(['electron', '/app', '--case', '/c/b.duckdb']), '/c/b.duckdb');
  assert.equal(casePathFromArgs(['electron', '/app', '--case=rel.duckdb'], '/work'), '/work/rel.duckdb');
});

test('a case file opened with the app, as the OS passes it', () => {
  assert.equal(
    casePathFromArgs(['/opt/AccountScope/accountscope', '/home/u/Case 1.DuckDB']),
    '/home/u/Case 1.DuckDB',
  );
  assert.equal(
    casePathFromArgs(['/opt/AccountScope/accountscope', '--no-sandbox', 'cases/x.duckdb'], '/home/u'),
    '/home/u/cases/x.duckdb',
  );
});

test('nothing named: the app root, switches and other files are not cases', () => {
  assert.equal(casePathFromArgs(['electron', '/app']), null);
  assert.equal(casePathFromArgs(['electron', '/app', '--inspect', 'notes.txt']), null);
  assert.equal(casePathFromArgs(['electron', '/app', '--case']), null);
  assert.equal(casePathFromArgs(['/x.duckdb']), null);
});
