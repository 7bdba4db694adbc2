import type MarkdownIt from 'markdown-it';
import { markdownItClass } from '../../util/lazyLibraries';
import { recordBlockPositions } from './blockRules';
import { gfmTable } from './gfmTable';
import { recordInlinePositions } from './inlineRules';
import { parseInlines } from './plainInline';

/** Deeper nesting than this is not parsed further (markdown-it's guard against stack exhaustion). */
export const MAX_NESTING = 100;

/**
 * The markdown-it instance behind the outline: CommonMark plus GFM tables (our own table rule, see
 * `gfmTable.ts`), raw HTML recognized, with every rule the outline reads wrapped to record positions.
 * Links are neither validated nor normalized: the outline wants every link as written, including
 * `javascript:` ones that a renderer would refuse, so this instance must not be used to render HTML.
 */
export function createOutlineParser(): MarkdownIt {
  // `maxNesting` is an option markdown-it reads though its type declarations leave it out.
  const options = { html: true, maxNesting: MAX_NESTING };
  const md = new (markdownItClass())('commonmark', options);
  md.core.ruler.disable('normalize'); // `sourceTextOf` normalizes, keeping the offsets
  md.core.ruler.at('inline', parseInlines); // plain content skips the inline parser
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  recordBlockPositions(md);
  recordInlinePositions(md);
  // After the container rules and before link reference definitions, as micromark tries them.
  md.block.ruler.before('reference', 'gfm_table', gfmTable, { alt: ['paragraph', 'reference'] });
  return md;
}
