import type { Token } from 'markdown-it';
import { sliceMap, type ContentMap } from './contentMap';
import type { RowCell } from './tableRow';

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

/**
 * What the recording rules note about one token, kept in the token's `meta` (markdown-it sets it to null and
 * leaves it to plugins; nothing else in this instance uses it). A field per kind of note, all present, so
 * every note has the same shape; a token has one or two of them. Kept on the token rather than in a
 * `WeakMap` keyed by it: a parse makes thousands of these notes, and weak-map entries cost several times
 * a property write and load the garbage collector (ephemeron tables).
 */
export class TokenNotes {
  /**
   * Opening block tokens (`paragraph_open`, `heading_open`, `blockquote_open`, `fence`, `code_block`,
   * `html_block`, `table_open`): from the first character after indentation and container prefixes (a
   * setext heading and a paragraph: their first content character; an indented code block: its
   * indentation) to the end of the block's last line, trailing blanks included. `tr_open`: the row from
   * its first non-blank character to the end of its line.
   */
  span: readonly [number, number] | undefined = undefined;
  /** `link_open` (and autolinks), `image`, `html_inline` and line-break tokens: where the node lies in its content. */
  range: InlineRange | undefined = undefined;
  /** `inline` tokens of paragraphs and headings: where their content comes from (a cell's: see {@link contentMapOf}). */
  map: ContentMap | undefined = undefined;
  /** The `inline` token of a table cell: the cell as written (from its leading pipe, if any, to the next pipe or the row's end). */
  cell: RowCell | undefined = undefined;
  /** `inline` tokens: true when the content is one text node, left unparsed (see `plainInline.ts`). */
  plain = false;
  /** `table_open` tokens: the alignment per column, from the delimiter row. */
  aligns: ReadonlyArray<'left' | 'right' | 'center' | null> | undefined = undefined;
}

/** The notes on `token`, if any rule made one. */
export function notesOf(token: Token): TokenNotes | undefined {
  const meta: unknown = token.meta;
  return meta instanceof TokenNotes ? meta : undefined;
}

/**
 * Where the content of an `inline` token comes from: its noted map, or, for a table cell, the one slice
 * of the source it is (worked out when asked: most cells are plain and never need it).
 */
export function contentMapOf(token: Token): ContentMap | undefined {
  const notes = notesOf(token);
  if (!notes) return undefined;
  if (notes.map) return notes.map;
  const cell = notes.cell;
  return cell ? sliceMap(cell.content ? cell.content[0] : cell.end, token.content.length) : undefined;
}

/** The notes on `token`, made empty if there are none yet. */
export function notesFor(token: Token): TokenNotes {
  const meta: unknown = token.meta;
  if (meta instanceof TokenNotes) return meta;
  const notes = new TokenNotes();
  token.meta = notes;
  return notes;
}

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
