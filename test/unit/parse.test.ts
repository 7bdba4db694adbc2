import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { parseOutline } from '../../server/src/engine/parse/markdown';
import { frontMatterEnd } from '../../server/src/engine/parse/frontMatterFence';
import type { MarkdownOutline } from '../../server/src/engine/parse/outline';
import { outlineOfMdast } from '../support/micromarkOutline/fromMdast';
import { micromarkOutline } from '../support/micromarkOutline/markdown';

/**
 * `parseOutline` (markdown-it) must give the outline of the previous micromark pipeline, the oracle, on
 * tricky inputs; and the oracle (front matter cut off by hand, guarded table construct) must itself give the
 * outline of the plain unified pipeline: remark-parse + remark-frontmatter + the unguarded GFM tables.
 * Whole pages and random documents: parse-differential.test.ts; deliberate differences: parse-differences.test.ts.
 */
function tablesOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(tablesOnly).freeze();

function plainOutline(text: string): MarkdownOutline {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = plain.parse(bom ? text.slice(1) : text) as Root;
  const first = root.children[0];
  const fm = first?.type === 'yaml' ? { start: bom + first.position!.start.offset!, end: bom + first.position!.end.offset! } : undefined;
  return outlineOfMdast(root, bom, fm);
}

const TRICKY: Record<string, string> = {
  // Tables, well formed and malformed (GFM as micromark reads it).
  'a table': '# T\n\n| a | b |\n| - | :-: |\n| 1 | 2 |\n',
  'a one-column table without pipes': 'a\n-:\n',
  'a body row without pipes': '| a |\n| - |\n| 1 |\nfoo\n\nbar\n',
  'a table interrupting a paragraph': 'text\n| a | b |\n| - | - |\n| 1 | 2 |\n',
  'a table in a block quote': '> | a | b |\n> |---|---|\n> | 1 | 2 |\n',
  'a table in a list item': '- | a | b |\n  | - | - |\n  | 1 | 2 |\n- next\n',
  'a lazy delimiter line': '> | a | b |\n| - | - |\n',
  'a head row at the end': '| a | b |',
  'a head row before a blank line': '| a | b |\n\n| - | - |\n',
  'escaped pipes and code in cells': '| a \\| b | `c | d` |\n| --- | --- |\n| [x](y.md) | **z** |\n',
  'a pipe in a code span splits the cell': '| a | b |\n| - | - |\n| `x | y` | z |\n',
  'an escaped pipe in a code span': '| a | b |\n| - | - |\n| `x \\| y` | z |\n',
  'rows with || and missing or extra cells': '| ID | Task | Role |\n|---|---|---|\n|| a | b |\n| a || b |\n| a |\n| a | b | c | d |\n| |\n||\n|\n',
  'a head row with more cells than the delimiter row is no table': '| a | b | c |\n| - | - |\n',
  'a delimiter row that is a list item': 'a | b\n- | -\n',
  'a delimiter row with a colon only': 'a\n:-\n',
  'rows end at a block quote, a list, HTML, a heading, a fence': '| a |\n|-|\n> q\n\n| a |\n|-|\n- l\n\n| a |\n|-|\n<div>\n\n| a |\n|-|\n# h\n\n| a |\n|-|\n```\nx\n```\n',
  'rows end at indented code, not at a setext underline': '| a |\n|-|\n===\n    code\n',
  'a heading or HTML line is no head row': '# a | b\n|-|-|\n\n<div> | a\n|-|-|\n',
  'a definition line can head a table': '[a]: b\n|-|\n',
  'CRLF line endings': '---\r\ntitle: x\r\n---\r\n# H\r\n\r\n| a | b |\r\n| - | - |\r\n| 1 | 2 |\r\n',
  'CR line endings': '| a | b |\r| - | - |\r| 1 | 2 |\r',
  'indented code that looks like a table': '    | a | b |\n    | - | - |\n',
  'a setext heading, not a table': 'Title\n---\n\ntext\n',
  'a thematic break under a pipe line': 'a | b\n- - -\n',
  // Front matter.
  'an empty front matter': '---\n---\n# H\n',
  'fences with trailing blanks': '---  \ntitle: x\n---\t\n# H\n',
  'an unclosed front matter': '---\ntitle: x\n# H\n',
  'four dashes open nothing': '----\ntitle: x\n---\n',
  'a closing fence of four dashes does not close': '---\na: 1\n----\n---\nrest\n',
  'a setext heading right after the front matter': '---\na: 1\n---\nTitle\n===\n',
  'indented code right after the front matter': '---\na: 1\n---\n    code\n',
  'a front matter closed at the end of the text': '---\na: 1\n---',
  'a file that is only front matter': '---\ntitle: x\n---\n',
  'a BOM before the front matter': '\uFEFF---\ntitle: x\n---\n# H [a](b.md#c)\n',
  'an empty file': '',
  'only a BOM': '\uFEFF',
  // Inline nodes.
  'links, images, definitions, html': '# A [link](x.md "t") ![alt](i.png)\n\n<!-- c -->\n\n[ref]: <y.md> "t"\n\nsee [ref] and <https://a.b> and <b>x</b>\n\n```js\ncode\n```\n',
  'a link whose text ends in code': '[a `b`](c.md) [](empty.md) [x\ny](z.md)\n',
  'headings with markup': '# **Bold** and `code` &amp; \\*\n\n## \n\nSetext *x*\n---\n',
  'headings with closing sequences': '# a ##\n## b #  \n### c \\#\n#### d#\n##### #\n',
  'setext headings over several lines': 'a\nb  \n c\n===\n\nd\\\ne\n---\n',
  'reference links and images are not links': '[a][r] [b][] [r] ![c][r] ![r]\n\n[r]: x.md\n',
  'definitions over lines, in quotes, with titles': '[a]:\n  x.md\n  "t"\n\n> [b]: y.md\n> [c]: <z w.md> (t)\n\n[d\ne]: q.md\n',
  'autolinks and email autolinks': '<https://a.b/c?d=e> <mail@a.b> <notalink>\n',
  'inline HTML over lines and in links': 'a <span\nclass="x">b</span> [<b>c</b>](d.md) <!-- e\nf -->\n',
  'character references and escapes in texts': '# &copy; &#169; &#xA9; &bogus; \\# \\\\\n\n[&amp; \\]](x.md)\n',
  'a javascript: link is still a link': '[a](javascript:void(0)) [b](<c d>)\n',
  'hard and soft breaks in link texts': '[a  \nb\\\nc\nd](x.md)\n',
  // Containers, indentation, tabs.
  'tabs in indentation': '\tcode\n\n-\tlist\n\n>\tquote\n\n  \tcode\n',
  'nested block quotes and lazy lines': '> a\n> > b\nlazy\n> c\n\n> > d\n> e\n',
  'lists with nested quotes and code': '1. a\n\n   > b\n   > c\n\n       code\n2. d\n   - e\n\n     f\n',
  'a block quote ending in blank quote lines': '> a\n>\n>\n\nb\n',
  'indented code with blank lines inside and after': '    a\n\n    b\n    \n  \n\nc\n',
  'unclosed fences and comments': '- ```\n  a\n- <!--\n  b\n- c\n\n```\nd\n',
  'HTML blocks of every kind': '<script>\nx\n</script>\n\n<!-- a -->\n\n<?p ?>\n\n<!D>\n\n<![CDATA[x]]>\n\n<div>\na\n\n<span>\n\n  <p>\n',
  'CRLF and CR mixed, with soft breaks in texts': 'a\r\nb\rc\n\r\n[x\r\ny](z.md)\r\nT\r\nU\r\n===\r\n',
  'NUL characters': 'a\0b\n# \0\n\n| \0 |\n|-|\n',
};

