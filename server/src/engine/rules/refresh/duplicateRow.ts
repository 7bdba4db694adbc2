import type { Fix } from '../../lint/diagnostic';
import type { PlaybookDocument, Row } from '../../model/document';
import { span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { lineAt, lineNumber } from './shared';

/** A row's cells as written, whitespace folded, trailing empty cells dropped: equal keys mean identical rows. */
function rowKey(doc: PlaybookDocument, row: Row): string | undefined {
  const cells = row.cells.map((c) => doc.text.slice(c.span.start, c.span.end).replace(/\s+/gu, ' ').trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.length === 0 ? undefined : JSON.stringify(cells);
}

/** Deletes a row's whole line; the last line of the file takes the line break before it instead. */
function deleteFix(doc: PlaybookDocument, row: Row): Fix {
  const line = lineAt(doc, row.span.start);
  let del = line.full;
  if (line.full.end === line.content.end && line.content.start > 0) {
    const previous = lineAt(doc, line.content.start - 1);
    del = span(previous.content.end, line.content.end);
  }
  return { title: t('Delete the repeated row'), edits: [{ span: del, newText: '' }], safe: true };
}

/** No two refresh-summary rows are identical. */
export const duplicateRow: PageRule = {
  id: 'refresh/duplicate-row',
  target: 'page',
  description: t('No Refresh Summary row is repeated.'),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const doc = ctx.doc;
    const seen = new Map<string, Row>();
    for (const row of doc.refresh?.rows ?? []) {
      const key = rowKey(doc, row);
      if (key === undefined) continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, row);
        continue;
      }
      ctx.report({
        span: row.span,
        message: t('This row repeats the row on line {0} word for word: a change is recorded once; delete one of them.', lineNumber(doc, first.span.start)),
        related: [{ path: doc.path, span: first.span, message: t('The first occurrence of the row.') }],
        fixes: [deleteFix(doc, row)],
      });
    }
  },
};
