/**
 * Heading anchor ids as docfx renders them.
 *
 * docfx builds pages with Markdig's auto-identifier extension in `AutoIdentifierOptions.GitHub`
 * mode. This module reproduces that behaviour (written from its observable rules, not its code):
 *
 * - The heading's inlines are rendered as plain text: emphasis and link markup vanish but their
 *   text stays, an image contributes its alt text, inline code its content, entities are decoded
 *   (`&nbsp;` becomes U+00A0), inline HTML tags vanish, and a soft line break (setext headings)
 *   becomes a newline. The caller passes that plain text to {@link Slugger.slug}.
 * - Each UTF-16 code unit is then examined on its own:
 *   - a letter (Unicode categories Lu Ll Lt Lm Lo) or decimal digit (Nd) is kept, lower-cased with
 *     .NET's invariant simple case mapping (so `İ` U+0130 stays as it is, and a Greek capital sigma
 *     always becomes `σ`, never the final form `ς`);
 *   - `-` and `_` are kept;
 *   - the ASCII space U+0020 becomes `-` (each one: `a - b` gives `a---b`; nothing is collapsed or
 *     trimmed);
 *   - everything else is dropped: other punctuation and symbols (including full-width `（）：`),
 *     tabs, newlines, no-break and ideographic spaces, combining marks (so a decomposed `é` gives
 *     `e`), letter-like numbers (`Ⅻ`, `②`, `²`), and every surrogate, which drops emoji and any
 *     letter outside the Basic Multilingual Plane.
 * - Leading digits and punctuation are kept (`1.0 Intro` gives `10-intro`): the "start at the first
 *   letter" rule of Markdig's default mode does not apply in GitHub mode.
 * - An empty result becomes `section`.
 * - Within one parsed document, an id already taken gets `-1`, `-2`, ... appended to the base id,
 *   skipping any suffix that is itself taken (a heading literally named `a-1` counts).
 *
 * An included file (`[!INCLUDE]`) is rendered by docfx as a separate Markdig document, so its
 * headings are de-duplicated in a scope of their own, not against the including page.
 */

/** Turns heading text into an anchor id. */
export interface Slugger {
  /** The id for a heading whose plain text is `text`, before any duplicate suffix. */
  slug(text: string): string;
}

/** Tracks duplicates within one document: first `a`, then `a-1`, `a-2`. */
export interface SlugScope {
  /** Slugs `text`, suffixes the id if it is already taken in this scope, records and returns it. */
  add(text: string): string;
  /** Whether `id` has been handed out by this scope. */
  has(id: string): boolean;
}

/** The id Markdig gives a heading whose text slugs to nothing. */
export const EMPTY_HEADING_ID = 'section';

/** Letters and decimal digits, as .NET's `char.IsLetterOrDigit` classifies them. */
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;

/** Lower-cased form of each non-ASCII code unit seen so far; -1 when the unit is dropped. */
const nonAsciiCache = new Map<number, number>();

/** The code units of the id being built (reused: ids are built one at a time). */
const units: number[] = [];

/** Code units turned into a string per call (well below any engine's limit on arguments). */
const CHUNK = 8192;

/**
 * Markdig's GitHub-mode urilization of plain heading text, without the `section` fallback:
 * returns `''` when nothing survives.
 */
export function urilizeAsGfm(text: string): string {
  units.length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x5f) {
        units.push(code);
      } else if (code >= 0x41 && code <= 0x5a) {
        units.push(code + 0x20);
      } else if (code === 0x20) {
        units.push(0x2d);
      }
      continue;
    }
    const mapped = nonAscii(code);
    if (mapped >= 0) units.push(mapped);
  }
  // One flat string: appending unit by unit would leave a chain of string pieces that every model keeps.
  if (units.length <= CHUNK) return String.fromCharCode.apply(null, units);
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode.apply(null, units.slice(i, i + CHUNK));
  return out;
}

/** What a single non-ASCII UTF-16 code unit contributes to an id: a code unit, or -1 when it is dropped. */
function nonAscii(code: number): number {
  let mapped = nonAsciiCache.get(code);
  if (mapped === undefined) {
    mapped = classifyNonAscii(code);
    nonAsciiCache.set(code, mapped);
  }
  return mapped;
}

/** Classifies one non-ASCII code unit (uncached). */
function classifyNonAscii(code: number): number {
  // A lone surrogate half is never a letter for .NET's per-char test.
  if (code >= 0xd800 && code <= 0xdfff) return -1;
  const ch = String.fromCharCode(code);
  if (!LETTER_OR_DIGIT.test(ch)) return -1;
  // .NET's invariant lower-casing leaves U+0130 alone; JavaScript would expand it to `i̇`.
  if (code === 0x130) return code;
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** The docfx (Markdig `AutoIdentifierOptions.GitHub`) slugger. */
export class DocfxSlugger implements Slugger {
  /** The id for a heading whose plain text is `text`: its urilized form, or `section` when empty. */
  slug(text: string): string {
    const id = urilizeAsGfm(text);
    return id === '' ? EMPTY_HEADING_ID : id;
  }

  /** A fresh duplicate-tracking scope: use one per rendered document (page or included file). */
  createScope(): SlugScope {
    return new DocfxSlugScope(this);
  }
}

/** Duplicate tracking with Markdig's `-1`, `-2` suffix scheme. */
class DocfxSlugScope implements SlugScope {
  private readonly taken = new Set<string>();

  constructor(private readonly slugger: Slugger) {}

  add(text: string): string {
    const base = this.slugger.slug(text);
    let id = base;
    for (let n = 1; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }
}
