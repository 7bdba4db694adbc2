/**
 * The number of monospace columns a text takes in an editor: East Asian Wide and Fullwidth characters
 * (CJK ideographs, kana, Hangul syllables, full-width forms, most emoji) count 2, combining marks and
 * zero-width characters 0, everything else 1. Written from Unicode's EastAsianWidth property (ranges
 * of W and F, slightly merged); no dependency.
 */

/** Code point ranges of East Asian Wide (W) and Fullwidth (F) characters, sorted, inclusive. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4], [0x17000, 0x18aff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb], [0x1f900, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/** Zero-width code points that are not combining marks: ZWSP/ZWNJ/ZWJ, word joiner, BOM, soft hyphen, variation selectors. */
const ZERO_WIDTH = /^[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\ufe00-\ufe0f]$/u;
/** Combining marks (Mn, Mc, Me) and other non-printing format characters. */
const MARK = /^[\p{M}\p{Cf}]$/u;

/** True when a code point is East Asian Wide or Fullwidth. */
export function isWide(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid]!;
    if (codePoint < a) hi = mid - 1;
    else if (codePoint > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The display width of one code point: 0, 1 or 2 columns. */
export function codePointWidth(codePoint: number): number {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (codePoint < 0x300) return codePoint === 0xad ? 0 : 1;
  const ch = String.fromCodePoint(codePoint);
  if (ZERO_WIDTH.test(ch) || MARK.test(ch)) return 0;
  return isWide(codePoint) ? 2 : 1;
}

/** The number of monospace columns `text` occupies (a CJK ideograph counts 2, a combining accent 0). */
export function stringWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      width++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    width += codePointWidth(cp);
  }
  return width;
}
