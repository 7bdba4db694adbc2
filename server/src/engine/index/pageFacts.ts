/**
 * The compact facts the index keeps of every page, whether or not its full model is in memory: what the
 * cross-file relations (links, task registry, translations) and the front-matter statistics are built
 * from, and what other pages' rules ask of a page (its kind, locale, title, anchors). Strings are
 * copied out of the page text, so keeping the facts does not keep the text or the model alive.
 */
import { compareDates, type CalendarDate } from '../dates/dateFormat';
import type { ModelContext } from '../model/build';
import type { LinkTarget, LocaleSource, PageKind, PlaybookDocument } from '../model/document';
import type { Span } from '../text/span';
import { basename } from '../util/paths';
import { LinkRecord, PageRecord, TaskRecord } from './factRecords';
import { FrontMatterValues, valueText } from './frontMatterValues';
import { Interner } from './interner';

export { FrontMatterValues, type ValueEntry } from './frontMatterValues';

/** A relative link, image, definition or include of a page (external targets are not kept). */
export interface LinkFact {
  readonly kind: 'link' | 'image' | 'definition' | 'include';
  readonly target: LinkTarget;
  /** Span of the target text in the page. */
  readonly targetSpan: Span;
}

/** One row of a task table that has a task ID (any text; the registry keeps well-formed IDs only). */
export interface TaskUse {
  /** The page. */
  readonly path: string;
  readonly id: string;
  /** The name cell's text, '' when the row has none. */
  readonly name: string;
  readonly idSpan: Span;
  /** The name cell's span, when the row has a name cell. */
  readonly nameSpan?: Span;
  /** The texts of the mandatory, role and services cells ('' when the row has none). */
  readonly mandatory: string;
  readonly role: string;
  readonly services: string;
  /** The mandatory / optional letters of the row's table. */
  readonly legend: { readonly mandatory: string; readonly optional: string };
  /** Which task table of the page (index into `taskTables`) and which of its rows. */
  readonly table: number;
  readonly row: number;
}

/** What the index keeps of one page. */
export interface PageFacts {
  readonly path: string;
  readonly version: number;
  readonly kind: PageKind;
  readonly locale: string;
  readonly localeSource: LocaleSource;
  /** The display name: the H1, else the front-matter title, else the file name without extension. */
  readonly title: string;
  /** The value of the page's `Phase:` line, as written. */
  readonly phase?: string;
  /** The span of the first H1's text (an empty span at 0 without one). */
  readonly titleSpan: Span;
  /** True when the file could not be read as text (binary, too large, unreadable). */
  readonly unreadable: boolean;
  /** The anchor ids of the page's own headings, in order. */
  readonly slugs: readonly string[];
  /** The relative links, images and definitions, then the includes, in source order. */
  readonly links: readonly LinkFact[];
  /** Every task-table row with a non-empty ID, in table and row order. */
  readonly taskRows: readonly TaskUse[];
  /** How many task tables the page has (some may have no row with an ID). */
  readonly taskTables: number;
  /**
   * True when a task-table row has more or fewer cells than its header: `taskRows` then read its cells
   * as written, where rules that undo the damage (`logicalRows`) may read other IDs.
   */
  readonly misshapenTaskRows: boolean;
  /** The front-matter keys and string or number values. */
  readonly frontMatter: FrontMatterValues;
  /** The base name without `.md` and the locale's suffix, lower-cased: translations share it. */
  readonly stem: string;
  /** The newest real date of the refresh summary: when the page was last updated. */
  readonly lastUpdated?: CalendarDate;
}

const UNREADABLE = new Set(['binary', 'too-large', 'unreadable']);

/** One list for every page with none of a kind (links, task rows, anchors). */
const NONE: readonly never[] = Object.freeze([]);

/** A list as kept: exactly its length (a list grown by pushes keeps spare room as long as it lives), the shared empty one when empty. */
const kept = <T>(list: T[]): readonly T[] => (list.length === 0 ? NONE : list.slice());

