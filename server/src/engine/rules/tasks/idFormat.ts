import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { DEFAULT_ID_DIGITS, intOption, isPlainCell, isTaskId, isWellFormed } from './shared';

/** The digits a text would be if only punctuation and blanks around them were removed (`#3615.` → `3615`). */
function digitsOnly(text: string): string | undefined {
  const m = /^[^\p{L}\p{N}]*(\d+)[^\p{L}\p{N}]*$/u.exec(text);
  return m ? m[1] : undefined;
}

/** A task ID must be a 3–4 digit integer (a link around it is fine). */
export const idFormat: PageRule = {
  id: 'tasks/id-format',
  target: 'page',
  description: t('A task ID must be a 3–4 digit integer.'),
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, options, report }) {
    const min = intOption(options, 'minDigits', DEFAULT_ID_DIGITS.min);
    const max = Math.max(min, intOption(options, 'maxDigits', DEFAULT_ID_DIGITS.max));
    const example = min <= 4 && max >= 4 ? '3735' : '3735'.repeat(Math.ceil(min / 4) + 1).slice(0, Math.max(min, 1));
    const range = min === max ? String(min) : `${min}–${max}`;
    for (const tt of doc.taskTables) {
      for (const row of tt.rows) {
        const cell = row.byColumn.id;
        if (!cell || !isWellFormed(tt, row) || isTaskId(cell.text, min, max)) continue;
        if (cell.text === '') {
          report({ span: cell.cellSpan, message: t('This task row has no task ID: task IDs are {0} digit integers like `{1}`.', range, example) });
          continue;
        }
        const digits = digitsOnly(cell.text);
        if (digits !== undefined && digits !== cell.text && isTaskId(digits, min, max) && isPlainCell(doc, cell)) {
          report({
            span: cell.span,
            message: t('Task ID `{0}` has extra characters: task IDs are {1} digit integers like `{2}`; write `{3}`.', cell.text, range, example, digits),
            fixes: [{ title: t('Write the task ID as `{0}`', digits), edits: [{ span: cell.span, newText: digits }], safe: false }],
          });
        } else if (digits !== undefined && digits === cell.text) {
          report({ span: cell.span, message: t('Task ID `{0}` has {1} digits: task IDs are {2} digit integers like `{3}`.', cell.text, digits.length, range, example) });
        } else {
          report({ span: cell.span, message: t('Task ID `{0}` is not a number: task IDs are {1} digit integers like `{2}`.', cell.text, range, example) });
        }
      }
    }
  },
};
