import type { OutlineLink } from '../parse/outline';
import { contains, span, type Span } from '../text/span';
import { isWhitespace } from '../text/whitespace';
import type { Include, Link } from './document';
import { parseLinkTarget } from './linkTarget';
import { nextOccurrence } from './nextOccurrence';

const INCLUDE = /\[!INCLUDE\s*\[([^\]]*)\]\(\s*([^)\s]*)(?:\s+"[^"]*")?\s*\)\s*\]/giu;

/** The `[!INCLUDE [title](path)]` of a page's paragraphs (spans in text order). */
export function includesOf(text: string, paragraphs: readonly Span[]): Include[] {
  const includes: Include[] = [];
  const bang = nextOccurrence(text, '[!');
  for (const ps of paragraphs) {
    if (bang(ps.start) + 2 > ps.end) continue;
    const src = text.slice(ps.start, ps.end);
    for (const m of src.matchAll(INCLUDE)) {
      const start = ps.start + m.index!;
      const rawTarget = m[2]!;
      const targetStart = start + m[0].indexOf(rawTarget, m[0].indexOf('](') + 2);
      includes.push({ title: m[1]!, target: parseLinkTarget(rawTarget), targetSpan: span(targetStart, targetStart + rawTarget.length), span: span(start, start + m[0].length) });
    }
  }
  return includes;
}

/** The links, images and definitions of a page with their targets, those inside an include left out. */
export function linksOf(text: string, outlineLinks: readonly OutlineLink[], includes: readonly Include[]): Link[] {
  const links: Link[] = [];
  for (const n of outlineLinks) {
    const s = n.span;
    if (includes.some((inc) => contains(inc.span, s))) continue;
    const targetSpan = linkTargetSpan(text, n);
    if (!targetSpan) continue;
    const raw = text.slice(targetSpan.start, targetSpan.end);
    links.push({ kind: n.kind, target: parseLinkTarget(raw), targetSpan, span: s, text: n.text });
  }
  return links;
}

/** Finds the span of a link's destination as written (inside `(...)`, or after `]:` for a definition). */
function linkTargetSpan(text: string, n: OutlineLink): Span | undefined {
  const s = n.span;
  if (n.kind === 'definition') {
    const colon = text.indexOf(']:', s.start);
    if (colon < 0 || colon > s.end) return undefined;
    let a = colon + 2;
    while (a < s.end && isWhitespace(text.charCodeAt(a))) a++;
    let b = a;
    if (text.charCodeAt(a) === 60 /* < */) {
      b = text.indexOf('>', a);
      return b < 0 ? undefined : span(a + 1, b);
    }
    while (b < s.end && !isWhitespace(text.charCodeAt(b))) b++;
    return span(a, b);
  }
  if (text.charCodeAt(s.start) === 60 /* < */ && text.charCodeAt(s.end - 1) === 62 /* > */) return span(s.start + 1, s.end - 1); // autolink
  // The destination follows the `](` that closes the link text.
  let open: number;
  if (n.contentEnd !== undefined) {
    open = text.indexOf('](', n.contentEnd);
  } else {
    open = text.indexOf('](', s.start);
  }
  if (open < 0 || open >= s.end) return undefined; // a reference link `[x][y]`
  let a = open + 2;
  while (a < s.end && isBlankOrLineEnding(text.charCodeAt(a))) a++;
  if (text.charCodeAt(a) === 60 /* < */) {
    const b = text.indexOf('>', a);
    return b < 0 || b > s.end ? undefined : span(a + 1, b);
  }
  let depth = 0;
  let b = a;
  while (b < s.end) {
    const c = text.charCodeAt(b);
    if (c === 92 /* \\ */) { b += 2; continue; }
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */) { if (depth === 0) break; depth--; }
    else if (isWhitespace(c)) break;
    b++;
  }
  return span(a, Math.min(b, s.end));
}

/** Space, tab, `\n` or `\r`. */
function isBlankOrLineEnding(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
