// Which copy of a file a merged case keeps, and the ids the kept sources get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planSources, type CaseSource } from '../../../electron/engine/store/sourcePlan.js';

const src = (input: number, sourceId: number, sha256: string, imported = true, events = 10): CaseSource => ({
  input,
  sourceId,
  sha256,
  name: `${sha256}.xml`,
  imported,
  events,
});

test('a file held by two cases is kept from the first, and the other copy maps onto it', () => {
  const plan = planSources([src(0, 1, 'a'), src(0, 2, 'b'), src(1, 1, 'b'), src(1, 2, 'c')], 2);
  assert.deepEqual(plan.offsets, [0, 2]);
  assert.deepEqual(plan.dropped, [[], [1]]);
  assert.deepEqual(plan.ids, [
    { input: 0, oldId: 1, newId: 1 },
    { input: 0, oldId: 2, newId: 2 },
    { input: 1, oldId: 1, newId: 2 },
    { input: 1, oldId: 2, newId: 4 },
  ]);
  assert.equal(plan.kept, 3);
  assert.deepEqual(plan.duplicates, [
    { sha256: 'b', name: 'b.xml', keptFrom: 0, alsoIn: [1], sameCounts: true },
  ]);
});

test('a file refused in the first case but imported in the second is kept from the second', () => {
  const plan = planSources([src(0, 1, 'a', false, 0), src(0, 2, 'x'), src(1, 5, 'a', true, 40)], 2);
  assert.deepEqual(plan.dropped, [[1], []]);
  assert.deepEqual(plan.duplicates[0], {
    sha256: 'a',
    name: 'a.xml',
    keptFrom: 1,
    alsoIn: [0],
    sameCounts: true,
  });
  assert.equal(plan.ids.find((i) => i.input === 0 && i.oldId === 1)!.newId, 5 + 2);
});

test("a case's own refusal beside its later import of the same file stays; different counts are said", () => {
  const plan = planSources(
    [src(0, 1, 'a', false, 0), src(0, 2, 'a', true, 10), src(1, 1, 'a', true, 9), src(2, 3, 'q')],
    3,
  );
  assert.deepEqual(plan.dropped, [[], [1], []]);
  assert.equal(plan.kept, 3);
  assert.deepEqual(plan.offsets, [0, 2, 3]);
  assert.equal(plan.duplicates[0]!.sameCounts, false);
});

test('a case with no sources takes no ids', () => {
  const plan = planSources([src(1, 4, 'a')], 3);
  assert.deepEqual(plan.offsets, [0, 0, 4]);
  assert.equal(plan.kept, 1);
});
