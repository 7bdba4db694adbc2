import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontMatterEnd } from '../../../server/src/engine/parse/frontMatterFence';
import type { MarkdownOutline } from '../../../server/src/engine/parse/outline';
import { span } from '../../../server/src/engine/text/span';
import { outlineOfMdast } from './fromMdast';
import { guardedGfmTable } from './tableGuard';

const tableFromMarkdown = gfmTableFromMarkdown();

/**
 * The previous production parse, kept as the ORACLE the markdown-it pipeline is compared with
 * (test/unit/parse-differential.test.ts, bench/fidelity.ts, bench/floor.ts): micromark through
 * `mdast-util-from-markdown`, CommonMark plus GFM tables only (behind a guard that skips the table
 * construct on lines that cannot start a table), reduced to the same `MarkdownOutline`. The front matter
 * is cut off before parsing; offsets are into the full text, BOM included.
 */
export function micromarkOutline(text: string): MarkdownOutline {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const fmEnd = frontMatterEnd(body);
  const rest = fmEnd === undefined ? body : body.slice(fmEnd);
  const base = bom + (fmEnd ?? 0);
  const root = fromMarkdown(rest, { extensions: [guardedGfmTable(rest)], mdastExtensions: [tableFromMarkdown] });
  return outlineOfMdast(root, base, fmEnd === undefined ? undefined : span(bom, bom + fmEnd));
}
