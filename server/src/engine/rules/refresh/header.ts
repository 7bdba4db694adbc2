import type { RefreshColumn } from '../../config/localePack';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { cellTarget } from './shared';

const ROLES: readonly RefreshColumn[] = ['date', 'who', 'what', 'notes'];
const DEFAULT_REQUIRED: readonly RefreshColumn[] = ['date', 'who', 'what'];

/** The `requiredColumns` option: column roles the header must have (default date, who, what). */
function requiredColumns(ctx: PageContext): readonly RefreshColumn[] {
  const opt = ctx.options['requiredColumns'];
  if (!Array.isArray(opt)) return DEFAULT_REQUIRED;
  return ROLES.filter((r) => opt.includes(r));
}

/** `Date | Who Changed | What Changed` in the page's language, `(optional: Notes)` after it. */
function expectedHeader(ctx: PageContext, required: readonly RefreshColumn[]): string {
  const words = ctx.pack.refreshTable;
  const main = required.map((r) => words[r][0] ?? r).join(' | ');
  const optional = ROLES.filter((r) => !required.includes(r)).map((r) => words[r][0] ?? r);
  return optional.length ? t('`| {0} |` (optional: {1})', main, optional.map((w) => `\`${w}\``).join(', ')) : `\`| ${main} |\``;
}

/** The refresh-summary table's header names the date, who and what columns, and nothing unknown. */
export const header: PageRule = {
  id: 'refresh/header',
  target: 'page',
  description: t('The Refresh Summary table header has the Date, Who Changed and What Changed columns (Notes optional).'),
  defaultSeverity: 'error',
  check(ctx) {
    const table = ctx.doc.refresh?.table;
    if (!table) return;
    const required = requiredColumns(ctx);
    const expected = expectedHeader(ctx, required);
    const seen = new Set<RefreshColumn>();
    for (const cell of table.header.cells) {
      const role = ctx.vocabulary.refreshColumn(cell.text, ctx.doc.locale);
      if (role && !seen.has(role)) {
        seen.add(role);
        continue;
      }
      const message = role
        ? t('The column `{0}` appears twice in the refresh-summary header: the columns are {1}.', cell.text, expected)
        : cell.text
          ? t('`{0}` is not a refresh-summary column: the columns are {1}.', cell.text, expected)
          : t('This refresh-summary header cell is empty: the columns are {0}.', expected);
      ctx.report({ span: cellTarget(ctx.doc, cell), message });
    }
    const words = ctx.pack.refreshTable;
    const absent = required.filter((r) => !seen.has(r));
    if (absent.length === 0) return;
    ctx.report({
      span: table.header.span,
      message: t(
        'The refresh-summary header lacks the {0} column(s): the columns are {1}.',
        absent.map((r) => `\`${words[r][0] ?? r}\``).join(', '),
        expected,
      ),
    });
  },
};
