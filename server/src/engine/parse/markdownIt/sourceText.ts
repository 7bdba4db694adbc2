/**
 * The text markdown-it parses, and the way back to offsets in the text we were given. markdown-it turns
 * every `\r\n` and lone `\r` into `\n` and every NUL into U+FFFD before parsing; doing that here instead
 * lets us remember where a two-character `\r\n` became one character, the only change that shifts offsets.
 */
export interface SourceText {
  /** The original text (the page body after the front matter). */
  readonly original: string;
  /** The normalized text markdown-it parses: `\n` line endings only, NUL replaced by U+FFFD. */
  readonly src: string;
  /** Offsets in `src` of the `\n` of every `\r\n` that was shortened, ascending. */
  readonly shortened: readonly number[];
}

const NONE: readonly number[] = Object.freeze([]);

/** Normalizes `original` as markdown-it would, keeping what is needed to map offsets back. */
export function sourceTextOf(original: string): SourceText {
  // Two scans for one character each are several times faster than one for a character class.
  if (original.indexOf('\r') < 0 && original.indexOf('\0') < 0) return { original, src: original, shortened: NONE };
  const shortened: number[] = [];
  let out = '';
  let from = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 13) {
      out += original.slice(from, i) + '\n';
      if (original.charCodeAt(i + 1) === 10) {
        shortened.push(out.length - 1);
        i++;
      }
      from = i + 1;
    } else if (c === 0) {
      out += original.slice(from, i) + '\uFFFD';
      from = i + 1;
    }
  }
  return { original, src: out + original.slice(from), shortened };
}

/** The offset in the original text of offset `n` of the normalized text (a `\n` maps to its `\r`). */
export function originalOffset(source: SourceText, n: number): number {
  const s = source.shortened;
  if (s.length === 0 || n <= s[0]!) return n;
  // Count the shortened line endings strictly before `n`.
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! < n) lo = mid + 1;
    else hi = mid;
  }
  return n + lo;
}

/** The line ending as written in the original text at normalized offset `n` (which holds a `\n`). */
export function originalLineEnding(source: SourceText, n: number): string {
  const o = originalOffset(source, n);
  const c = source.original.charCodeAt(o);
  if (c === 13) return source.original.charCodeAt(o + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}
