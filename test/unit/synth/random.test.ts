import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeededRandom } from '../../../tools/synth/random.js';

const draw = (r: SeededRandom, n: number) => Array.from({ length: n }, () => r.uint32());

test('the same seed gives the same sequence, a different seed another', () => {
  assert.deepEqual(draw(new SeededRandom('case-1'), 50), draw(new SeededRandom('case-1'), 50));
  assert.notDeepEqual(draw(new SeededRandom('case-1'), 50), draw(new SeededRandom('case-2'), 50));
});

test('a fork does not depend on how much its parent or a sibling has drawn', () => {
  const a = new SeededRandom(7);
  const b = new SeededRandom(7);
  draw(a, 1000);
  draw(a.fork('noise'), 500);
  assert.deepEqual(draw(a.fork('story'), 20), draw(b.fork('story'), 20));
});

test('int stays within its bounds and reaches both ends', () => {
  const r = new SeededRandom('bounds');
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const v = r.int(3, 7);
    assert.ok(v >= 3 && v <= 7, `out of range: ${v}`);
    seen.add(v);
  }
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6, 7]);
});

test('guid and hex have the shapes logs expect', () => {
  const r = new SeededRandom('ids');
  for (let i = 0; i < 100; i++) {
    assert.match(r.guid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(r.hex(11), /^[0-9a-f]{11}$/);
  }
});
