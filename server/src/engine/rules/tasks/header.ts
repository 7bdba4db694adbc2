import type { LocalePack, TaskColumn } from '../../config/localePack';
import type { Cell, TaskTable } from '../../model/document';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { listOption, sliceOf } from './shared';

const COLUMNS: readonly TaskColumn[] = ['id', 'name', 'mandatory', 'role', 'services'];

/** The header word a locale uses for a column (its first spelling), or the role id when the pack has none. */
function columnWord(pack: LocalePack, col: TaskColumn): string {
  return pack.taskTable[col]?.[0] ?? col;
}

/** The header the locale expects, as a Markdown row text. */
function expectedHeader(pack: LocalePack, columns: readonly TaskColumn[]): string {
  return columns.map((c) => columnWord(pack, c)).join(' | ');
}

function checkTable(ctx: PageContext, tt: TaskTable, servicesOptional: boolean): void {
  const { doc, pack, vocabulary, report } = ctx;
  const header = tt.table.header;
  const required = COLUMNS.filter((c) => !(c === 'services' && servicesOptional));
  const expected = expectedHeader(pack, servicesOptional && tt.columns.services === undefined ? required : COLUMNS);
  const missing = required.filter((c) => tt.columns[c] === undefined);
  const unknown: Cell[] = [];
  header.cells.forEach((cell, i) => {
    const col = vocabulary.taskColumn(cell.text, doc.locale);
    if (col !== undefined && tt.columns[col] !== undefined && tt.columns[col] !== i) {
      report({
        span: cell.span,
        message: t('Header cell `{0}` repeats the `{1}` column: an FTOP task table has each column once (`{2}`).', cell.text, columnWord(pack, col), expected),
        related: [{ path: doc.path, span: header.cells[tt.columns[col]!]!.span, message: t('The first `{0}` column.', columnWord(pack, col)) }],
      });
    } else if (col === undefined) unknown.push(cell);
  });
  for (const cell of unknown) {
    const rename = unknown.length === 1 && missing.length === 1 ? columnWord(pack, missing[0]!) : undefined;
    const message = cell.text === ''
      ? t('This FTOP task table has an empty header cell: the header should read `{0}`.', expected)
      : t('Header cell `{0}` is not a known FTOP task-table column: the header should read `{1}`.', cell.text, expected);
    const plain = sliceOf(doc, cell.span) === cell.text;
    report({
      span: cell.text === '' ? cell.cellSpan : cell.span,
      message,
      ...(rename && plain && cell.text !== '' ? { fixes: [{ title: t('Rename the column to `{0}`', rename), edits: [{ span: cell.span, newText: rename }], safe: false }] } : {}),
    });
  }
  // A missing column that an unknown cell stands in for is reported on that cell (above), not again on the row.
  if (unknown.length === 1 && missing.length === 1) return;
  if (missing.length === 0) return;
  report({
    span: header.span,
    message: missing.length === 1
      ? t('This FTOP task table has no `{0}` column: the header should read `{1}`.', columnWord(pack, missing[0]!), expected)
      : t('This FTOP task table lacks the columns {0}: the header should read `{1}`.', missing.map((c) => `\`${columnWord(pack, c)}\``).join(', '), expected),
    data: { missingColumns: missing },
  });
}

/** An FTOP task table's header must name the ID, name, M/O, role (and usually services) columns and nothing else. */
export const header: PageRule = {
  id: 'tasks/header',
  target: 'page',
  description: t('An FTOP task table header must have the Task ID, Task Name, (M)andatory / (O)ptional, FastTrack Role and Services columns.'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const optionalOn = listOption(ctx.options, 'servicesOptionalOn', ['approach']);
    const servicesOptional = optionalOn.includes(ctx.doc.kind);
    for (const tt of ctx.doc.taskTables) checkTable(ctx, tt, servicesOptional);
  },
};
