import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, applyFixes, isApplicable, minimalEdit } from '../../server/src/engine/fix/applyEdits';
import type { Fix, TextEdit } from '../../server/src/engine/lint/diagnostic';

const edit = (start: number, end: number, newText: string): TextEdit => ({ span: { start, end }, newText });
const fix = (title: string, ...edits: TextEdit[]): Fix => ({ title, edits, safe: true });

/** A small deterministic pseudo-random generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('applyEdits', () => {
  it('applies edits given in any order, keeping the text between them', () => {
    const text = 'alpha beta gamma';
    assert.equal(applyEdits(text, [edit(11, 16, 'GAMMA'), edit(0, 5, 'ALPHA'), edit(6, 6, 'very ')]), 'ALPHA very beta GAMMA');
  });

  it('with no edits gives the text back unchanged', () => {
    assert.equal(applyEdits('\uFEFFa\r\nb  \r\n', []), '\uFEFFa\r\nb  \r\n');
  });

  it('refuses overlapping edits, two insertions at one offset, and spans outside the text', () => {
    assert.throws(() => applyEdits('abcdef', [edit(0, 3, 'x'), edit(2, 4, 'y')]), /overlap/);
    assert.throws(() => applyEdits('abcdef', [edit(2, 2, 'x'), edit(2, 2, 'y')]), /overlap/);
    assert.throws(() => applyEdits('abc', [edit(2, 9, 'x')]), /outside/);
    assert.throws(() => applyEdits('abc', [edit(2, 1, 'x')]), /outside/);
  });

  it('keeps every character outside the edits, for random edits over a CRLF text with a BOM', () => {
    const next = random(7);
    const text = '\uFEFF---\r\ntitle: T  \r\n---\r\n\r\n# Title\r\n\r\n| a | b |  \r\n|---|---|\r\n| 1 | 2 |\r\nend \u{1F600} text';
    for (let round = 0; round < 200; round++) {
      const cuts = new Set<number>();
      while (cuts.size < 6) cuts.add(Math.floor(next() * (text.length + 1)));
      const points = [...cuts].sort((a, b) => a - b);
      const edits: TextEdit[] = [];
      for (let i = 0; i + 1 < points.length; i += 2) edits.push(edit(points[i]!, points[i + 1]!, `<${i}>`));
      const out = applyEdits(text, [...edits].reverse());
      // Walk the original: outside every span the output holds exactly the same characters, in order.
      let at = 0;
      let o = 0;
      for (const e of edits) {
        assert.equal(out.slice(o, o + e.span.start - at), text.slice(at, e.span.start));
        o += e.span.start - at;
        assert.equal(out.slice(o, o + e.newText.length), e.newText);
        o += e.newText.length;
        at = e.span.end;
      }
      assert.equal(out.slice(o), text.slice(at));
    }
  });
});

describe('applyFixes', () => {
  it('applies fixes that do not meet, and reports them all applied', () => {
    const r = applyFixes('one two three', [fix('b', edit(8, 13, '3')), fix('a', edit(0, 3, '1'))]);
    assert.equal(r.text, '1 two 3');
    assert.deepEqual(r.applied.map((f) => f.title), ['a', 'b']);
    assert.deepEqual(r.skipped, []);
  });

  it('of two overlapping fixes takes the first by position and leaves the other for the next pass', () => {
    const r = applyFixes('abcdefgh', [fix('later', edit(3, 6, 'X')), fix('first', edit(1, 4, 'Y'))]);
    assert.equal(r.text, 'aYefgh');
    assert.deepEqual(r.applied.map((f) => f.title), ['first']);
    assert.deepEqual(r.skipped.map((f) => f.title), ['later']);
  });

  it('treats fixes that only touch, or insert at one offset, as meeting: one per pass', () => {
    const touching = applyFixes('abcdef', [fix('a', edit(0, 3, 'X')), fix('b', edit(3, 6, 'Y'))]);
    assert.equal(touching.text, 'Xdef');
    assert.deepEqual(touching.skipped.map((f) => f.title), ['b']);
    const inserts = applyFixes('abc', [fix('a', edit(1, 1, 'X')), fix('b', edit(1, 1, 'Y'))]);
    assert.equal(inserts.text, 'aXbc');
    assert.deepEqual(inserts.skipped.map((f) => f.title), ['b']);
  });

  it('applies a fix with several edits all together or not at all', () => {
    // `blocker` starts first (0) and also takes 5-6; `pair` edits 2-3, which is free, and 6-7, which touches 5-6.
    const text = 'a-b-c-d-e';
    const r = applyFixes(text, [fix('pair', edit(2, 3, 'B'), edit(6, 7, 'D')), fix('blocker', edit(0, 1, 'A'), edit(5, 6, '+'))]);
    assert.equal(r.text, 'A-b-c+d-e', 'no edit of the blocked fix is applied, not even the free one');
    assert.deepEqual(r.skipped.map((f) => f.title), ['pair']);
    const alone = applyFixes(text, [fix('pair', edit(2, 3, 'B'), edit(6, 7, 'D'))]);
    assert.equal(alone.text, 'a-B-c-D-e');
  });

  it('skips a fix whose own edits overlap or lie outside the text, and applies the rest', () => {
    const bad = fix('bad', edit(0, 2, 'x'), edit(1, 3, 'y'));
    const outside = fix('outside', edit(2, 40, 'x'));
    assert.equal(isApplicable(bad, 10), false);
    assert.equal(isApplicable(fix('empty'), 10), false);
    const r = applyFixes('0123456789', [bad, outside, fix('good', edit(8, 9, 'N'))]);
    assert.equal(r.text, '01234567N9');
    assert.deepEqual(r.skipped.map((f) => f.title), ['bad', 'outside']);
  });

  it('counts the same repair offered by two findings as applied once to the text, for both', () => {
    const sort = (title: string): Fix => fix(title, edit(2, 5, 'cba'));
    const r = applyFixes('xxabcxx', [sort('from row 2'), sort('from row 3')]);
    assert.equal(r.text, 'xxcbaxx');
    assert.deepEqual(r.applied.map((f) => f.title), ['from row 2', 'from row 3']);
  });
});

describe('minimalEdit', () => {
  it('is undefined for equal texts and otherwise turns one text into the other', () => {
    assert.equal(minimalEdit('same', 'same'), undefined);
    const before = '---\ntitle: T\n---\n# T\n';
    const after = '---\ntitle: T\nms.date: 1/2/2020\n---\n# T\n';
    const e = minimalEdit(before, after)!;
    assert.equal(applyEdits(before, [e]), after);
    assert.ok(e.span.end - e.span.start + e.newText.length < after.length / 2, 'the edit covers only the changed middle');
  });

  it('never splits a CRLF or a surrogate pair', () => {
    const crlf = minimalEdit('a\r\nb', 'a\nb')!;
    assert.equal(applyEdits('a\r\nb', [crlf]), 'a\nb');
    assert.ok(crlf.span.start <= 1, 'the edit starts before the CR it removes');
    const emoji = minimalEdit('x\u{1F600}y', 'x\u{1F601}y')!;
    assert.equal(emoji.span.start, 1);
    assert.equal(emoji.newText, '\u{1F601}');
  });
});
