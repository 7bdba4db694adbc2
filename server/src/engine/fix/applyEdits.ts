/**
 * Applying fixes to a text: every fix's edits together or not at all, never two edits over the same
 * text. Pure string work; which fixes to apply is decided by the caller (see `fixWorkspace.ts`).
 */
import type { Fix, TextEdit } from '../lint/diagnostic';
import type { Span } from '../text/span';

/** True when two spans share text, or are both insertions at the same offset (their order would be a guess). */
function overlap(a: Span, b: Span): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === b.start && (a.start === a.end || b.start === b.end);
}

/** True when two spans overlap or touch: edits of different fixes that touch are not applied in the same pass. */
function touch(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when a span lies inside a text of `length` characters and does not run backwards. */
function validSpan(s: Span, length: number): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length;
}

/**
 * True when a fix's own edits can be applied together to a text of `length` characters: every span
 * inside the text and no two edits overlapping.
 */
export function isApplicable(fix: Fix, length: number): boolean {
  const edits = fix.edits;
  if (edits.length === 0) return false;
  for (let i = 0; i < edits.length; i++) {
    if (!validSpan(edits[i]!.span, length)) return false;
    for (let j = i + 1; j < edits.length; j++) if (overlap(edits[i]!.span, edits[j]!.span)) return false;
  }
  return true;
}

/**
 * Applies non-overlapping edits to a text. Text outside the edits' spans is kept byte for byte.
 * Throws when two edits overlap or a span lies outside the text: the caller chose them badly.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (!validSpan(e.span, text.length)) throw new RangeError(`edit span ${e.span.start}-${e.span.end} lies outside a text of ${text.length} characters`);
    if (i > 0 && overlap(sorted[i - 1]!.span, e.span)) throw new RangeError(`edits at ${sorted[i - 1]!.span.start}-${sorted[i - 1]!.span.end} and ${e.span.start}-${e.span.end} overlap`);
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/** Two fixes are the same repair when they make the same edits (two findings offering one sort, say). */
function sameEdits(a: Fix, b: Fix): boolean {
  if (a.edits.length !== b.edits.length) return false;
  const key = (f: Fix): string => JSON.stringify([...f.edits].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end).map((e) => [e.span.start, e.span.end, e.newText]));
  return key(a) === key(b);
}

/** What applying a set of fixes to one text did. */
export interface FixesApplied<F extends Fix> {
  /** The text after the applied fixes. */
  readonly text: string;
  /** The fixes whose edits are in `text` (a fix identical to an applied one counts as applied too). */
  readonly applied: readonly F[];
  /** The fixes left for a later pass: they overlap or touch an applied fix, or their edits are invalid. */
  readonly skipped: readonly F[];
}

/** The offset a fix starts at: its first edit's start. */
function startOf(fix: Fix): number {
  let min = Number.POSITIVE_INFINITY;
  for (const e of fix.edits) min = Math.min(min, e.span.start);
  return min;
}

/**
 * Applies as many of `fixes` as can go together in one pass. Fixes are taken in order of position
 * (then in the order given); a fix whose edits overlap or touch those of a fix already taken is
 * skipped for this pass, and a fix's edits are applied all together or not at all.
 */
export function applyFixes<F extends Fix>(text: string, fixes: readonly F[]): FixesApplied<F> {
  const order = fixes.map((fix, i) => ({ fix, i, start: startOf(fix) })).sort((a, b) => a.start - b.start || a.i - b.i);
  const taken: F[] = [];
  const applied: F[] = [];
  const skipped: F[] = [];
  const spans: Span[] = [];
  for (const { fix } of order) {
    if (taken.some((f) => sameEdits(f, fix))) {
      applied.push(fix);
      continue;
    }
    if (!isApplicable(fix, text.length) || fix.edits.some((e) => spans.some((s) => touch(s, e.span)))) {
      skipped.push(fix);
      continue;
    }
    taken.push(fix);
    applied.push(fix);
    for (const e of fix.edits) spans.push(e.span);
  }
  return { text: applyEdits(text, taken.flatMap((f) => f.edits)), applied, skipped };
}

/**
 * The single edit that turns `before` into `after`: the changed middle, once the common beginning and
 * end are set aside. undefined when the texts are equal. Never splits a surrogate pair or a CRLF.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  const splits = (s: string, i: number): boolean => {
    const prev = s.charCodeAt(i - 1);
    const next = s.charCodeAt(i);
    return (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) || (prev === 13 && next === 10);
  };
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while (end > 0 && (splits(before, before.length - end) || splits(after, after.length - end))) end--;
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}
