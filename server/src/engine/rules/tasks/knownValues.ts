/**
 * The check shared by `tasks/unknown-role` and `tasks/unknown-service`: each value of a (possibly
 * multi-value) cell or label must be in the locale's vocabulary; the nearest known value is suggested.
 * Not a rule: the two rules supply the vocabulary and the wording.
 */
import type { Fix } from '../../lint/diagnostic';
import type { Span } from '../../text/span';
import { editDistance, nearestUnique, normalizeWord } from '../../util/text';
import type { PageContext } from '../rule';
import { intOption, listOption, splitValues, stringOption, type ValuePart } from './shared';

/** The vocabulary and wording one rule checks values against. */
export interface KnownValues {
  /** True when a value is known (in any locale). */
  isKnown(value: string, locale: string): boolean;
  /** Known values of a locale, as written in the pack. */
  list(locale: string): readonly string[];
  /** The message for an unknown value with a suggestion: `{0}` value, `{1}` suggestion. */
  suggest(value: string, suggestion: string): string;
  /** The message for an unknown value without a suggestion: `{0}` value, `{1}` language name, `{2}` examples. */
  unknown(value: string, language: string, examples: string): string;
  /** The message for an empty value: `{0}` examples. */
  empty(examples: string): string;
  /** The fix title: `{0}` suggestion. */
  fixTitle(suggestion: string): string;
}

/** The options both rules read. */
export interface KnownValueOptions {
  readonly separator: string;
  readonly ignore: ReadonlySet<string>;
  readonly maxSuggestionDistance: number;
}

/** Reads the shared options (`separator`, `ignore`, `maxSuggestionDistance`). */
export function knownValueOptions(options: Readonly<Record<string, unknown>>): KnownValueOptions {
  return {
    separator: stringOption(options, 'separator', '/'),
    ignore: new Set(listOption(options, 'ignore', ['-']).map(normalizeWord)),
    maxSuggestionDistance: intOption(options, 'maxSuggestionDistance', 2),
  };
}

/** True when `needle` occurs in `hay` with no letter or digit right before or after it. */
function containsWord(hay: string, needle: string): boolean {
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay.slice(0, i);
    const after = hay.slice(i + needle.length);
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** The known value nearest to an unknown one: within a few edits, else the longest known value it contains as words. */
function suggestion(value: string, known: readonly string[], maxDistance: number): string | undefined {
  const byKey = new Map<string, string>();
  for (const k of known) if (!byKey.has(normalizeWord(k))) byKey.set(normalizeWord(k), k);
  const key = normalizeWord(value);
  const near = nearestUnique(key, byKey.keys(), maxDistance);
  // A short known value is only suggested for a one-letter slip: `XY` is not a typo of `FE`.
  if (near !== undefined && editDistance(key, near, maxDistance) <= Math.min(maxDistance, Math.max(1, Math.floor(near.length / 3)))) return byKey.get(near);
  const inside = [...byKey.keys()].filter((k) => k.length > 1 && containsWord(key, k)).sort((a, b) => b.length - a.length);
  if (inside.length === 0 || (inside.length > 1 && inside[1]!.length === inside[0]!.length)) return undefined;
  return byKey.get(inside[0]!);
}

/**
 * Checks the values under a span (a cell's content or a label's value), split at the separator.
 * `plain` says the source under the span is plain text, so parts can be located and fixed exactly;
 * otherwise the value is judged whole and reported on `fallback` without a fix.
 */
export function checkValues(ctx: PageContext, kind: KnownValues, opts: KnownValueOptions, s: Span, text: string, plain: boolean, fallback: Span): void {
  const { doc, report } = ctx;
  const parts: ValuePart[] = plain ? splitValues(doc, s, opts.separator) : text.split(opts.separator).map((p) => ({ text: p.trim(), span: fallback }));
  const known = kind.list(doc.locale).length > 0 ? kind.list(doc.locale) : ctx.vocabulary.locales.flatMap((l) => kind.list(l));
  const examples = known.filter((k) => k.length > 3).slice(0, 3).map((k) => `\`${k}\``).join(', ');
  if (parts.length === 1 && parts[0]!.text === '') {
    report({ span: fallback, message: kind.empty(examples) });
    return;
  }
  for (const part of parts) {
    if (opts.ignore.has(normalizeWord(part.text)) || (part.text !== '' && kind.isKnown(part.text, doc.locale))) continue;
    const where = plain ? part.span : fallback;
    if (part.text === '') {
      report({ span: where, message: kind.empty(examples) });
      continue;
    }
    const near = suggestion(part.text, known, opts.maxSuggestionDistance);
    const oneEdit = near !== undefined && editDistance(normalizeWord(part.text), normalizeWord(near), 1) <= 1;
    const fixes: Fix[] = near !== undefined && oneEdit && plain ? [{ title: kind.fixTitle(near), edits: [{ span: part.span, newText: near }], safe: false }] : [];
    report({
      span: where,
      message: near !== undefined ? kind.suggest(part.text, near) : kind.unknown(part.text, ctx.pack.name, examples),
      ...(fixes.length ? { fixes } : {}),
      ...(near !== undefined ? { data: { suggestion: near } } : {}),
    });
  }
}
