import type { Vocabulary } from '../../config/vocabulary';
import type { Cell, PlaybookDocument, TaskTable } from '../../model/document';
import { span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageRule, Report } from '../rule';
import { isWellFormed, sliceOf } from './shared';

type Meaning = 'mandatory' | 'optional';

/**
 * What each letter means in some legend (any locale's default letters and this table's own), lower-cased;
 * a letter that means mandatory in one legend and optional in another is left out (ambiguous).
 */
function meanings(table: TaskTable, vocabulary: Vocabulary): Map<string, Meaning> {
  const seen = new Map<string, Set<Meaning>>();
  const add = (letter: string, m: Meaning): void => {
    const k = letter.toLowerCase();
    const s = seen.get(k) ?? new Set<Meaning>();
    s.add(m);
    seen.set(k, s);
  };
  add(table.legend.mandatory, 'mandatory');
  add(table.legend.optional, 'optional');
  for (const locale of vocabulary.locales) {
    const letters = vocabulary.pack(locale)?.mandatoryLetters;
    if (!letters) continue;
    add(letters.mandatory, 'mandatory');
    add(letters.optional, 'optional');
  }
  const out = new Map<string, Meaning>();
  for (const [k, s] of seen) if (s.size === 1) out.set(k, [...s][0]!);
  return out;
}

function check(doc: PlaybookDocument, table: TaskTable, cell: Cell, known: ReadonlyMap<string, Meaning>): Report | undefined {
  const { mandatory, optional } = table.legend;
  const value = cell.text;
  if (value === mandatory || value === optional) return undefined;
  const legendText = table.columns.mandatory !== undefined ? table.table.header.cells[table.columns.mandatory]!.text : `(${mandatory}) / (${optional})`;
  if (value === '') {
    return { span: cell.cellSpan, message: t('The mandatory/optional cell is empty: write `{0}` (mandatory) or `{1}` (optional), as the column header `{2}` says.', mandatory, optional, legendText) };
  }
  const meaning = value.length === 1 ? known.get(value.toLowerCase()) : undefined;
  if (!meaning) {
    return { span: cell.span, message: t('`{0}` is not a mandatory/optional letter: this table\'s legend `{1}` uses `{2}` for mandatory and `{3}` for optional.', value, legendText, mandatory, optional) };
  }
  const want = meaning === 'mandatory' ? mandatory : optional;
  const raw = sliceOf(doc, cell.span);
  const at = raw.indexOf(value);
  const fixes = at < 0 ? [] : [{ title: t('Write `{0}`', want), edits: [{ span: span(cell.span.start + at, cell.span.start + at + value.length), newText: want }], safe: true }];
  const message = value.toLowerCase() === want.toLowerCase()
    ? t('`{0}` should be written `{1}`, exactly as the column header `{2}` writes it.', value, want, legendText)
    : meaning === 'mandatory'
      ? t('`{0}` is not this table\'s letter for mandatory: the column header `{1}` uses `{2}` — write `{2}`.', value, legendText, want)
      : t('`{0}` is not this table\'s letter for optional: the column header `{1}` uses `{2}` — write `{2}`.', value, legendText, want);
  return { span: cell.span, message, fixes };
}

/** The M/O cell must use the letters of the table's own legend (`E` in German, `b` in Portuguese). */
export const mandatoryLetter: PageRule = {
  id: 'tasks/mandatory-letter',
  target: 'page',
  description: t('The mandatory/optional cell must hold one of the letters its column header defines.'),
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, vocabulary, report }) {
    for (const tt of doc.taskTables) {
      const known = meanings(tt, vocabulary);
      for (const row of tt.rows) {
        const cell = row.byColumn.mandatory;
        if (!cell || !isWellFormed(tt, row)) continue;
        const r = check(doc, tt, cell, known);
        if (r) report(r);
      }
    }
  },
};
