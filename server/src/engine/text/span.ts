/** A half-open range of UTF-16 offsets into a document's full text (BOM included). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A zero-based line / UTF-16 character position, as LSP and editors use. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A range of positions. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Builds a span. */
export function span(start: number, end: number): Span {
  return { start, end };
}

/** True when `inner` lies within `outer`. */
export function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
