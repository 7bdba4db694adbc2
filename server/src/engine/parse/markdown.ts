import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { span } from '../text/span';
import { outlineOfMdast } from './fromMdast';
import { frontMatterEnd } from './frontMatterFence';
import type { MarkdownOutline } from './outline';
import { guardedGfmTable } from './tableGuard';

const tableFromMarkdown = gfmTableFromMarkdown();

/**
 * Parses a page (full text, BOM included) into its outline: CommonMark plus GFM tables, and only tables
 * (the model needs no autolink literals, footnotes, strikethrough or task lists). The front matter is cut
 * off before parsing (we read its YAML ourselves) and the rest is parsed with `mdast-util-from-markdown`
 * directly. Offsets are into the full text. Never throws for any string.
 */
export function parseOutline(text: string): MarkdownOutline {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const fmEnd = frontMatterEnd(body);
  const rest = fmEnd === undefined ? body : body.slice(fmEnd);
  const base = bom + (fmEnd ?? 0);
  const root = fromMarkdown(rest, { extensions: [guardedGfmTable(rest)], mdastExtensions: [tableFromMarkdown] });
  return outlineOfMdast(root, base, fmEnd === undefined ? undefined : span(bom, bom + fmEnd));
}
