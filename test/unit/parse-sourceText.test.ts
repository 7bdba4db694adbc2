import { test } from 'node:test';
import assert from 'node:assert/strict';
import { originalLineEnding, originalOffset, sourceTextOf } from '../../server/src/engine/parse/markdownIt/sourceText';

test('the normalized text has \\n line endings and no NUL, as markdown-it would make it', () => {
  assert.equal(sourceTextOf('a\r\nb\rc\nd\0e').src, 'a\nb\nc\nd\uFFFDe');
  const plain = 'no change\n';
  assert.equal(sourceTextOf(plain).src, plain);
});

test('offsets map back past every shortened \\r\\n; a \\n maps to its \\r', () => {
  const s = sourceTextOf('ab\r\ncd\r\ne\rf');
  // normalized: 'ab\ncd\ne\nf'
  assert.deepEqual([0, 2, 3, 5, 6, 7, 8, 9].map((n) => originalOffset(s, n)), [0, 2, 4, 6, 8, 9, 10, 11]);
  assert.equal(originalLineEnding(s, 2), '\r\n');
  assert.equal(originalLineEnding(s, 7), '\r');
  assert.equal(originalLineEnding(sourceTextOf('a\nb'), 1), '\n');
});
