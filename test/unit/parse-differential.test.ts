import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseOutline } from '../../server/src/engine/parse/markdown';
import type { MarkdownOutline } from '../../server/src/engine/parse/outline';
import type { Span } from '../../server/src/engine/text/span';
import { DIFFERENCE_CLASSES, explainDifference } from '../support/micromarkOutline/differenceClasses';
import { micromarkOutline } from '../support/micromarkOutline/markdown';
import { randomDocument } from '../support/micromarkOutline/randomDocument';
import { markdownUnder } from '../support/markdownFiles';

/**
 * The markdown-it outline (production) against the micromark one (the oracle) on every page of the examples
 * and the corpus, and on random documents: never a throw, every span inside the text and in order, and the
 * same outline, or a difference of a documented class (see differenceClasses.ts).
 */


/** The problems with the spans of `o` for `text`: outside the text, reversed, out of order, not nested. */
function spanProblems(text: string, o: MarkdownOutline): string[] {
  const problems: string[] = [];
  const check = (what: string, s: Span, within: Span = { start: 0, end: text.length }): void => {
    if (!(s.start <= s.end && s.start >= within.start && s.end <= within.end)) problems.push(`${what} ${JSON.stringify(s)} not within ${JSON.stringify(within)}`);
  };
  const ordered = (what: string, spans: readonly Span[]): void => {
    spans.forEach((s, i) => {
      check(`${what}[${i}]`, s);
      if (i > 0 && s.start < spans[i - 1]!.start) problems.push(`${what}[${i}] starts before ${what}[${i - 1}]`);
    });
  };
  if (o.frontMatter) check('frontMatter', o.frontMatter);
  ordered('headings', o.headings.map((h) => h.span));
  o.headings.forEach((h, i) => h.content && check(`headings[${i}].content`, h.content, h.span));
  ordered('tables', o.tables.map((t) => t.span));
  o.tables.forEach((t, i) =>
    t.rows.forEach((r, j) => {
      check(`tables[${i}].rows[${j}]`, r.span, t.span);
      r.cells.forEach((c, k) => {
        check(`tables[${i}].rows[${j}].cells[${k}]`, c.span, r.span);
        if (c.content) check(`tables[${i}].rows[${j}].cells[${k}].content`, c.content, c.span);
      });
    }),
  );
  ordered('links', o.links.map((l) => l.span));
  o.links.forEach((l, i) => l.contentEnd !== undefined && check(`links[${i}].contentEnd`, { start: l.contentEnd, end: l.contentEnd }, l.span));
  ordered('paragraphs', o.paragraphs);
  ordered('blockquotes', o.blockquotes);
  ordered('html', o.html);
  ordered('code', o.code);
  return problems;
}

for (const root of ['examples', '../shared/corpus']) {
  test(`every page under ${root} gives the micromark outline`, { skip: !existsSync(root) && `no ${root} here` }, () => {
    const files = markdownUnder(root);
    assert.ok(files.length > 0);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const ours = parseOutline(text);
      assert.deepEqual(spanProblems(text, ours), [], f);
      if (!isDeepStrictEqual(ours, micromarkOutline(text))) assert.ok(explainDifference(text, micromarkOutline, parseOutline), `${f}: an unexplained difference`);
    }
  });
}

const SEEDS = 2000;

test(`${SEEDS} random documents: no throw, spans in order, the micromark outline or a documented difference`, (t) => {
  const classes: Record<string, number> = {};
  const unexplained: number[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const text = randomDocument(seed);
    const ours = parseOutline(text);
    assert.deepEqual(spanProblems(text, ours), [], `seed ${seed}: ${JSON.stringify(text)}`);
    if (isDeepStrictEqual(ours, micromarkOutline(text))) continue;
    const why = explainDifference(text, micromarkOutline, parseOutline);
    if (why) for (const id of why) classes[id] = (classes[id] ?? 0) + 1;
    else unexplained.push(seed);
  }
  t.diagnostic(`documented differences: ${JSON.stringify(classes)}`);
  assert.deepEqual(unexplained, [], `unexplained differences for seeds ${unexplained.join(', ')} (randomDocument(seed))`);
  for (const id of Object.keys(classes)) assert.ok(DIFFERENCE_CLASSES.some((c) => c.id === id));
});

test('random documents are varied: tables, quotes, lists, CRLF, tabs, NUL, BOM and front matter all occur', () => {
  const texts = Array.from({ length: 300 }, (_, i) => randomDocument(i + 1));
  for (const [what, re] of [['a table', /\n\|?[ \t]*:?-+:?[ \t]*\|/], ['a nested quote', /> ?>/], ['an ordered list', /\d[.)] /], ['CRLF', /\r\n/], ['a lone CR', /\r(?!\n)/], ['a tab', /\t/], ['NUL', /\0/], ['a BOM', /^\uFEFF/], ['front matter', /^\uFEFF?---\r?\n/]] as const) {
    assert.ok(texts.some((t) => re.test(t)), `no document has ${what}`);
  }
});
