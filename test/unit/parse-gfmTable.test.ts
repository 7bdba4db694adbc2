import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canHeadTable, delimiterAligns, splitRow } from '../../server/src/engine/parse/markdownIt/tableRow';

/** GFM table rows split as micromark splits them (the outline's reference), cell by cell. */
const cells = (row: string): Array<[string, string | undefined]> => splitRow(row).map((c) => [row.slice(c.start, c.end), c.content ? row.slice(c.content[0], c.content[1]) : undefined]);

test('a row splits at every pipe; the first cell owns the leading pipe, the last the trailing pipe and blanks', () => {
  assert.deepEqual(cells('| a | b c |  '), [['| a ', 'a'], ['| b c |  ', 'b c']]);
  assert.deepEqual(cells('a | b'), [['a ', 'a'], ['| b', 'b']]);
  assert.deepEqual(cells('a'), [['a', 'a']]);
});

test('|| makes an empty cell; a row of pipes only keeps its cells empty', () => {
  assert.deepEqual(cells('|| a |'), [['|', undefined], ['| a |', 'a']]);
  assert.deepEqual(cells('| a || b |'), [['| a ', 'a'], ['|', undefined], ['| b |', 'b']]);
  assert.deepEqual(cells('||'), [['||', undefined]]);
  assert.deepEqual(cells('|'), [['|', undefined]]);
  assert.deepEqual(cells('| |'), [['| |', undefined]]);
});

test('escaped pipes stay in the cell; pipes in code spans split it (GFM)', () => {
  assert.deepEqual(cells('| a \\| b | c |'), [['| a \\| b ', 'a \\| b'], ['| c |', 'c']]);
  assert.deepEqual(cells('| `a | b` |'), [['| `a ', '`a'], ['| b` |', 'b`']]);
  assert.deepEqual(cells('| a\\\\| b |'), [['| a\\\\', 'a\\\\'], ['| b |', 'b']]);
});

test('a head row is anything but nothing or a lone pipe', () => {
  assert.equal(canHeadTable('|'), false);
  assert.equal(canHeadTable('| \t'), false);
  assert.equal(canHeadTable('||'), true);
  assert.equal(canHeadTable('a'), true);
  assert.equal(canHeadTable('|\u00a0'), true);
});

test('a delimiter row gives alignments, and needs a pipe or a colon', () => {
  assert.deepEqual(delimiterAligns('| :- | -: | :-: | - |'), ['left', 'right', 'center', null]);
  assert.deepEqual(delimiterAligns('-|-'), [null, null]);
  assert.deepEqual(delimiterAligns(':-'), ['left']);
  assert.deepEqual(delimiterAligns('|-'), [null]);
  assert.equal(delimiterAligns('---'), undefined);
  assert.equal(delimiterAligns('| - || - |'), undefined);
  assert.equal(delimiterAligns('| : |'), undefined);
  assert.equal(delimiterAligns('| -x |'), undefined);
  assert.equal(delimiterAligns('|'), undefined);
});
