import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

const text = 'a\r\nbb\ncc\rd';
const lines = new LineIndex(text);
const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);

test('lineAt gives a line without and with its break, whatever the break', () => {
  assert.deepEqual([0, 3, 6, 9].map((o) => [lines.lineAt(o).line, slice(lines.lineAt(o).content), slice(lines.lineAt(o).full)]), [
    [0, 'a', 'a\r\n'],
    [1, 'bb', 'bb\n'],
    [2, 'cc', 'cc\r'],
    [3, 'd', 'd'],
  ]);
  assert.deepEqual(lines.lineAt(1), lines.lineAt(0)); // an offset inside the break is on that line
});

test('lineNumber is 1-based and positions round-trip', () => {
  assert.equal(lines.lineNumber(4), 2);
  for (let o = 0; o <= text.length; o++) if (text[o - 1] !== '\r' || text[o] !== '\n') assert.equal(lines.offsetAt(lines.positionAt(o)), o);
});

test('line contents end before every kind of break, also for empty lines and texts', () => {
  const contents = (t: string): string[] => {
    const li = new LineIndex(t);
    return Array.from({ length: li.lineCount }, (_, l) => li.lineAt(li.lineStart(l)).content).map((s) => t.slice(s.start, s.end));
  };
  assert.deepEqual(contents(''), ['']);
  assert.deepEqual(contents('a\n'), ['a', '']);
  assert.deepEqual(contents('\r\r\n\n'), ['', '', '', '']);
  assert.deepEqual(contents('x\r\ny\rz\n'), ['x', 'y', 'z', '']);
  assert.deepEqual(contents('no break'), ['no break']);
});

test('a detached line index answers as one over the text does, for every kind of break', () => {
  for (const t of ['', 'a\n', 'no break', '\r\r\n\n', 'x\r\ny\rz\n', 'a\r\nbb\ncc\rd', 'one\r\ntwo\r\n', '\r\n']) {
    const full = new LineIndex(t);
    const detached = LineIndex.detached(t);
    assert.equal(detached.lineCount, full.lineCount, JSON.stringify(t));
    for (let o = -1; o <= t.length + 1; o++) {
      assert.deepEqual(detached.lineAt(o), full.lineAt(o), `${JSON.stringify(t)} at ${o}`);
      assert.deepEqual(detached.rangeOf({ start: o, end: t.length }), full.rangeOf({ start: o, end: t.length }));
    }
    for (let l = 0; l <= full.lineCount; l++) {
      assert.equal(detached.lineStart(l), full.lineStart(l));
      assert.equal(detached.offsetAt({ line: l, character: 99 }), full.offsetAt({ line: l, character: 99 }));
    }
  }
});