for (const [name, text] of Object.entries(TRICKY)) {
  test(`parse: ${name} gives the micromark outline`, () => {
    assert.deepEqual(parseOutline(text), micromarkOutline(text));
  });
  test(`oracle: ${name} gives the plain unified outline`, () => {
    assert.deepEqual(micromarkOutline(text), plainOutline(text));
  });
}

test('the front matter fence scanner agrees with remark-frontmatter', () => {
  assert.equal(frontMatterEnd('---\na: 1\n---\n# H'), 12);
  assert.equal(frontMatterEnd('---\na: 1\n--- \t'), 14);
  assert.equal(frontMatterEnd('---\na: 1\n'), undefined);
  assert.equal(frontMatterEnd('--- x\na: 1\n---\n'), undefined);
  assert.equal(frontMatterEnd('# H\n---\n---\n'), undefined);
});

test('the outline keeps what the model reads: spans, plain texts, alignment', () => {
  const text = '---\ntitle: x\n---\n# Hello *world*\n\n| Id | Name |\n| :- | --: |\n| [1](a.md) | b |\n';
  const o = parseOutline(text);
  assert.deepEqual(o.frontMatter, { start: 0, end: 16 });
  assert.equal(o.headings[0]!.text, 'Hello world');
  assert.equal(text.slice(o.headings[0]!.content!.start, o.headings[0]!.content!.end), 'Hello *world*');
  assert.deepEqual(o.tables[0]!.align, ['left', 'right']);
  assert.equal(o.tables[0]!.rows[1]!.cells[0]!.text, '1');
  assert.equal(o.links[0]!.kind, 'link');
  assert.equal(text.slice(o.links[0]!.span.start, o.links[0]!.span.end), '[1](a.md)');
});

test('offsets are into the original text: CRLF line endings and a BOM do not shift them', () => {
  const text = '\uFEFF# A\r\n\r\n[b](c.md)\r\nline\r\n';
  const o = parseOutline(text);
  assert.equal(text.slice(o.headings[0]!.span.start, o.headings[0]!.span.end), '# A');
  assert.equal(text.slice(o.links[0]!.span.start, o.links[0]!.span.end), '[b](c.md)');
  assert.equal(text.slice(o.paragraphs[0]!.start, o.paragraphs[0]!.end), '[b](c.md)\r\nline');
});
