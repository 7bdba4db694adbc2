import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOutline } from '../../server/src/engine/parse/markdown';
import type { Span } from '../../server/src/engine/text/span';
import { DIFFERENCE_CLASSES } from '../support/micromarkOutline/differenceClasses';
import { micromarkOutline } from '../support/micromarkOutline/markdown';

/**
 * Each documented class of difference between the markdown-it outline and the micromark one, on its smallest
 * example: what we give (pinned, so a change is noticed) and what micromark gives, with the reason the
 * difference is accepted. CommonMark 0.31.2 is the spec both parsers implement; docfx renders with markdig,
 * which follows CommonMark. None of these occurs in the examples or the corpus.
 */

const slices = (text: string, spans: readonly Span[]): string[] => spans.map((s) => text.slice(s.start, s.end));

test('every documented class has an example here', () => {
  assert.deepEqual(DIFFERENCE_CLASSES.map((c) => c.id).sort(), [...EXAMPLES].sort());
});

const EXAMPLES = new Set<string>();
const example = (id: string, name: string, body: () => void): void => {
  EXAMPLES.add(id);
  test(`${id}: ${name}`, body);
};

example('list-item-or-html-after-other-blocks', 'a list starting at 3 after indented code is a list (CommonMark §5.2: only a list interrupting a paragraph must start at 1)', () => {
  const text = '    code\n3. item\n';
  assert.deepEqual(slices(text, parseOutline(text).paragraphs), ['item']);
  assert.deepEqual(slices(text, micromarkOutline(text).paragraphs), ['3. item']);
});

example('list-item-or-html-after-other-blocks', 'a lone HTML tag on a lazy line continues the quoted paragraph (§4.6: kind 7 cannot interrupt a paragraph, so it is continuation text, §5.1)', () => {
  const text = '> m\n<n>\n';
  assert.deepEqual(slices(text, parseOutline(text).paragraphs), ['m\n<n>']);
  assert.deepEqual(slices(text, micromarkOutline(text).paragraphs), ['m']);
});

example('quote-marker-after-four-columns', 'markdown-it continues a quote at a `>` indented four columns (§5.1 allows three; micromark makes indented code): accepted, no page indents a quote marker so', () => {
  const text = '>\n    >\n';
  assert.deepEqual(slices(text, parseOutline(text).blockquotes), ['>\n    >']);
  assert.deepEqual(slices(text, micromarkOutline(text).code), ['    >']);
});

example('tabs-in-container-prefixes', 'a tab right after a nested quote marker: both read indented code, starting one tab apart (§2.2 leaves the partial tab to the implementation)', () => {
  const text = '>>>\t\tM\n';
  assert.deepEqual(slices(text, parseOutline(text).code), ['\t\tM']);
  assert.deepEqual(slices(text, micromarkOutline(text).code), ['\tM']);
});

example('text-after-link-definition', 'markdown-it ends a definition before an indented line that CommonMark reads as paragraph continuation (§4.7): accepted, definitions are followed by a blank line or another definition in playbooks', () => {
  const text = '[a]: /url\n    text\n';
  assert.deepEqual(slices(text, parseOutline(text).code), ['    text']);
  assert.deepEqual(slices(text, micromarkOutline(text).paragraphs), ['text']);
  assert.deepEqual(parseOutline(text).links, micromarkOutline(text).links);
});

example('code-span-across-line-ending', 'a line ending inside a code span is a space in the text (§6.1; mdast keeps the line ending)', () => {
  const text = '`a\nb`\n==\n';
  assert.equal(parseOutline(text).headings[0]!.text, 'a b');
  assert.equal(micromarkOutline(text).headings[0]!.text, 'a\nb');
});

example('indented-code-after-quote', 'indented code right after a quote is one block (§4.4: consecutive indented chunks; micromark splits it at every line)', () => {
  const text = '>\n    a\n    b\n';
  assert.deepEqual(slices(text, parseOutline(text).code), ['    a\n    b']);
  assert.deepEqual(slices(text, micromarkOutline(text).code), ['    a', '    b']);
});

example('indented-line-left-of-list-content', 'markdown-it checks a line indented four columns, but left of the item content, for a thematic break; CommonMark reads lazy paragraph text (§5.2): accepted, items have one blank after the marker in playbooks', () => {
  const text = '-    |\n    ---\n';
  assert.deepEqual(slices(text, parseOutline(text).paragraphs), ['|']);
  assert.deepEqual(slices(text, micromarkOutline(text).paragraphs), ['|\n    ---']);
});

example('table-head-on-lazy-line', 'a table head row on a lazy line of a quoted paragraph: micromark (like cmark-gfm) starts a table in the quote, markdown-it continues the paragraph: accepted, tables are not written half inside a quote', () => {
  const text = '> a\n| b | c |\n> | - | - |\n';
  assert.equal(parseOutline(text).tables.length, 0);
  assert.equal(micromarkOutline(text).tables.length, 1);
});

example('quote-end-at-next-line-prefix', 'a quote nested in a list item in a quote ends where its last line ends (micromark: after the next line\'s `>`; spans of container blocks are not specified)', () => {
  const text = '>- >\n>>\n';
  assert.deepEqual(slices(text, parseOutline(text).blockquotes), ['>- >\n>>', '>', '>']);
  assert.deepEqual(slices(text, micromarkOutline(text).blockquotes), ['>- >\n>>', '>\n>', '>']);
});

example('trailing-blank-lines', 'a nested quote ends at its last line when the text ends in a line of quote markers only (micromark: at the end of the text)', () => {
  const text = '>>\n>';
  assert.deepEqual(slices(text, parseOutline(text).blockquotes), ['>>\n>', '>']);
  assert.deepEqual(slices(text, micromarkOutline(text).blockquotes), ['>>\n>', '>\n>']);
});
