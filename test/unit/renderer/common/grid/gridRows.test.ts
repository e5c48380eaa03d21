// The virtual grid's arithmetic: grouped lines and their rows, the scaled scroll box of a list taller than
// a browser lays out, the lines and pages in sight, and find's marks in a cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupedLines,
  MAX_SCROLL_PX,
  pagesFor,
  plainLine,
  scrollGeometry,
  visibleLines,
} from '../../../../../renderer/src/common/grid/gridRows';
import { findPattern, splitMatches } from '../../../../../renderer/src/common/grid/highlight';

const GROUPS = [
  { value: 'DC01', count: 3 },
  { value: 'WS01', count: 2 },
  { value: null, count: 4 },
];

test('closed groups are one heading line each; an open one adds its rows, numbered in the view', () => {
  const closed = new GroupedLines(GROUPS, new Set());
  assert.equal(closed.count, 3);
  assert.deepEqual(closed.line(1), { kind: 'group', group: 1 });
  assert.equal(closed.line(3), null);
  assert.equal(closed.lineOfRow(4), null, 'the row of a closed group has no line');
  assert.equal(closed.groupOfRow(4), 1);
  const open = new GroupedLines(GROUPS, new Set([1, 2]));
  assert.equal(open.count, 3 + 2 + 4);
  assert.deepEqual(
    Array.from({ length: open.count }, (_, i) => open.line(i)),
    [
      { kind: 'group', group: 0 },
      { kind: 'group', group: 1 },
      { kind: 'row', row: 3, group: 1 },
      { kind: 'row', row: 4, group: 1 },
      { kind: 'group', group: 2 },
      { kind: 'row', row: 5, group: 2 },
      { kind: 'row', row: 6, group: 2 },
      { kind: 'row', row: 7, group: 2 },
      { kind: 'row', row: 8, group: 2 },
    ],
  );
  assert.equal(open.lineOfRow(6), 6);
  assert.equal(open.headingLine(2), 4);
  assert.equal(open.groupOfRow(9), -1);
  assert.deepEqual(plainLine(5, 6), { kind: 'row', row: 5, group: null });
  assert.equal(plainLine(6, 6), null);
});

test('a million rows scroll in a box the browser can lay out, top to top and bottom to bottom', () => {
  const rows = 1_500_000;
  const g = scrollGeometry(rows, 26, 500);
  assert.equal(g.scrollHeight, MAX_SCROLL_PX);
  assert.equal(g.listTop(0), 0);
  assert.equal(g.listTop(MAX_SCROLL_PX - 500), rows * 26 - 500);
  const mid = g.listTop((MAX_SCROLL_PX - 500) / 2);
  assert.ok(Math.abs(mid - (rows * 26 - 500) / 2) < 1);
  assert.ok(Math.abs(g.scrollTopFor(mid) - (MAX_SCROLL_PX - 500) / 2) < 1e-6);
  // A short list is not scaled.
  const short = scrollGeometry(100, 26, 500);
  assert.equal(short.scrollHeight, 2600);
  assert.equal(short.listTop(300), 300);
});

test('the lines in sight, a few either side, and the pages that hold them', () => {
  assert.deepEqual(visibleLines(0, 26, 520, 1000), { first: 0, last: 26 });
  assert.deepEqual(visibleLines(26 * 500 + 13, 26, 520, 1000), { first: 494, last: 527 });
  assert.deepEqual(visibleLines(0, 26, 520, 3), { first: 0, last: 2 });
  assert.deepEqual(pagesFor(190, 410, 200), [0, 1, 2]);
  assert.deepEqual(pagesFor(5, 4, 200), []);
});

test("find's marks: any case for text, a regular expression as written, nothing for a bad one", () => {
  assert.deepEqual(splitMatches('net user Backdoor /add', findPattern('backdoor', false)), [
    { text: 'net user ', match: false },
    { text: 'Backdoor', match: true },
    { text: ' /add', match: false },
  ]);
  assert.deepEqual(splitMatches('a.b a+b', findPattern('a+b', false)), [
    { text: 'a.b ', match: false },
    { text: 'a+b', match: true },
  ]);
  assert.deepEqual(
    splitMatches('user1 user22', findPattern('user\\d+', true))
      .filter((s) => s.match)
      .map((s) => s.text),
    ['user1', 'user22'],
  );
  assert.equal(findPattern('[a-', true), null);
  assert.deepEqual(splitMatches('x', findPattern('', false)), [{ text: 'x', match: false }]);
});
