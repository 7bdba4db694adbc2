import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt, { type Token } from 'markdown-it';
import { parseOutline } from '../../server/src/engine/parse/markdown';
import { isPlainInline } from '../../server/src/engine/parse/markdownIt/plainInline';

/**
 * The outline's parser takes inline content without a character an inline rule starts at as one text node,
 * without running markdown-it's inline parser (`plainInline.ts`). These tests check that premise against
 * the installed markdown-it, so an upgrade that adds a rule or a trigger character fails here.
 */

/** markdown-it's own inline parse of `content` (CommonMark, raw HTML on, as the outline's instance). */
function inlineTokens(content: string): Token[] {
  const md = new MarkdownIt('commonmark', { html: true });
  const out: Token[] = [];
  md.inline.parse(content, md, {}, out);
  return out;
}

/** One of each thing markdown-it's CommonMark inline rules make. */
const CONSTRUCTS = ['a\nb', 'a  \nb', '\\*', '`a`', '*a*', '_a_', '**a**', '[a](b)', '[a]', '![a](b)', '<https://x.y>', '<a@b.cd>', '<b>x</b>', '&amp;', 'a &#35; b'];

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

test('content the shortcut takes is one text token holding all of it in markdown-it', () => {
  const samples = [
    ...ASCII.flatMap((c) => [c, `a${c}b`, `${c}${c}`, `x ${c} y`, `${c}a${c}`]),
    'FT-01', 'Owner', 'M', '2024-01-31', 'Réunion de lancement', '日本語', 'a  b', 'https://example.com/x', 'a: b', '~~a~~', '#1 (a) {b} $c$ %d +e =f >g @h ^i |j',
    // What each inline rule makes: the shortcut must leave all of these to the parser.
    ...CONSTRUCTS,
  ].filter(isPlainInline);
  assert.ok(samples.length > 300);
  for (const s of samples) {
    const tokens = inlineTokens(s);
    assert.deepEqual(tokens.map((t) => [t.type, t.content]), [['text', s]], JSON.stringify(s));
  }
});

test('content with a character an inline rule starts at goes through the inline parser', () => {
  for (const c of ['\n', '\\', '`', '*', '_', '[', '<', '&']) assert.equal(isPlainInline(`a${c}b`), false, JSON.stringify(c));
  // Each of these parses into something else than one text token holding all of it.
  for (const s of CONSTRUCTS.filter((c) => c !== '[a]')) {
    const tokens = inlineTokens(s);
    assert.ok(tokens.length !== 1 || tokens[0]!.type !== 'text' || tokens[0]!.content !== s, JSON.stringify(s));
  }
});

test('plain and marked-up cells and headings give the same texts as written', () => {
  const o = parseOutline('# Plan - v2 (draft)\n\n| ID | Task | M/O |\n| - | - | - |\n| FT-01 | Kick-off: plan | M |\n| FT-02 | *Review* [it](x.md) | O |\n');
  assert.deepEqual(o.headings.map((h) => h.text), ['Plan - v2 (draft)']);
  assert.deepEqual(o.tables[0]!.rows.map((r) => r.cells.map((c) => c.text)), [['ID', 'Task', 'M/O'], ['FT-01', 'Kick-off: plan', 'M'], ['FT-02', 'Review it', 'O']]);
  assert.deepEqual(o.links.map((l) => l.text), ['it']);
});
