import { compareDates, formatDate, inferStyle, parseDate } from '../../dates/dateFormat';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { datedRows, describeDate, type DatedRow } from './shared';

/**
 * The formats `ms.date` is read in: the `formats` option when given, else the page language's
 * accepted formats (all of which list the month-first `M/D/YYYY` family first).
 */
function msDateFormats(ctx: PageContext): readonly string[] {
  const opt = ctx.options['formats'];
  if (Array.isArray(opt) && opt.length > 0 && opt.every((f) => typeof f === 'string')) return opt as string[];
  return ctx.pack.dateFormats;
}

/** The row with the newest real date that is not in the future (the first of equals). */
function newestRow(ctx: PageContext): DatedRow | undefined {
  let newest: DatedRow | undefined;
  for (const row of datedRows(ctx.doc)) {
    if (!row.date || compareDates(row.date, ctx.config.today) > 0) continue;
    if (!newest?.date || compareDates(row.date, newest.date) > 0) newest = row;
  }
  return newest;
}

/** `ms.date` is not older than the newest refresh-summary row. */
export const msDateStale: PageRule = {
  id: 'refresh/ms-date-stale',
  target: 'page',
  description: t('The ms.date front-matter value is not older than the newest Refresh Summary row.'),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const entry = ctx.doc.frontMatter?.byKey.get('ms.date');
    if (!entry || !entry.valueText) return;
    const formats = msDateFormats(ctx);
    const current = parseDate(entry.valueText, formats)?.date;
    if (!current) return;
    const newest = newestRow(ctx);
    if (!newest?.date || compareDates(current, newest.date) >= 0) return;
    const style = inferStyle(entry.valueText, formats) ?? formats[0];
    const replacement = style ? formatDate(newest.date, style) : undefined;
    ctx.report({
      span: entry.valueSpan,
      message: t(
        '`ms.date` is `{0}` ({1}), older than the newest refresh-summary row, dated `{2}` ({3}): set it to the date of the latest change.',
        entry.valueText,
        describeDate(current),
        newest.cell.text,
        describeDate(newest.date),
      ),
      related: [{ path: ctx.doc.path, span: newest.cell.span, message: t('The newest refresh-summary date.') }],
      ...(replacement && replacement !== entry.valueText
        ? { fixes: [{ title: t('Set ms.date to {0}', replacement), edits: [{ span: entry.valueSpan, newText: replacement }], safe: true }] }
        : {}),
    });
  },
};
