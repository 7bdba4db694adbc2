import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWhitespace } from '../../server/src/engine/text/whitespace';

test('isWhitespace answers for every UTF-16 code unit exactly what /\\s/ does', () => {
  const differ: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (isWhitespace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
  assert.deepEqual(differ, []);
  assert.equal(isWhitespace(Number.NaN), false); // charCodeAt past the end
});
