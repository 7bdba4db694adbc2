/**
 * The cross-file relations of the index, kept up to date file by file: each page contributes its task
 * uses (per language), its resolved links and includes, and its translation stem; each toc its
 * references. Setting or removing a file takes back its old contribution and adds the new one, so the
 * relations always equal what a rebuild from every file, in path order, would give.
 */
import type { TocFile, TocItem } from '../model/toc';
import { tocItems } from '../model/toc';
import { dirname, join } from '../util/paths';
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

/** What one page put into the relations, to take it back. */
interface PageContribution {
  readonly locale: string;
  readonly taskIds: readonly string[];
  readonly targets: readonly string[];
  readonly stem: string;
  /** True when a link's resolution depends on the docfx project (`/x`, `~/x`). */
  readonly rootRelative: boolean;
}

const TASK_ID = /^\d{3,4}$/;

/** Resolves a relative target from a page; undefined for external targets. */
export type Resolver = (from: string, target: LinkFact['target']) => string | undefined;

/** The file a toc href points at, without anchor and query; undefined for external hrefs. */
export function tocHrefPath(tocPath: string, href: string | undefined): string | undefined {
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  return join(dirname(tocPath), href.split('#')[0]!.split('?')[0]!);
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
  readonly #pages = new Map<string, PageContribution>();
  readonly #tocs = new Map<string, readonly string[]>();

  /** Replaces a page's contribution with the one of its new facts. */
  setPage(facts: PageFacts, resolve: Resolver): void {
    this.removePage(facts.path);
    const path = facts.path;
    let registry = this.#tasks.get(facts.locale);
    if (!registry) this.#tasks.set(facts.locale, (registry = new PathSortedLists<TaskUse>((u) => u.path)));
    const uses = groupBy(facts.taskRows, (u) => (TASK_ID.test(u.id) ? u.id : undefined));
    for (const [id, list] of uses) registry.add(id, path, list);
    const incoming = groupBy(
      facts.links.map((link): IncomingLink => ({ from: path, link })),
      (l) => resolve(path, l.link.target),
    );
    for (const [target, list] of incoming) this.#incoming.add(target, path, list);
    this.#byStem.add(facts.stem, path, [path]);
    this.#pages.set(path, {
      locale: facts.locale,
      taskIds: [...uses.keys()],
      targets: [...incoming.keys()],
      stem: facts.stem,
      rootRelative: facts.links.some((l) => /^~?\//.test(l.target.path)),
    });
  }

  /** Takes back a page's contribution. */
  removePage(path: string): void {
    const old = this.#pages.get(path);
    if (!old) return;
    const registry = this.#tasks.get(old.locale);
    for (const id of old.taskIds) registry?.remove(id, path);
    for (const target of old.targets) this.#incoming.remove(target, path);
    this.#byStem.remove(old.stem, path);
    this.#pages.delete(path);
  }

  /** The pages whose links depend on which docfx project governs them (root-relative targets). */
  rootRelativePages(): string[] {
    return [...this.#pages].filter(([, c]) => c.rootRelative).map(([p]) => p);
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
