import { compareDates, formatDate, inferStyle, parseDate, type CalendarDate } from '../../dates/dateFormat';
import type { Fix } from '../../lint/diagnostic';
import type { FrontMatterEntry } from '../../model/document';
import { t } from '../../util/l10n';
import { describeDate } from '../refresh/shared';
import type { PageContext, PageRule } from '../rule';
import { msDateFormats, refreshAsMsDate, setValueEdit, stringOption } from './shared';

/** `` `M/D/YYYY`, `M/D/YY` `` for a message. */
function formatList(formats: readonly string[]): string {
  return formats.map((f) => `\`${f}\``).join(', ');
}

/** The formats with month and day swapped (`M/D/YYYY` → `D/M/YYYY`), to read a date typed day first. */
function swapped(formats: readonly string[]): string[] {
  return formats.map((f) => f.replace(/M+|D+/g, (x) => (x[0] === 'M' ? 'D' : 'M').repeat(x.length)));
}

/** Every date format any locale pack accepts, the page's own first: what a wrongly formatted date was probably meant in. */
function anyFormats(ctx: PageContext): string[] {
  const all = [...ctx.pack.dateFormats];
  for (const locale of ctx.vocabulary.locales) for (const f of ctx.vocabulary.pack(locale)?.dateFormats ?? []) if (!all.includes(f)) all.push(f);
  return all;
}

function setTo(ctx: PageContext, entry: FrontMatterEntry, key: string, value: string): Fix[] {
  return [{ title: t('Set {0} to `{1}`', key, value), edits: [setValueEdit(ctx.doc, entry, value)], safe: false }];
}

function reportFormat(ctx: PageContext, entry: FrontMatterEntry, key: string, value: string, formats: readonly string[]): void {
  const meant = parseDate(value, anyFormats(ctx))?.date;
  const rewritten = meant ? formatDate(meant, formats[0]!) : undefined;
  ctx.report({
    span: entry.valueSpan,
    message: rewritten
      ? t('`{0}` is not written as a `{1}` date: write {2} ({3}), i.e. `{4}`.', value, key, formatList(formats), describeDate(meant!), rewritten)
      : t('`{0}` is not a date in a `{1}` format: write it as {2}, for example `{3}`.', value, key, formatList(formats), formatDate(ctx.config.today, formats[0]!)),
    ...(rewritten ? { fixes: setTo(ctx, entry, key, rewritten) } : {}),
  });
}

function reportInvalid(ctx: PageContext, entry: FrontMatterEntry, key: string, value: string, formats: readonly string[], reason: 'month' | 'day' | 'year'): void {
  const why = reason === 'month' ? t('its month is not between 1 and 12') : reason === 'day' ? t('that month has no such day') : t('its year is out of range');
  const dayFirst = parseDate(value, swapped(formats))?.date;
  const style = inferStyle(value, formats) ?? formats[0]!;
  const fixed = dayFirst ? formatDate(dayFirst, style) : undefined;
  ctx.report({
    span: entry.valueSpan,
    message: fixed
      ? t('`{0}` is not a real date: {1}. `{2}` is written as {3}; did you mean `{4}` ({5})?', value, why, key, formatList(formats), fixed, describeDate(dayFirst!))
      : t('`{0}` is not a real date: {1}. `{2}` is written as {3}.', value, why, key, formatList(formats)),
    ...(fixed ? { fixes: setTo(ctx, entry, key, fixed) } : {}),
  });
}

function reportFuture(ctx: PageContext, entry: FrontMatterEntry, key: string, value: string, date: CalendarDate): void {
  const newest = refreshAsMsDate(ctx, value);
  ctx.report({
    span: entry.valueSpan,
    message: t('`{0}` ({1}) is in the future: `{2}` is the date of the last change, and today is {3}.', value, describeDate(date), key, describeDate(ctx.config.today)),
    ...(newest && newest !== value ? { fixes: setTo(ctx, entry, key, newest) } : {}),
  });
}

/** `ms.date` is a real date, written in an accepted format, and not in the future. */
export const date: PageRule = {
  id: 'frontmatter/date',
  target: 'page',
  description: t('The ms.date front-matter value is a real, past date in an accepted format (month first, like 9/27/2019).'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const key = stringOption(ctx.options, 'key', 'ms.date');
    const entry = ctx.doc.frontMatter?.byKey.get(key);
    const value = entry?.valueText.trim() ?? '';
    if (!entry || value === '' || typeof entry.value === 'object') return;
    const formats = msDateFormats(ctx);
    if (formats.length === 0) return;
    const m = parseDate(value, formats);
    if (!m) reportFormat(ctx, entry, key, value, formats);
    else if (!m.date) reportInvalid(ctx, entry, key, value, formats, m.invalid ?? 'day');
    else if (compareDates(m.date, ctx.config.today) > 0) reportFuture(ctx, entry, key, value, m.date);
  },
};
