import { formatDate, inferStyle } from '../../dates/dateFormat';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { datedRows, daysBetween, describeDate } from './shared';

/** The `graceDays` option: how many days past today a date may be (time zones); default 0. */
function graceDays(ctx: PageContext): number {
  const v = ctx.options['graceDays'];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}

/** No refresh-summary row is dated after today. */
export const futureDate: PageRule = {
  id: 'refresh/future-date',
  target: 'page',
  description: t('Refresh Summary dates are not in the future.'),
  defaultSeverity: 'error',
  check(ctx) {
    const today = ctx.config.today;
    const grace = graceDays(ctx);
    for (const { cell, date } of datedRows(ctx.doc)) {
      if (!date || daysBetween(today, date) <= grace) continue;
      const style = inferStyle(cell.text, ctx.pack.dateFormats);
      const todayText = style ? formatDate(today, style) : describeDate(today);
      ctx.report({
        span: cell.span,
        message: t(
          '`{0}` ({1}) is in the future (today is `{2}`): a refresh-summary row records a change already made; check the year, month and day.',
          cell.text,
          describeDate(date),
          todayText,
        ),
      });
    }
  },
};
