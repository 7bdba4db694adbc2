import type { Vocabulary } from '../../config/vocabulary';
import type { Cell, PlaybookDocument, TaskTable } from '../../model/document';
import type { Span } from '../../text/span';
import { t } from '../../util/l10n';
import { basename } from '../../util/paths';
import type { PageRule } from '../rule';
import { boolOption, isTaskId, logicalRows } from './shared';

/** The task IDs of each task table of a page, in order of first appearance, each with its ID cell (shape damage undone). */
function idsByTable(doc: PlaybookDocument, vocabulary: Vocabulary): Array<Map<string, Cell>> {
  return doc.taskTables.map((tt) => {
    const out = new Map<string, Cell>();
    for (const r of logicalRows(doc, tt, vocabulary)) {
      const cell = r.byColumn.id;
      if (cell && isTaskId(cell.text) && !out.has(cell.text)) out.set(cell.text, cell);
    }
    return out;
  });
}

/** All IDs of a page, first occurrence first. */
function allIds(tables: ReadonlyArray<Map<string, Cell>>): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const t of tables) for (const [id, cell] of t) if (!out.has(id)) out.set(id, cell);
  return out;
}

/** Where a finding about a task table goes: its FTOP Tasks heading, else its header row. */
function anchorOfTable(tt: TaskTable): Span {
  return tt.table.heading?.canonical === 'ftopTasks' ? tt.table.heading.textSpan : tt.table.header.span;
}

/** Where a page-level finding goes: the first table's anchor, or the page title when there is no task table. */
function anchorOf(doc: PlaybookDocument): Span {
  const first = doc.taskTables[0];
  if (first) return anchorOfTable(first);
  return doc.h1s[0]?.textSpan ?? { start: 0, end: 0 };
}

/**
 * The translation's table that corresponds to each source table: the one sharing the most task IDs
 * with it, else the one at the same position when both pages have as many tables; -1 when unknown.
 */
function correspondingTables(source: ReadonlyArray<Map<string, Cell>>, mine: ReadonlyArray<Map<string, Cell>>): number[] {
  return source.map((ids, i) => {
    let best = -1;
    let bestShared = 0;
    mine.forEach((m, j) => {
      let shared = 0;
      for (const id of ids.keys()) if (m.has(id)) shared++;
      if (shared > bestShared) {
        best = j;
        bestShared = shared;
      }
    });
    if (best >= 0) return best;
    return source.length === mine.length ? i : -1;
  });
}

/** A translated page lists the same FTOP task IDs as its source-language page. */
export const translationParity: PageRule = {
  id: 'tasks/translation-parity',
  target: 'page',
  description: t('A translated page must list the same FTOP task IDs as its source page.'),
  defaultSeverity: 'warning',
  check({ doc, index, vocabulary, config, options, report }) {
    const sourcePath = index.sourceOf(doc)?.path;
    const source = sourcePath !== undefined ? index.document(sourcePath) : undefined;
    if (!source) return;
    const mineByTable = idsByTable(doc, vocabulary);
    const theirsByTable = idsByTable(source, vocabulary);
    const mine = allIds(mineByTable);
    const theirs = allIds(theirsByTable);
    const language = vocabulary.pack(config.defaults.sourceLocale)?.name ?? config.defaults.sourceLocale;
    const file = basename(source.path);
    if (boolOption(options, 'reportMissing', true)) {
      // Missing IDs are reported where they belong: on the translated table matching the source table that lists them.
      const target = correspondingTables(theirsByTable, mineByTable);
      const groups = new Map<number, string[]>();
      theirsByTable.forEach((ids, i) => {
        const j = target[i]! >= 0 ? target[i]! : doc.taskTables.length > 0 ? 0 : -1;
        for (const id of ids.keys()) {
          if (mine.has(id) || [...groups.values()].some((g) => g.includes(id))) continue;
          const g = groups.get(j) ?? [];
          g.push(id);
          groups.set(j, g);
        }
      });
      for (const [j, missing] of [...groups].sort((a, b) => a[0] - b[0])) {
        const tt = j >= 0 ? doc.taskTables[j] : undefined;
        report({
          span: tt ? anchorOfTable(tt) : anchorOf(doc),
          message: tt
            ? t('This task table lacks {0} task(s) that the matching table of the {1} source `{2}` lists: {3}. Translate and add the missing rows (or remove them from the source).', missing.length, language, file, missing.join(', '))
            : t('This translation lacks {0} task(s) that its {1} source `{2}` lists: {3}. Translate and add the missing rows (or remove them from the source).', missing.length, language, file, missing.join(', ')),
          related: missing.slice(0, 20).map((id) => ({ path: source.path, span: theirs.get(id)!.span, message: t('Task {0} in the source page.', id) })),
          data: { missing },
        });
      }
    }
    if (!boolOption(options, 'reportExtra', true)) return;
    for (const [id, cell] of mine) {
      if (theirs.has(id)) continue;
      report({
        span: cell.span,
        message: t('Task {0} is not in the {1} source `{2}`: remove it here, or add it to the source page first.', id, language, file),
        related: source.taskTables[0] ? [{ path: source.path, span: source.taskTables[0].table.header.span, message: t('The source page\'s first task table.') }] : [],
      });
    }
  },
};
