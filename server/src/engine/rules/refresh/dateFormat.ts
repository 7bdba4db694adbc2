import { dateFields, type DateMatch } from '../../dates/dateFormat';
import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { cellTarget, datedRows, formatList, monthName } from './shared';

/** Why a date that has an accepted shape is impossible, in words, or undefined when the model cannot say. */
function whyImpossible(text: string, match: DateMatch): string | undefined {
  const f = dateFields(text, match.format);
  if (!f) return undefined;
  if (match.invalid === 'month' && f.month !== undefined) return t('read as `{0}`, its month is {1}, but months go from 1 to 12', match.format, f.month);
  if (match.invalid === 'day' && f.day !== undefined && f.month !== undefined && f.year !== undefined) {
    return f.day < 1
      ? t('read as `{0}`, its day is {1}, but days start at 1', match.format, f.day)
      : t('read as `{0}`, day {1} does not exist in {2} {3}', match.format, f.day, monthName(f.month), f.year);
  }
  if (match.invalid === 'year') return t('read as `{0}`, it has no valid year', match.format);
  return undefined;
}

/** Every refresh-summary date is a real date in one of the page language's accepted formats. */
export const dateFormat: PageRule = {
  id: 'refresh/date-format',
  target: 'page',
  description: t('Every Refresh Summary date is a real date written in an accepted format for the page language.'),
  defaultSeverity: 'error',
  check(ctx) {
    const formats = ctx.pack.dateFormats;
    const accepted = formatList(formats);
    for (const { cell, match, date } of datedRows(ctx.doc)) {
      if (date) continue;
      if (!cell.text) {
        ctx.report({ span: cellTarget(ctx.doc, cell), message: t('This refresh-summary row has no date: write the date of the change as {0}.', accepted) });
        continue;
      }
      const why = match ? whyImpossible(cell.text, match) : undefined;
      const message = why
        ? t('`{0}` is not a real date ({1}): write the date of the change as {2}.', cell.text, why, accepted)
        : t('`{0}` is not a date in an accepted format: write the date of the change as {1} (M = month, D = day, one or two digits each; YYYY = four-digit year).', cell.text, accepted);
      ctx.report({ span: cell.span, message });
    }
  },
};
