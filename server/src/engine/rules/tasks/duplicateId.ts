import type { Fix } from '../../lint/diagnostic';
import type { PlaybookDocument, TaskRow } from '../../model/document';
import { span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { boolOption, foldName, isTaskId, isWellFormed, lineOf } from './shared';

/** A fix deleting a row's whole line, when the line holds nothing but the row. */
function deleteLine(doc: PlaybookDocument, row: TaskRow): Fix | undefined {
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', row.span.start - 1) + 1;
  const nl = text.indexOf('\n', row.span.end);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  if (text.slice(lineStart, row.span.start).trim() !== '' || text.slice(row.span.end, nl < 0 ? text.length : nl).trim() !== '') return undefined;
  return { title: t('Delete this repeated row'), edits: [{ span: span(lineStart, lineEnd), newText: '' }], safe: true };
}

/** True when two rows say the same thing cell by cell (whitespace and case aside). */
function sameRow(a: TaskRow, b: TaskRow): boolean {
  return a.cells.length === b.cells.length && a.cells.every((c, i) => foldName(c.text, false) === foldName(b.cells[i]!.text, false));
}

/** A task ID is listed once per page. */
export const duplicateId: PageRule = {
  id: 'tasks/duplicate-id',
  target: 'page',
  description: t('A task ID must appear only once on a page.'),
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, options, report }) {
    const perTable = boolOption(options, 'perTable', false);
    const seenOnPage = new Map<string, TaskRow>();
    for (const tt of doc.taskTables) {
      const seen = perTable ? new Map<string, TaskRow>() : seenOnPage;
      for (const row of tt.rows) {
        const cell = row.byColumn.id;
        if (!cell || !isWellFormed(tt, row) || !isTaskId(cell.text)) continue;
        const first = seen.get(cell.text);
        if (!first) {
          seen.set(cell.text, row);
          continue;
        }
        const firstCell = first.byColumn.id!;
        const identical = sameRow(first, row);
        const fix = identical ? deleteLine(doc, row) : undefined;
        report({
          span: cell.span,
          message: identical
            ? t('Task {0} is listed twice on this page: this row repeats the one on line {1} word for word.', cell.text, lineOf(doc, first.span.start))
            : t('Task {0} is listed twice on this page: it already appears on line {1}. List each task once (merge the rows or correct the ID).', cell.text, lineOf(doc, first.span.start)),
          related: [{ path: doc.path, span: firstCell.span, message: t('Task {0} is first listed here.', cell.text) }],
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
  },
};
