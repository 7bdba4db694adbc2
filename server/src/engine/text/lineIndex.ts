import type { Position, Range, Span } from './span';

/**
 * Converts between offsets and line/character positions of one text. Every model has one, but many are
 * never asked (a page without findings, in a CLI run): the line starts are found on first use, and kept as
 * 32-bit integers. Where a line's content ends is read from the text next to the following line's start.
 */
export class LineIndex {
  readonly #text: string;
  #starts: Uint32Array | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** Offsets of the first character of every line (line breaks: `\n`, `\r\n`, `\r`). */
  #lineStarts(): Uint32Array {
    if (this.#starts) return this.#starts;
    const text = this.#text;
    const found: number[] = [0];
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) found.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) found.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          found.push(i + 1);
        }
      }
    }
    this.#starts = Uint32Array.from(found);
    return this.#starts;
  }

  /** Where a zero-based line's content ends, before its line break. */
  #contentEnd(line: number): number {
    const starts = this.#lineStarts();
    if (line + 1 >= starts.length) return this.#text.length;
    const next = starts[line + 1]!;
    return this.#text.charCodeAt(next - 1) === 10 && this.#text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  /**
   * The line holding an offset: its zero-based number, its content (without the line break) and the
   * full line (with it).
   */
  lineAt(offset: number): { readonly line: number; readonly content: Span; readonly full: Span } {
    const starts = this.#lineStarts();
    const line = this.positionAt(offset).line;
    const start = starts[line]!;
    const next = line + 1 < starts.length ? starts[line + 1]! : this.#text.length;
    return { line, content: { start, end: this.#contentEnd(line) }, full: { start, end: next } };
  }

  /** The 1-based line number of an offset, as messages show it. */
  lineNumber(offset: number): number {
    return this.positionAt(offset).line + 1;
  }

  /** Number of lines. */
  get lineCount(): number {
    return this.#lineStarts().length;
  }

  /** Offset of the first character of a zero-based line. */
  lineStart(line: number): number {
    const starts = this.#lineStarts();
    if (line <= 0) return 0;
    if (line >= starts.length) return this.#text.length;
    return starts[line]!;
  }

  /** Position of an offset. */
  positionAt(offset: number): Position {
    const starts = this.#lineStarts();
    const o = Math.max(0, Math.min(offset, this.#text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo]! };
  }

  /** Offset of a position (clamped to the text). */
  offsetAt(position: Position): number {
    const starts = this.#lineStarts();
    if (position.line >= starts.length) return this.#text.length;
    const start = this.lineStart(position.line);
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! : this.#text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  /** Range of a span. */
  rangeOf(s: Span): Range {
    return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
  }
}
