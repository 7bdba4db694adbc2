import { span } from '../text/span';
import { frontMatterEnd } from './frontMatterFence';
import { createOutlineParser } from './markdownIt/instance';
import { outlineOfTokens } from './markdownIt/outlineOfTokens';
import { sourceTextOf } from './markdownIt/sourceText';
import type { ParseEnv } from './markdownIt/tokenData';
import type { MarkdownOutline } from './outline';

/** Made on the first parse: a run that replays cached findings never pays for building it. */
let md: ReturnType<typeof createOutlineParser> | undefined;

/**
 * Parses a page (full text, BOM included) into its outline: CommonMark plus GFM tables, and only tables
 * (the model needs no autolink literals, footnotes, strikethrough or task lists), with markdown-it and the
 * position-recording rules of `markdownIt/`. The front matter is cut off before parsing (we read its YAML
 * ourselves). Offsets are into the full text. Never throws for any string.
 */
export function parseOutline(text: string): MarkdownOutline {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const fmEnd = frontMatterEnd(body);
  const rest = fmEnd === undefined ? body : body.slice(fmEnd);
  const base = bom + (fmEnd ?? 0);
  const source = sourceTextOf(rest);
  // Only a text with `\r` (or NUL) is normalized into another string.
  const restoreEndings = source.src !== rest && (source.shortened.length > 0 || rest.includes('\r'));
  const env: ParseEnv = { definitions: [], keepBreaks: restoreEndings };
  const tokens = (md ??= createOutlineParser()).parse(source.src, env);
  const outline = outlineOfTokens(tokens, env.definitions, source, base, restoreEndings);
  if (fmEnd === undefined) return outline;
  const { headings, tables, links, paragraphs, blockquotes, html, code } = outline;
  return { frontMatter: span(bom, bom + fmEnd), headings, tables, links, paragraphs, blockquotes, html, code };
}