/** The front-matter value of a key on a page (its last entry), trimmed, when a non-empty string or number. */
export function frontMatterValue(doc: PlaybookDocument, key: string): string | undefined {
  const e = doc.frontMatter?.byKey.get(key);
  const v = e ? valueText(e.value) : undefined;
  return v === '' ? undefined : v;
}

/** A page's display name: its H1, else its front-matter title, else its file name without extension. */
export function pageTitleOf(doc: PlaybookDocument): string {
  const h1 = doc.h1s[0]?.text;
  if (h1) return h1;
  const title = doc.frontMatter?.byKey.get('title')?.value;
  if (typeof title === 'string' && title.trim() !== '') return title.trim();
  return basename(doc.path).replace(/\.[^.]+$/, '');
}

/** The translation stem of a page: its base name without `.md` and its locale's suffix, lower-cased. */
export function stemOf(path: string, locale: string, context: ModelContext): string {
  return context.vocabulary.stripSuffix(basename(path).replace(/\.md$/i, ''), locale).toLowerCase();
}

/** The newest real date of a page's refresh summary. */
function lastUpdatedOf(doc: PlaybookDocument): CalendarDate | undefined {
  let best: CalendarDate | undefined;
  for (const r of doc.refresh?.rows ?? []) {
    const d = r.date?.date;
    if (d && (!best || compareDates(d, best) > 0)) best = d;
  }
  return best;
}

/** Reads a model's facts; `intern` keeps one copy of the strings pages share. */
export function factsOf(doc: PlaybookDocument, context: ModelContext, intern: Interner = new Interner(0)): PageFacts {
  const links: LinkFact[] = [];
  for (const l of doc.links) if (l.target.scheme === undefined) links.push(new LinkRecord(doc.path, l.kind, intern.target(l.target), l.targetSpan));
  for (const i of doc.includes) if (i.target.scheme === undefined) links.push(new LinkRecord(doc.path, 'include', intern.target(i.target), i.targetSpan));
  const taskRows: TaskUse[] = [];
  doc.taskTables.forEach((tt, table) => {
    const legend = intern.legend(tt.legend.mandatory, tt.legend.optional);
    tt.rows.forEach((r, row) => {
      const idCell = r.byColumn.id;
      if (!idCell || idCell.text === '') return;
      const nameCell = r.byColumn.name;
      const cells = {
        id: intern.get(idCell.text), name: intern.get(nameCell?.text ?? ''), idSpan: idCell.span, nameSpan: nameCell?.span,
        mandatory: intern.get(r.byColumn.mandatory?.text ?? ''), role: intern.get(r.byColumn.role?.text ?? ''), services: intern.get(r.byColumn.services?.text ?? ''),
      };
      taskRows.push(new TaskRecord(doc.path, cells, legend, table, row));
    });
  });
  const h1 = doc.h1s[0];
  return new PageRecord({
    path: doc.path,
    version: doc.version,
    kind: doc.kind,
    locale: doc.locale,
    localeSource: doc.localeSource,
    title: intern.get(pageTitleOf(doc)),
    phase: doc.phase ? intern.get(doc.phase.value) : undefined,
    titleSpan: h1 ? h1.textSpan : { start: 0, end: 0 },
    unreadable: doc.problems.some((p) => UNREADABLE.has(p.code)),
    slugs: doc.headings.length === 0 ? NONE : doc.headings.map((h) => intern.get(h.slug)),
    links: kept(links),
    taskRows: kept(taskRows),
    taskTables: doc.taskTables.length,
    misshapenTaskRows: doc.taskTables.some((tt) => tt.rows.some((r) => r.cells.length !== tt.table.header.cells.length)),
    frontMatter: FrontMatterValues.of(doc, intern),
    stem: intern.get(stemOf(doc.path, doc.locale, context)),
    lastUpdated: lastUpdatedOf(doc),
  });
}
