import type { Span } from '../text/span';

/**
 * What the page model needs from the Markdown parse, and nothing more: the spans (UTF-16 offsets into the
 * full text, BOM included) and plain texts of the few node kinds the model reads. It is plain JSON, so a
 * host can cache it by content hash (the parse is nearly all of the cost of modelling a page), and it is
 * the one contract between the parser and `model/build.ts`.
 */
export interface MarkdownOutline {
  /** From the opening `---` to the end of the closing `---` line (its line ending excluded). */
  readonly frontMatter?: Span;
  /** Every list below is in document order (a pre-order walk of the syntax tree). */
  readonly headings: readonly OutlineHeading[];
  readonly tables: readonly OutlineTable[];
  /** Inline links, images and link reference definitions. */
  readonly links: readonly OutlineLink[];
  readonly paragraphs: readonly Span[];
  readonly blockquotes: readonly Span[];
  /** HTML blocks and inline HTML. */
  readonly html: readonly Span[];
  /** Fenced and indented code blocks. */
  readonly code: readonly Span[];
}

/** An ATX or setext heading. */
export interface OutlineHeading {
  readonly depth: number;
  readonly span: Span;
  /** Plain text of the content (markup removed, character references decoded), not trimmed. */
  readonly text: string;
  /** From the start of the first inline node to the end of the last; absent for an empty heading. */
  readonly content?: Span;
}

/** One cell of a table row. */
export interface OutlineCell {
  /** From the cell's leading pipe (if any) to its end. */
  readonly span: Span;
  /** From the start of the first inline node to the end of the last; absent for an empty cell. */
  readonly content?: Span;
  /** Plain text, not trimmed. */
  readonly text: string;
}

/** One table row. */
export interface OutlineRow {
  readonly span: Span;
  readonly cells: readonly OutlineCell[];
}

/** A GFM table: the header row first, then the body rows. */
export interface OutlineTable {
  readonly span: Span;
  /** Alignment per column, from the delimiter row. */
  readonly align: ReadonlyArray<'left' | 'right' | 'center' | null>;
  readonly rows: readonly OutlineRow[];
}

/** A link, an image or a link reference definition. */
export interface OutlineLink {
  readonly kind: 'link' | 'image' | 'definition';
  readonly span: Span;
  /** Link: plain text of its content; image: its alt text; definition: its label as written. */
  readonly text: string;
  /** For a link with content: where its last inline node ends (the `]` that closes the text follows). */
  readonly contentEnd?: number;
}
