import type { TaskUse, WorkspaceIndex } from '../../index/workspaceIndex';
import { compareDates, type CalendarDate } from '../../dates/dateFormat';
import type { Cell } from '../../model/document';
import { t } from '../../util/l10n';
import { basename } from '../../util/paths';
import type { PageRule } from '../rule';
import { boolOption, foldName, isPlainCell, isTaskId, isWellFormed } from './shared';

/** The uses of one task ID grouped by folded name. */
interface Variant {
  readonly display: string;
  readonly pages: Set<string>;
  readonly uses: TaskUse[];
}

/** Variants worked out, per list of uses of one ID: with dashes folded, and without. */
interface Grouped {
  /** How many uses the list had (the index appends to a list in place while it loads). */
  readonly length: number;
  folded?: ReadonlyMap<string, Variant>;
  exact?: ReadonlyMap<string, Variant>;
}

/**
 * The index's lists of uses by ID, with the variants grouped from them. Every page using an ID asks for
 * its variants: grouping once per list instead of once per page keeps a large workspace (an ID used on
 * hundreds of pages) linear. The index replaces a list when it takes a page's uses out of it and appends
 * only when a page comes after the others in path order, so a list of the same length is the same list.
 */
const grouped = new WeakMap<readonly TaskUse[], Grouped>();

/** The uses of one task ID grouped by folded name (read-only: shared between the pages that ask). */
function variantsOf(uses: readonly TaskUse[], foldDashes: boolean): ReadonlyMap<string, Variant> {
  let g = grouped.get(uses);
  if (!g || g.length !== uses.length) grouped.set(uses, (g = { length: uses.length }));
  if (foldDashes) return (g.folded ??= groupVariants(uses, true));
  return (g.exact ??= groupVariants(uses, false));
}

function groupVariants(uses: readonly TaskUse[], foldDashes: boolean): Map<string, Variant> {
  const out = new Map<string, Variant>();
  for (const u of uses) {
    if (u.name === '') continue;
    const key = foldName(u.name, foldDashes);
    const v = out.get(key) ?? { display: u.name, pages: new Set<string>(), uses: [] };
    v.pages.add(u.path);
    v.uses.push(u);
    out.set(key, v);
  }
  return out;
}

/** The newest update among a variant's pages (the newest real date of each page's refresh summary, kept by the index). */
function newestOf(index: WorkspaceIndex, v: Variant): CalendarDate | undefined {
  let best: CalendarDate | undefined;
  for (const u of v.uses) {
    const d = index.facts(u.path)?.lastUpdated;
    if (d && (!best || compareDates(d, best) > 0)) best = d;
  }
  return best;
}

/**
 * The name to agree on: the one used on the most pages; on a tie, the one of the most recently
 * updated page (the page edited last carries the current name, the other was forgotten); undefined
 * when that does not decide either.
 */
function preferredOf(index: WorkspaceIndex, variants: ReadonlyMap<string, Variant>): { key: string; by: 'pages' | 'recency' } | undefined {
  const max = Math.max(...[...variants.values()].map((v) => v.pages.size));
  const top = [...variants].filter(([, v]) => v.pages.size === max);
  if (top.length === 1) return { key: top[0]![0], by: 'pages' };
  const dated = top.map(([key, v]) => ({ key, date: newestOf(index, v) }));
  if (dated.some((d) => !d.date)) return undefined;
  dated.sort((a, b) => compareDates(b.date!, a.date!));
  return compareDates(dated[0]!.date!, dated[1]!.date!) > 0 ? { key: dated[0]!.key, by: 'recency' } : undefined;
}

/** One task ID has one name across all pages of a language. */
export const nameMismatch: PageRule = {
  id: 'tasks/name-mismatch',
  target: 'page',
  description: t('A task ID must have the same name on every page of a language.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, index, options, report }) {
    const foldDashes = boolOption(options, 'foldDashes', true);
    const reportMajority = boolOption(options, 'reportMajority', false);
    const registry = index.tasks(doc.locale);
    const done = new Set<string>();
    for (const tt of doc.taskTables) {
      for (const row of tt.rows) {
        const idCell = row.byColumn.id;
        const nameCell: Cell | undefined = row.byColumn.name;
        if (!idCell || !nameCell || nameCell.text === '' || !isWellFormed(tt, row) || !isTaskId(idCell.text) || done.has(idCell.text)) continue;
        done.add(idCell.text);
        const variants = variantsOf(registry.get(idCell.text) ?? [], foldDashes);
        const own = foldName(nameCell.text, foldDashes);
        const others = [...variants].filter(([key, v]) => key !== own && [...v.pages].some((p) => p !== doc.path));
        if (others.length === 0) continue;
        const preferred = preferredOf(index, variants);
        const majority = preferred?.key;
        if (majority === own && !reportMajority) continue;
        const related = others.flatMap(([, v]) => v.uses.filter((u) => u.path !== doc.path).map((u) => ({
          path: u.path,
          span: u.nameSpan!,
          message: t('Task {0} is named `{1}` on this page.', u.id, u.name),
        })));
        const listOf = (pages: Iterable<string>): string => {
          const list = [...new Set(pages)].filter((p) => p !== doc.path);
          return list.slice(0, 3).map((p) => `\`${basename(p)}\``).join(', ') + (list.length > 3 ? ', …' : '');
        };
        const pageList = listOf(others.flatMap(([, v]) => [...v.pages]));
        let message: string;
        if (preferred?.by === 'recency' && majority !== own) {
          const m = variants.get(majority!)!;
          message = t('Task {0} is named `{1}` here but `{2}` on {3}, a page updated more recently: use the same name everywhere.', idCell.text, nameCell.text, m.display, listOf(m.pages));
        } else if (majority !== undefined && majority !== own) {
          const m = variants.get(majority)!;
          message = t('Task {0} is named `{1}` here but `{2}` on {3} other page(s) of this language ({4}): use the same name everywhere.', idCell.text, nameCell.text, m.display, [...m.pages].filter((p) => p !== doc.path).length, listOf(m.pages));
        } else if (majority === own) {
          message = t('Task {0} is named `{1}` here (the preferred name) but differently on {2}: use the same name everywhere.', idCell.text, nameCell.text, pageList);
        } else {
          message = t('Task {0} is named `{1}` here but `{2}` on {3}; no name is more used than the others: agree on one name and use it everywhere.', idCell.text, nameCell.text, others[0]![1].display, pageList);
        }
        const fix = majority !== undefined && majority !== own && isPlainCell(doc, nameCell)
          ? [{ title: t('Rename to `{0}`', variants.get(majority)!.display), edits: [{ span: nameCell.span, newText: variants.get(majority)!.display }], safe: false }]
          : [];
        report({ span: nameCell.span, message, related, ...(fix.length ? { fixes: fix } : {}) });
      }
    }
  },
};
