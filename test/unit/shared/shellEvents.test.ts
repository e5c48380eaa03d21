// The shell's events as the window checks them: every screen can be navigated to, and a malformed or
// unknown event is dropped instead of reaching the screens half-filled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCREENS, isScreenId } from '../../../shared/screens.js';
import { isShellEvent } from '../../../shared/shellEvents.js';

test('a navigate event is accepted for every screen and for nothing else', () => {
  for (const { id } of SCREENS) assert.equal(isShellEvent({ type: 'navigate', screen: id }), true, id);
  assert.equal(isShellEvent({ type: 'navigate', screen: 'debug' }), false);
  assert.equal(isShellEvent({ type: 'navigate' }), false);
  assert.equal(isScreenId('coverage'), true);
  assert.equal(isScreenId('constructor'), false);
});

test('each event is accepted only with the fields the window acts on', () => {
  const good = [
    { type: 'case-changed' },
    { type: 'import-started', importId: 'imp-1' },
    { type: 'report-saved', path: '/cases/report.html' },
    { type: 'export-report', format: 'html' },
    { type: 'export-report', format: 'json' },
    { type: 'export-report', format: 'csv' },
    { type: 'task-started', taskId: 't-1', kind: 'merge' },
    { type: 'task-started', taskId: 't-2', kind: 'export' },
    { type: 'engine', state: 'ready', casePath: '/cases/a.duckdb' },
    {
      type: 'engine',
      state: 'restarting',
      casePath: '/cases/a.duckdb',
      message: 'the engine exited (code 1)',
    },
  ];
  for (const event of good) assert.equal(isShellEvent(event), true, JSON.stringify(event));
  const bad: unknown[] = [
    null,
    'navigate',
    {},
    { type: 'quit' },
    { type: 'import-started' },
    { type: 'import-started', importId: '' },
    { type: 'import-started', importId: 7 },
    { type: 'report-saved' },
    { type: 'export-report' },
    { type: 'export-report', format: 'pdf' },
    { type: 'task-started', taskId: 't-1', kind: 'parquet' },
    { type: 'task-started', taskId: '', kind: 'merge' },
    { type: 'engine', state: 'exploded', casePath: '/a' },
    { type: 'engine', state: 'ready' },
  ];
  for (const event of bad) assert.equal(isShellEvent(event), false, JSON.stringify(event));
});

test('screen ids are unique and each has a label and a hint for the nav bar', () => {
  assert.equal(new Set(SCREENS.map((s) => s.id)).size, SCREENS.length);
  for (const s of SCREENS) assert.ok(s.label.length > 0 && s.hint.length > 0, s.id);
});
