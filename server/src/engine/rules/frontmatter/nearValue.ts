import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { enumChecked, numberOption, setValueEdit, stringListOption, typoDistance } from './shared';

/** Keys whose values are aliases or codes repeated across pages, by default. */
export const DEFAULT_KEYS: readonly string[] = ['ms.author', 'manager', 'ft.owner', 'author', 'ms.topic', 'ms.prod', 'ms.custom', 'ft.audience'];

/** The frequent value a rare value is a typo of, if any. */
interface Suggestion {
  readonly value: string;
  readonly count: number;
  readonly distance: number;
}

/**
 * The value used often for `key` that `value` is one or two edits (a swap of neighbours counts as one)
 * away from. Two edits only for values of seven characters or more; nothing for values under four.
 */
function suggest(ctx: PageContext, key: string, value: string): Suggestion | undefined {
  const minCount = numberOption(ctx.options, 'minCount', 3);
  const ratio = numberOption(ctx.options, 'ratio', 5);
  const maxDistance = numberOption(ctx.options, 'maxDistance', 2);
  const counts = ctx.index.valueCounts(key);
  const own = counts.get(value) ?? 1;
  let best: Suggestion | undefined;
  for (const [candidate, count] of counts) {
    if (candidate === value || count < minCount || count < ratio * own) continue;
    const distance = typoDistance(value, candidate);
    const allowed = Math.min(maxDistance, value.length < 4 ? 0 : value.length < 7 ? 1 : 2);
    if (distance > allowed) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { value: candidate, count, distance };
  }
  return best;
}

/** A value one or two letters away from a value many pages use for the same key is probably a typo of it. */
export const nearValue: PageRule = {
  id: 'frontmatter/near-value',
  target: 'page',
  description: t('A front-matter value is not a near-miss of a value many other pages use for the same key (a typo of an alias).'),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const fm = ctx.doc.frontMatter;
    if (!fm) return;
    for (const key of stringListOption(ctx.options, 'keys', DEFAULT_KEYS)) {
      const entry = fm.byKey.get(key);
      if (!entry || typeof entry.value !== 'string') continue;
      const value = entry.value.trim();
      // The schema rule reports values outside an enum on the pages it checks, with its own suggestion.
      if (value === '' || enumChecked(ctx, key)) continue;
      const s = suggest(ctx, key, value);
      if (!s) continue;
      const away = s.distance === 1 ? t('one letter') : t('two letters');
      ctx.report({
        span: entry.valueSpan,
        message: t('`{0}` is {1} away from `{2}`, the `{3}` value {4} pages use: did you mean `{2}`?', value, away, s.value, key, s.count),
        fixes: [{ title: t('Set {0} to `{1}`', key, s.value), edits: [setValueEdit(ctx.doc, entry, s.value)], safe: false }],
        data: { suggestion: s.value },
      });
    }
  },
};
