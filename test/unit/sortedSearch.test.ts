import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstAfter, firstAtOrAfter, itself } from '../../server/src/engine/util/sortedSearch';
import { seededRandom } from '../support/random';

const paths = ['/a.md', '/b.md', '/b.md', '/b.md', '/d.md'];

test('firstAtOrAfter finds where the items with a key start, or where the key would go', () => {
  assert.equal(firstAtOrAfter(paths, '/a.md', itself), 0);
  assert.equal(firstAtOrAfter(paths, '/b.md', itself), 1);
  assert.equal(firstAtOrAfter(paths, '/c.md', itself), 4);
  assert.equal(firstAtOrAfter(paths, '/0.md', itself), 0);
  assert.equal(firstAtOrAfter(paths, '/e.md', itself), 5);
  assert.equal(firstAtOrAfter([], '/a.md', itself), 0);
});

test('firstAfter finds where the items with a key end', () => {
  assert.equal(firstAfter(paths, '/a.md', itself), 1);
  assert.equal(firstAfter(paths, '/b.md', itself), 4);
  assert.equal(firstAfter(paths, '/c.md', itself), 4);
  assert.equal(firstAfter(paths, '/d.md', itself), 5);
  assert.equal(firstAfter([], '/a.md', itself), 0);
});

test('items are compared by the key keyOf gives', () => {
  const items = paths.map((path, i) => ({ path, i }));
  const from = firstAtOrAfter(items, '/b.md', (x) => x.path);
  const to = firstAfter(items, '/b.md', (x) => x.path);
  assert.deepEqual(items.slice(from, to).map((x) => x.i), [1, 2, 3]);
});

test('on random sorted lists both agree with a linear scan', () => {
  const random = seededRandom(7);
  const letters = ['a', 'b', 'c', 'd', 'e', 'f'];
  for (let round = 0; round < 200; round++) {
    const list = Array.from({ length: random.int(20) }, () => random.pick(letters)).sort();
    const key = random.pick(['`', ...letters, 'g']);
    const atOrAfter = list.findIndex((k) => k >= key);
    const after = list.findIndex((k) => k > key);
    assert.equal(firstAtOrAfter(list, key, itself), atOrAfter < 0 ? list.length : atOrAfter, `${list} ${key}`);
    assert.equal(firstAfter(list, key, itself), after < 0 ? list.length : after, `${list} ${key}`);
  }
});
