// Timeline categories keep their colour; categories the UI does not know get distinct fallbacks in turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORY_COLORS, categoryColor } from '../../../../renderer/src/format/categoryColors';

test('known categories keep their colour whatever their position', () => {
  assert.equal(categoryColor('process', 7), CATEGORY_COLORS['process']);
  assert.equal(categoryColor('signin-failure', 0), CATEGORY_COLORS['signin-failure']);
});

test('unknown categories cycle through fallbacks that no known category uses', () => {
  const known = new Set(Object.values(CATEGORY_COLORS));
  const fallbacks = [0, 1, 2, 3].map((i) => categoryColor(`new-${i}`, i));
  assert.equal(new Set(fallbacks).size, 4);
  assert.ok(fallbacks.every((c) => !known.has(c)));
  assert.equal(categoryColor('new-4', 4), fallbacks[0]);
});
