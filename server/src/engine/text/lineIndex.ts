import type { Position, Range, Span } from './span';

/** The line starts of a text (line breaks: `\n`, `\r\n`, `\r`). */
function lineStartsOf(text: string): Uint32Array {
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
  return Uint32Array.from(found);
}

/**
 * Converts between offsets and line/character positions of one text. Every model has one, but many are
 * never asked (a page without findings, in a CLI run): the line starts are found on first use, and kept as
 * 32-bit integers. Where a line's content ends is read from the text next to the following line's start.
 * A line index that outlives its text ({@link LineIndex.detached}) keeps instead which lines end in
 * `\r\n`.
 */
export class LineIndex {
  /** The text; undefined for a detached index. */
  #text: string | undefined;
  #length: number;
  #starts: Uint32Array | undefined;
  /** Of a detached index: 1 for each line whose break is `\r\n` (undefined when there is none). */
  #crlf: Uint8Array | undefined;

  constructor(text: string) {
    this.#text = text;
    this.#length = text.length;
  }

  /**
   * A line index that answers as `new LineIndex(text)` does but keeps only the line starts (4 bytes a
   * line) and which lines end in `\r\n`, not the text: for line indexes kept longer than the text.
   */
  static detached(text: string): LineIndex {
    const out = new LineIndex('');
    const starts = lineStartsOf(text);
    out.#text = undefined;
    out.#length = text.length;
    out.#starts = starts;
    if (text.includes('\r\n')) {
      const crlf = new Uint8Array(starts.length);
      for (let line = 0; line + 1 < starts.length; line++) {
        const next = starts[line + 1]!;
        if (text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13) crlf[line] = 1;
      }
      out.#crlf = crlf;
    }
    return out;
  }

  /** Offsets of the first character of every line (line breaks: `\n`, `\r\n`, `\r`). */
  #lineStarts(): Uint32Array {
    this.#starts ??= lineStartsOf(this.#text!);
    return this.#starts;
  }

  /** True when a line (not the last) ends in `\r\n`. */
  #endsInCrlf(line: number, next: number): boolean {
    const text = this.#text;
    if (text === undefined) return this.#crlf?.[line] === 1;
    return text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13;
  }

  /** Where a zero-based line's content ends, before its line break. */
  #contentEnd(line: number): number {
    const starts = this.#lineStarts();
    if (line + 1 >= starts.length) return this.#length;
    const next = starts[line + 1]!;
    return this.#endsInCrlf(line, next) ? next - 2 : next - 1;
  }

  /**
   * The line holding an offset: its zero-based number, its content (without the line break) and the
   * full line (with it).
   */
  lineAt(offset: number): { readonly line: number; readonly content: Span; readonly full: Span } {
    const starts = this.#lineStarts();
    const line = this.positionAt(offset).line;
    const start = starts[line]!;
    const next = line + 1 < starts.length ? starts[line + 1]! : this.#length;
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
    if (line >= starts.length) return this.#length;
    return starts[line]!;
  }

  /** Position of an offset. */
  positionAt(offset: number): Position {
    const starts = this.#lineStarts();
    const o = Math.max(0, Math.min(offset, this.#length));
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
    if (position.line >= starts.length) return this.#length;
    const start = this.lineStart(position.line);
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! : this.#length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  /** Range of a span. */
  rangeOf(s: Span): Range {
    return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
  }
}
