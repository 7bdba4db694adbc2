/**
 * The objects the index keeps for every page, link and task row: the shapes `pageFacts.ts` declares,
 * with their spans and dates kept as plain numbers and handed out as new objects when read. There are
 * tens of thousands of each on a large tree, and a span object costs as much as the numbers it holds
 * twice over; one class per kind also gives every record the same hidden class (object literals with
 * optional parts gave each page's facts a shape of their own).
 */
import type { CalendarDate } from '../dates/dateFormat';
import type { LinkTarget, LocaleSource, PageKind } from '../model/document';
import type { Span } from '../text/span';
import type { FrontMatterValues } from './frontMatterValues';
import type { LinkFact, PageFacts, TaskUse } from './pageFacts';
import type { IncomingLink } from './relations';

/** A task table's mandatory / optional letters. */
export interface Legend {
  readonly mandatory: string;
  readonly optional: string;
}

/**
 * A relative link, image, definition or include of a page. It is also the link as its target's list of
 * incoming links holds it (`from` and `link`, itself), so the relations need no second object per link.
 */
export class LinkRecord implements LinkFact, IncomingLink {
  readonly from: string;
  readonly kind: LinkFact['kind'];
  readonly target: LinkTarget;
  readonly #start: number;
  readonly #end: number;

  constructor(from: string, kind: LinkFact['kind'], target: LinkTarget, targetSpan: Span) {
    this.from = from;
    this.kind = kind;
    this.target = target;
    this.#start = targetSpan.start;
    this.#end = targetSpan.end;
  }

  /** Span of the target text in the page (a new object each time). */
  get targetSpan(): Span {
    return { start: this.#start, end: this.#end };
  }

  /** The link itself (as an incoming link of its target). */
  get link(): LinkFact {
    return this;
  }
}

/** The cells of a task row the index keeps, as `factsOf` reads them from the row. */
export interface TaskCells {
  readonly id: string;
  readonly name: string;
  readonly idSpan: Span;
  readonly nameSpan: Span | undefined;
  readonly mandatory: string;
  readonly role: string;
  readonly services: string;
}

/** One row of a task table that has a task ID. */
export class TaskRecord implements TaskUse {
  readonly path: string;
  readonly id: string;
  readonly name: string;
  readonly mandatory: string;
  readonly role: string;
  readonly services: string;
  readonly legend: Legend;
  readonly table: number;
  readonly row: number;
  readonly #idStart: number;
  readonly #idEnd: number;
  /** -1 when the row has no name cell. */
  readonly #nameStart: number;
  readonly #nameEnd: number;

  constructor(path: string, cells: TaskCells, legend: Legend, table: number, row: number) {
    this.path = path;
    this.id = cells.id;
    this.name = cells.name;
    this.mandatory = cells.mandatory;
    this.role = cells.role;
    this.services = cells.services;
    this.legend = legend;
    this.table = table;
    this.row = row;
    this.#idStart = cells.idSpan.start;
    this.#idEnd = cells.idSpan.end;
    this.#nameStart = cells.nameSpan?.start ?? -1;
    this.#nameEnd = cells.nameSpan?.end ?? -1;
  }

  /** The ID cell's span (a new object each time). */
  get idSpan(): Span {
    return { start: this.#idStart, end: this.#idEnd };
  }

  /** The name cell's span, when the row has a name cell (a new object each time). */
  get nameSpan(): Span | undefined {
    return this.#nameStart < 0 ? undefined : { start: this.#nameStart, end: this.#nameEnd };
  }
}

/**
 * What a page's facts are made of: every {@link PageFacts} field, the optional ones given explicitly;
 * `titleSpan` and `lastUpdated` are packed by {@link PageRecord}.
 */
export type PageParts = Omit<PageFacts, 'phase' | 'lastUpdated'> & {
  readonly phase: string | undefined;
  readonly lastUpdated: CalendarDate | undefined;
};

/** A calendar date as one number (yyyymmdd), -1 for none. */
const packDate = (d: CalendarDate | undefined): number => (d ? d.year * 10000 + d.month * 100 + d.day : -1);

/** What the index keeps of one page. */
export class PageRecord implements PageFacts {
  readonly path: string;
  readonly version: number;
  readonly kind: PageKind;
  readonly locale: string;
  readonly localeSource: LocaleSource;
  readonly title: string;
  readonly phase: string | undefined;
  readonly unreadable: boolean;
  readonly slugs: readonly string[];
  readonly links: readonly LinkFact[];
  readonly taskRows: readonly TaskUse[];
  readonly taskTables: number;
  readonly misshapenTaskRows: boolean;
  readonly frontMatter: FrontMatterValues;
  readonly stem: string;
  readonly #titleStart: number;
  readonly #titleEnd: number;
  /** yyyymmdd, -1 for none. */
  readonly #lastUpdated: number;

  constructor(parts: PageParts) {
    this.path = parts.path;
    this.version = parts.version;
    this.kind = parts.kind;
    this.locale = parts.locale;
    this.localeSource = parts.localeSource;
    this.title = parts.title;
    this.phase = parts.phase;
    this.unreadable = parts.unreadable;
    this.slugs = parts.slugs;
    this.links = parts.links;
    this.taskRows = parts.taskRows;
    this.taskTables = parts.taskTables;
    this.misshapenTaskRows = parts.misshapenTaskRows;
    this.frontMatter = parts.frontMatter;
    this.stem = parts.stem;
    this.#titleStart = parts.titleSpan.start;
    this.#titleEnd = parts.titleSpan.end;
    this.#lastUpdated = packDate(parts.lastUpdated);
  }

  /** The span of the first H1's text (a new object each time). */
  get titleSpan(): Span {
    return { start: this.#titleStart, end: this.#titleEnd };
  }

  /** The newest real date of the refresh summary (a new object each time). */
  get lastUpdated(): CalendarDate | undefined {
    const d = this.#lastUpdated;
    return d < 0 ? undefined : { year: Math.floor(d / 10000), month: Math.floor(d / 100) % 100, day: d % 100 };
  }
}
