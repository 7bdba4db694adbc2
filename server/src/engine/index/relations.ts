/**
 * The cross-file relations of the index, kept up to date file by file: each page contributes its task
 * uses (per language), its resolved links and includes, and its translation stem; each toc its
 * references. Setting or removing a file takes back its old contribution and adds the new one, so the
 * relations always equal what a rebuild from every file, in path order, would give. What a page put in
 * is worked out again from the facts it was made from when it is taken back (only the targets of
 * root-relative links, which depend on the docfx projects of the time, are kept), so the relations keep
 * no second copy of every page's task IDs and link targets.
 */
import type { TocFile, TocItem } from '../model/toc';
import { tocItems } from '../model/toc';
import { dirname, join } from '../util/paths';
import { LinkRecord } from './factRecords';
import type { LinkFact, PageFacts, TaskUse } from './pageFacts';
import { PathSortedLists } from './pathSortedLists';

/** A link or include from one page that resolves to a path (anchors ignored). */
export interface IncomingLink {
  /** The linking page. */
  readonly from: string;
  readonly link: LinkFact;
}

/** A toc entry that points at a file. */
export interface TocReference {
  readonly toc: TocFile;
  readonly item: TocItem;
}

const TASK_ID = /^\d{3,4}$/;

/**
 * Resolves a relative target from a page; undefined for external targets. The answer may change over
 * time only for root-relative targets (`/x`, `~/x`: the docfx project decides), never for the others.
 */
export type Resolver = (from: string, target: LinkFact['target']) => string | undefined;

/** True when a link's resolution depends on the docfx project (`/x`, `~/x`). */
const isRootRelative = (link: LinkFact): boolean => /^~?\//.test(link.target.path);

/** The file a toc href points at, without anchor and query; undefined for external hrefs. */
export function tocHrefPath(tocPath: string, href: string | undefined): string | undefined {
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  return join(dirname(tocPath), href.split('#')[0]!.split('?')[0]!);
}

/** A page's task uses with a well-formed ID, by ID in order of first use. */
function taskUsesById(facts: PageFacts): Map<string, TaskUse[]> {
  return groupBy(facts.taskRows, (u) => (TASK_ID.test(u.id) ? u.id : undefined));
}

/** Groups items by key, keeping their order. */
function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/** The incrementally maintained cross-file relations. */
export class Relations {
  readonly #tasks = new Map<string, PathSortedLists<TaskUse>>();
  readonly #incoming = new PathSortedLists<IncomingLink>((l) => l.from);
  readonly #byStem = new PathSortedLists<string>((p) => p);
  readonly #tocRefs = new PathSortedLists<TocReference>((r) => r.toc.path);
  /** The facts each page's contribution was made from. */
  readonly #pages = new Map<string, PageFacts>();
  /** The targets the links of pages with root-relative links resolved to when they were added. */
  readonly #rootRelative = new Map<string, readonly string[]>();
  readonly #tocs = new Map<string, readonly string[]>();
  readonly #resolve: Resolver;

  /** Relations whose pages' links resolve through `resolve`. */
  constructor(resolve: Resolver) {
    this.#resolve = resolve;
  }

  /** Replaces a page's contribution with the one of its new facts. */
  setPage(facts: PageFacts): void {
    this.removePage(facts.path);
    const path = facts.path;
    let registry = this.#tasks.get(facts.locale);
    if (!registry) this.#tasks.set(facts.locale, (registry = new PathSortedLists<TaskUse>((u) => u.path)));
    for (const [id, list] of taskUsesById(facts)) registry.add(id, path, list);
    const incoming = this.#incomingOf(facts);
    for (const [target, list] of incoming) this.#incoming.add(target, path, list);
    this.#byStem.add(facts.stem, path, [path]);
    this.#pages.set(path, facts);
    if (facts.links.some(isRootRelative)) this.#rootRelative.set(path, [...incoming.keys()]);
  }

  /** Takes back a page's contribution. */
  removePage(path: string): void {
    const old = this.#pages.get(path);
    if (!old) return;
    const registry = this.#tasks.get(old.locale);
    if (registry) for (const id of taskUsesById(old).keys()) registry.remove(id, path);
    for (const target of this.#rootRelative.get(path) ?? this.#targetsOf(old)) this.#incoming.remove(target, path);
    this.#byStem.remove(old.stem, path);
    this.#pages.delete(path);
    this.#rootRelative.delete(path);
  }

  /** A page's links and includes grouped by the path they resolve to, in source order. */
  #incomingOf(facts: PageFacts): Map<string, IncomingLink[]> {
    const path = facts.path;
    return groupBy(
      facts.links.map((link): IncomingLink => (link instanceof LinkRecord && link.from === path ? link : { from: path, link })),
      (l) => this.#resolve(path, l.link.target),
    );
  }

  /** The distinct paths a page's links and includes resolve to. */
  #targetsOf(facts: PageFacts): Set<string> {
    const out = new Set<string>();
    for (const link of facts.links) {
      const target = this.#resolve(facts.path, link.target);
      if (target !== undefined) out.add(target);
    }
    return out;
  }

  /** The pages whose links depend on which docfx project governs them (root-relative targets). */
  rootRelativePages(): string[] {
    return [...this.#rootRelative.keys()];
  }

  /** Replaces a toc's references. */
  setToc(toc: TocFile): void {
    this.removeToc(toc.path);
    const refs = groupBy(
      [...tocItems(toc.items)].map((item): TocReference => ({ toc, item })),
      (r) => tocHrefPath(toc.path, r.item.href),
    );
    for (const [target, list] of refs) this.#tocRefs.add(target, toc.path, list);
    this.#tocs.set(toc.path, [...refs.keys()]);
  }

  /** Takes back a toc's references. */
  removeToc(path: string): void {
    for (const target of this.#tocs.get(path) ?? []) this.#tocRefs.remove(target, path);
    this.#tocs.delete(path);
  }

  /** Task uses by ID among the pages of one locale. */
  tasks(locale: string): ReadonlyMap<string, readonly TaskUse[]> {
    return this.#tasks.get(locale)?.asMap() ?? new Map();
  }

  /** The locales that have a task registry. */
  taskLocales(): string[] {
    return [...this.#tasks.keys()];
  }

  /** Links and includes resolving to a path. */
  incoming(path: string): readonly IncomingLink[] {
    return this.#incoming.get(path) ?? [];
  }

  /** Every resolved link target with the links to it. */
  incomingEntries(): IterableIterator<[string, readonly IncomingLink[]]> {
    return this.#incoming.entries();
  }

  /** Toc entries pointing at a path. */
  tocReferences(path: string): readonly TocReference[] {
    return this.#tocRefs.get(path) ?? [];
  }

  /** Every toc target with its references. */
  tocReferenceEntries(): IterableIterator<[string, readonly TocReference[]]> {
    return this.#tocRefs.entries();
  }

  /** The pages sharing a translation stem, in path order. */
  pagesWithStem(stem: string): readonly string[] {
    return this.#byStem.get(stem) ?? [];
  }

  /** Every stem with its pages. */
  stemEntries(): IterableIterator<[string, readonly string[]]> {
    return this.#byStem.entries();
  }
}
