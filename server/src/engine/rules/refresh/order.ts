import { compareDates } from '../../dates/dateFormat';
import type { Fix } from '../../lint/diagnostic';
import type { PlaybookDocument } from '../../model/document';
import { span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { datedRows, lineAt, lineNumber, type DatedRow } from './shared';

/**
 * The fix that puts the rows newest first by moving whole lines (text, trailing spaces and line
 * endings untouched; rows with the same date keep their order). Withheld when a date is missing,
 * impossible or in the future, since the right place of that row is unknown.
 */
function sortFix(ctx: PageContext, rows: readonly DatedRow[]): Fix | undefined {
  const doc: PlaybookDocument = ctx.doc;
  if (rows.some((r) => !r.date || compareDates(r.date, ctx.config.today) > 0)) return undefined;
  if (rows.length !== (doc.refresh?.rows.length ?? 0)) return undefined;
  const lines = rows.map((r) => lineAt(doc, r.row.span.start));
  for (let i = 1; i < lines.length; i++) if (lines[i]!.content.start !== lines[i - 1]!.full.end) return undefined; // not consecutive lines
  const order = rows.map((r, i) => ({ date: r.date!, i })).sort((a, b) => compareDates(b.date, a.date) || a.i - b.i);
  const first = lines[0]!.content.start;
  const last = lines[lines.length - 1]!.content.end;
  let newText = '';
  order.forEach((o, k) => {
    const line = lines[o.i]!.content;
    newText += doc.text.slice(line.start, line.end);
    if (k < lines.length - 1) newText += doc.text.slice(lines[k]!.content.end, lines[k]!.full.end);
  });
  return { title: t('Sort the refresh-summary rows newest first'), edits: [{ span: span(first, last), newText }], safe: true };
}

/** Refresh-summary rows are listed newest first. */
export const order: PageRule = {
  id: 'refresh/order',
  target: 'page',
  description: t('Refresh Summary rows are listed newest first.'),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const rows = datedRows(ctx.doc);
    let previous: DatedRow | undefined;
    for (const row of rows) {
      if (!row.date) continue;
      if (previous?.date && compareDates(row.date, previous.date) > 0) {
        const fix = sortFix(ctx, rows);
        ctx.report({
          span: row.cell.span,
          message: t(
            'The row dated `{0}` (line {1}) is newer than the row above it, dated `{2}` (line {3}): list refresh-summary rows newest first.',
            row.cell.text,
            lineNumber(ctx.doc, row.cell.span.start),
            previous.cell.text,
            lineNumber(ctx.doc, previous.cell.span.start),
          ),
          related: [{ path: ctx.doc.path, span: previous.cell.span, message: t('The older row above it.') }],
          ...(fix ? { fixes: [fix] } : {}),
        });
        return;
      }
      previous = row;
    }
  },
};
