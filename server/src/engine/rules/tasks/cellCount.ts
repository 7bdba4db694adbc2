import type { Fix } from '../../lint/diagnostic';
import type { PlaybookDocument, TaskRow, TaskTable } from '../../model/document';
import { span, type Span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageContext, PageRule, Report } from '../rule';
import { rowShape, sliceOf } from './shared';

/** The `||` (or `| |`) an empty cell makes: from its leading pipe through the next cell's pipe. */
function emptyCellSpan(doc: PlaybookDocument, row: TaskRow, index: number): Span {
  const cell = row.cells[index]!;
  const end = doc.text[cell.cellSpan.end] === '|' ? cell.cellSpan.end + 1 : cell.cellSpan.end;
  return span(cell.cellSpan.start, end);
}

/** What removing an empty cell deletes: its leading pipe and blanks (the row's closing pipe stays). */
function removable(doc: PlaybookDocument, row: TaskRow, index: number): Span {
  const cs = row.cells[index]!.cellSpan;
  const last = index === row.cells.length - 1;
  return last && cs.end - cs.start > 1 && doc.text[cs.end - 1] === '|' ? span(cs.start, cs.end - 1) : cs;
}

/** How the pipes around an empty cell read in a message: `||` or `| |`. */
function pipesText(doc: PlaybookDocument, s: Span): string {
  return sliceOf(doc, s).replace(/\s+/g, ' ');
}

/** The text of the cell before an index, for "after `5102`" in messages; undefined at the start of the row. */
function previous(row: TaskRow, index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) if (row.cells[i]!.text !== '') return row.cells[i]!.text;
  return undefined;
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function extraEmpty(doc: PlaybookDocument, row: TaskRow, h: number, index: number, certain: boolean): Report {
  const where = emptyCellSpan(doc, row, index);
  const pipes = pipesText(doc, where);
  const prev = previous(row, index);
  const n = row.cells.length;
  const message = prev === undefined
    ? t('This row has {0} cells but the header has {1}: the `{2}` at the start of the row makes an empty cell that shifts the rest of the row.', n, h, pipes)
    : t('This row has {0} cells but the header has {1}: the `{2}` after `{3}` makes an empty cell that shifts the rest of the row.', n, h, pipes, clip(prev));
  const fix: Fix = { title: t('Remove the extra `|`'), edits: [{ span: removable(doc, row, index), newText: '' }], safe: true };
  return { span: where, message, ...(certain ? { fixes: [fix] } : {}) };
}

function joined(doc: PlaybookDocument, row: TaskRow, h: number, separators: readonly number[]): Report {
  const first = separators[0]!;
  const where = emptyCellSpan(doc, row, first);
  const prev = previous(row, first) ?? '';
  const message = t('This line holds {0} task rows run together ({1} cells, the header has {2}): the `{3}` after `{4}` should be a line break between two rows.', separators.length + 1, row.cells.length, h, pipesText(doc, where), clip(prev));
  const edits = separators.map((i) => ({ span: row.cells[i]!.cellSpan, newText: `|${doc.eol}` }));
  return { span: where, message, fixes: [{ title: t('Put each task row on its own line'), edits, safe: true }] };
}

function checkRow(ctx: PageContext, tt: TaskTable, row: TaskRow): void {
  const { doc, report } = ctx;
  const h = tt.table.header.cells.length;
  const n = row.cells.length;
  const shape = rowShape(doc, tt, row, ctx.vocabulary);
  switch (shape.kind) {
    case 'ok':
      return;
    case 'conflict':
      report({ span: row.span, message: t('This line is a leftover merge-conflict marker (`{0}`) inside the task table: resolve the conflict, keep the right rows and delete the marker lines.', clip(shape.marker)) });
      return;
    case 'extraEmpty':
      report(extraEmpty(doc, row, h, shape.emptyIndex, shape.certain));
      return;
    case 'joined':
      report(joined(doc, row, h, shape.separators));
      return;
    case 'tooMany': {
      const extra = span(row.cells[h]!.cellSpan.start, row.cells[n - 1]!.cellSpan.end);
      report({ span: extra, message: t('This row has {0} cells but the header has {1}: a `|` inside a cell splits it (write `\\|` for a literal pipe), or the header lacks a column.', n, h) });
      return;
    }
    case 'missingPipe': {
      const cell = row.cells[shape.cellIndex]!;
      report({
        span: cell.span,
        message: t('This row has {0} cells but the header has {1}: `{2}` is two cells run together; a `|` is missing after `{3}`.', n, h, clip(cell.text), shape.before),
        fixes: [{ title: t('Insert the missing `|` after `{0}`', shape.before), edits: [{ span: span(shape.insertAt, shape.insertAt), newText: ' |' }], safe: true }],
      });
      return;
    }
    case 'tooFew':
      report({ span: row.span, message: t('This row has {0} cells but the header has {1}: {2} cell(s) missing, so the cells do not line up with their columns. Add the missing `|`-separated cells.', n, h, h - n) });
      return;
  }
}

/** Every row of an FTOP task table must have as many cells as its header; a doubled `||` is the usual culprit. */
export const cellCount: PageRule = {
  id: 'tasks/cell-count',
  target: 'page',
  description: t('Every row of an FTOP task table must have exactly as many cells as the header.'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    for (const tt of ctx.doc.taskTables) for (const row of tt.rows) checkRow(ctx, tt, row);
  },
};
