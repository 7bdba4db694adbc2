import type { Position, Range, Span } from './span';

/** Converts between offsets and line/character positions of one text. Built once per document version. */
export class LineIndex {
  readonly #starts: number[];
  /** Where each line's content ends, before its line break. */
  readonly #ends: number[];
  readonly #length: number;

  constructor(text: string) {
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        ends.push(i);
        starts.push(i + 1);
      } else if (c === 13) {
        ends.push(i);
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.#starts = starts;
    this.#ends = ends;
    this.#length = text.length;
  }

  /**
   * The line holding an offset: its zero-based number, its content (without the line break) and the
   * full line (with it).
   */
  lineAt(offset: number): { readonly line: number; readonly content: Span; readonly full: Span } {
    const line = this.positionAt(offset).line;
    const start = this.#starts[line]!;
    const next = line + 1 < this.#starts.length ? this.#starts[line + 1]! : this.#length;
    return { line, content: { start, end: this.#ends[line]! }, full: { start, end: next } };
  }

  /** The 1-based line number of an offset, as messages show it. */
  lineNumber(offset: number): number {
    return this.positionAt(offset).line + 1;
  }

  /** Number of lines. */
  get lineCount(): number {
    return this.#starts.length;
  }

  /** Offset of the first character of a zero-based line. */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.#starts.length) return this.#length;
    return this.#starts[line]!;
  }

  /** Position of an offset. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.#length));
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.#starts[lo]! };
  }

  /** Offset of a position (clamped to the text). */
  offsetAt(position: Position): number {
    if (position.line >= this.#starts.length) return this.#length;
    const start = this.lineStart(position.line);
    const next = position.line + 1 < this.#starts.length ? this.#starts[position.line + 1]! : this.#length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  /** Range of a span. */
  rangeOf(s: Span): Range {
    return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
  }
}
