/**
 * Code lenses: on the page's H1 how many pages link here (distinct referrers, the page itself not
 * counted; includes count), and on each task row the other pages of the same language that use the
 * task. Each lens carries the locations it counts, for a "show references" command.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { span, type Range, type Span } from '../text/span';
import { t } from '../util/l10n';
import { cancelled, locationOf } from './shared';
import type { IsCancelled, Location } from './types';

/** One lens: its title, where it sits, and what it counts. */
export interface CodeLens {
  readonly kind: 'pageReferences' | 'taskUses';
  readonly title: string;
  readonly span: Span;
  readonly range: Range;
  /** The places counted (links to the page; the other rows using the task). */
  readonly locations: readonly Location[];
}

/** The lenses of a page. Empty when cancelled. */
export function provideCodeLenses(index: WorkspaceIndex, path: string, isCancelled?: IsCancelled): CodeLens[] {
  const doc = index.document(path);
  if (!doc) return [];
  const out: CodeLens[] = [];
  const h1 = doc.h1s[0];
  const lensSpan = h1 ? h1.span : span(0, 0);
  const refs = index.incoming(path).filter((r) => r.from !== path);
  const pages = new Set(refs.map((r) => r.from)).size;
  out.push({
    kind: 'pageReferences',
    title: pages === 0 ? t('No pages link here') : pages === 1 ? t('1 page links here') : t('{0} pages link here', pages),
    span: lensSpan,
    range: doc.lines.rangeOf(lensSpan),
    locations: refs.map((r) => locationOf(index, r.from, r.link.targetSpan)),
  });
  const tasks = index.tasks(doc.locale);
  for (const table of doc.taskTables) {
    if (cancelled(isCancelled)) return [];
    for (const row of table.rows) {
      const cell = row.byColumn.id;
      if (!cell || cell.text === '') continue;
      const others = (tasks.get(cell.text) ?? []).filter((u) => u.path !== path);
      const n = new Set(others.map((u) => u.path)).size;
      if (n === 0) continue;
      out.push({
        kind: 'taskUses',
        title: n === 1 ? t('Also on 1 page') : t('Also on {0} pages', n),
        span: row.span,
        range: doc.lines.rangeOf(row.span),
        locations: others.map((u) => locationOf(index, u.path, u.idSpan)),
      });
    }
  }
  return out;
}
