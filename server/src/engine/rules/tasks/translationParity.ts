import type { Vocabulary } from '../../config/vocabulary';
import type { PageFacts, WorkspaceIndex } from '../../index/workspaceIndex';
import type { PlaybookDocument, TaskTable } from '../../model/document';
import type { Span } from '../../text/span';
import { t } from '../../util/l10n';
import { basename } from '../../util/paths';
import type { PageRule } from '../rule';
import { boolOption, isTaskId, logicalRows } from './shared';

/** The task IDs of each task table of a page, in order of first appearance, each with its ID cell's span (shape damage undone). */
function idsByTable(doc: PlaybookDocument, vocabulary: Vocabulary): Array<Map<string, Span>> {
  return doc.taskTables.map((tt) => {
    const out = new Map<string, Span>();
    for (const r of logicalRows(doc, tt, vocabulary)) {
      const cell = r.byColumn.id;
      if (cell && isTaskId(cell.text) && !out.has(cell.text)) out.set(cell.text, cell.span);
    }
    return out;
  });
}

/**
 * {@link idsByTable} of another page, read from its facts when every row of its task tables has the
 * header's cells (there is no damage to undo, so the facts' rows are the logical rows and its model
 * need not be built); from its model otherwise.
 */
function idsOfPage(index: WorkspaceIndex, facts: PageFacts, vocabulary: Vocabulary): Array<Map<string, Span>> | undefined {
  if (facts.misshapenTaskRows) {
    const doc = index.document(facts.path);
    return doc ? idsByTable(doc, vocabulary) : undefined;
  }
  const out = Array.from({ length: facts.taskTables }, () => new Map<string, Span>());
  for (const u of facts.taskRows) {
    const ids = out[u.table];
    if (ids && isTaskId(u.id) && !ids.has(u.id)) ids.set(u.id, u.idSpan);
  }
  return out;
}

/** All IDs of a page, first occurrence first. */
function allIds(tables: ReadonlyArray<Map<string, Span>>): Map<string, Span> {
  const out = new Map<string, Span>();
  for (const t of tables) for (const [id, at] of t) if (!out.has(id)) out.set(id, at);
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
function correspondingTables(source: ReadonlyArray<Map<string, Span>>, mine: ReadonlyArray<Map<string, Span>>): number[] {
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
    // Facts, not the model: on a large tree the source's model is mostly not cached, and building it for
    // every translation was a second parse of every source page.
    const source = sourcePath !== undefined ? index.facts(sourcePath) : undefined;
    const theirsByTable = source ? idsOfPage(index, source, vocabulary) : undefined;
    if (!source || !theirsByTable) return;
    const mineByTable = idsByTable(doc, vocabulary);
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
          related: missing.map((id) => ({ path: source.path, span: theirs.get(id)!, message: t('Task {0} in the source page.', id) })),
          data: { missing },
        });
      }
    }
    if (!boolOption(options, 'reportExtra', true)) return;
    // The source's first table header is not among its facts: its model is built for the first extra ID only.
    let firstHeader: Span | undefined | null = source.taskTables > 0 ? null : undefined;
    for (const [id, at] of mine) {
      if (theirs.has(id)) continue;
      if (firstHeader === null) firstHeader = index.document(source.path)?.taskTables[0]?.table.header.span;
      report({
        span: at,
        message: t('Task {0} is not in the {1} source `{2}`: remove it here, or add it to the source page first.', id, language, file),
        related: firstHeader ? [{ path: source.path, span: firstHeader, message: t('The source page\'s first task table.') }] : [],
      });
    }
  },
};
