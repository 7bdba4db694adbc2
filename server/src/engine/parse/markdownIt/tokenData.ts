import type { Token } from 'markdown-it';
import type { ContentMap } from './contentMap';

/**
 * What the rule wrappers learn while markdown-it parses and the outline needs afterwards, kept beside the
 * tokens (markdown-it gives block tokens line ranges only and inline tokens no positions at all).
 * Offsets here are into the normalized source (`SourceText.src`) unless said otherwise.
 */

/** Where an inline node lies in the content string it was parsed from. */
export interface InlineRange {
  readonly start: number;
  readonly end: number;
  /** Links and images: where the `]` closing the text is. */
  readonly labelEnd?: number;
  /** Links and images: written inline (`[a](b)`, `<b>`) rather than as a reference (`[a][b]`, `[a]`). */
  readonly inline?: boolean;
}

/** Inline ranges of `link_open` (and autolinks), `image`, `html_inline` and line-break tokens. */
export const inlineRanges = new WeakMap<Token, InlineRange>();

/** Content maps of `inline` tokens (paragraphs, headings, table cells). */
export const contentMaps = new WeakMap<Token, ContentMap>();

/**
 * Spans of opening block tokens (`paragraph_open`, `heading_open`, `blockquote_open`, `fence`, `code_block`,
 * `html_block`): from the first character after indentation and container prefixes (a setext heading and
 * a paragraph: their first content character; an indented code block: its indentation) to the end of the
 * block's last line, trailing blanks included.
 */
export const blockSpans = new WeakMap<Token, readonly [number, number]>();

/** A table cell as written: from its leading pipe (if any) to the next pipe or the row's end. */
export interface CellSpans {
  readonly span: readonly [number, number];
  /** From its first to its last non-blank character; absent when the cell is empty. */
  readonly content?: readonly [number, number];
}

/** Spans of `tr_open` tokens: the row from its first non-blank character to the end of its line. */
export const rowSpans = new WeakMap<Token, readonly [number, number]>();

/** Spans of `th_open` and `td_open` tokens. */
export const cellSpans = new WeakMap<Token, CellSpans>();

/** Alignment per column of `table_open` tokens, from the delimiter row. */
export const tableAligns = new WeakMap<Token, ReadonlyArray<'left' | 'right' | 'center' | null>>();

/** A link reference definition (they make no token). */
export interface DefinitionRecord {
  /** From its `[` to the end of its last line. */
  readonly span: readonly [number, number];
  /** Its label as written, with `\n` line endings. */
  readonly label: string;
  /** Source offset of each `\n` of the label (to restore the original line endings). */
  readonly labelBreaks: readonly number[];
}

/** The environment of one parse. */
export interface ParseEnv {
  /** Definitions in document order. */
  definitions: DefinitionRecord[];
  /** True when line breaks must keep their positions (the text has `\r` line endings to restore). */
  readonly keepBreaks: boolean;
}
