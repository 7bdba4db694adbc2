import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { parseOutline } from '../../server/src/engine/parse/markdown';
import { outlineOfMdast } from '../../server/src/engine/parse/fromMdast';
import { frontMatterEnd } from '../../server/src/engine/parse/frontMatterFence';
import type { MarkdownOutline } from '../../server/src/engine/parse/outline';

/**
 * The fast parse (front matter cut off by hand, guarded table construct, no unified processor) must give
 * exactly the outline of the plain pipeline: remark-parse + remark-frontmatter + the unguarded GFM table
 * extension. These tests compare the two on tricky inputs and on every page of the examples and corpus.
 */
function tablesOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(tablesOnly).freeze();

function referenceOutline(text: string): MarkdownOutline {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = plain.parse(bom ? text.slice(1) : text) as Root;
  const first = root.children[0];
  const fm = first?.type === 'yaml' ? { start: bom + first.position!.start.offset!, end: bom + first.position!.end.offset! } : undefined;
  return outlineOfMdast(root, bom, fm);
}

const TRICKY: Record<string, string> = {
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
  'CRLF line endings': '---\r\ntitle: x\r\n---\r\n# H\r\n\r\n| a | b |\r\n| - | - |\r\n| 1 | 2 |\r\n',
  'CR line endings': '| a | b |\r| - | - |\r| 1 | 2 |\r',
  'indented code that looks like a table': '    | a | b |\n    | - | - |\n',
  'a setext heading, not a table': 'Title\n---\n\ntext\n',
  'a thematic break under a pipe line': 'a | b\n- - -\n',
  'an empty front matter': '---\n---\n# H\n',
  'fences with trailing blanks': '---  \ntitle: x\n---\t\n# H\n',
  'an unclosed front matter': '---\ntitle: x\n# H\n',
  'four dashes open nothing': '----\ntitle: x\n---\n',
  'a closing fence of four dashes does not close': '---\na: 1\n----\n---\nrest\n',
  'a setext heading right after the front matter': '---\na: 1\n---\nTitle\n===\n',
  'indented code right after the front matter': '---\na: 1\n---\n    code\n',
  'a front matter closed at the end of the text': '---\na: 1\n---',
  'a BOM before the front matter': '\uFEFF---\ntitle: x\n---\n# H [a](b.md#c)\n',
  'links, images, definitions, html': '# A [link](x.md "t") ![alt](i.png)\n\n<!-- c -->\n\n[ref]: <y.md> "t"\n\nsee [ref] and <https://a.b> and <b>x</b>\n\n```js\ncode\n```\n',
  'a link whose text ends in code': '[a `b`](c.md) [](empty.md) [x\ny](z.md)\n',
  'headings with markup': '# **Bold** and `code` &amp; \\*\n\n## \n\nSetext *x*\n---\n',
};

for (const [name, text] of Object.entries(TRICKY)) {
  test(`parse: ${name} gives the reference outline`, () => {
    assert.deepEqual(parseOutline(text), referenceOutline(text));
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

function markdownUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) out.push(p);
    }
  };
  walk(root);
  return out;
}

for (const root of ['examples', '../shared/corpus']) {
  test(`parse: every page under ${root} gives the reference outline`, { skip: !existsSync(root) && `no ${root} here` }, () => {
    const files = markdownUnder(root);
    assert.ok(files.length > 0);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      assert.deepEqual(parseOutline(text), referenceOutline(text), f);
    }
  });
}
