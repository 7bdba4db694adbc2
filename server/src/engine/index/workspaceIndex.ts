import type { ModelContext, OutlineSource } from '../model/build';
import { buildDocument, stubDocument } from '../model/build';
import type { LinkTarget, ParseProblem, PlaybookDocument } from '../model/document';
import { parseDocfx, type DocfxProject } from '../model/docfx';
import { parseToc, type TocFile } from '../model/toc';
import { LineIndex } from '../text/lineIndex';
import { decodeText } from '../workspace/decode';
import type { Workspace } from '../workspace/workspace';
import { basename, dirname, extname, isWithin, join, normalize } from '../util/paths';
import { ModelCache } from './modelCache';
import { Interner } from './interner';
import { factsOf, type PageFacts, type TaskUse } from './pageFacts';
import { Relations, type IncomingLink, type TocReference } from './relations';
import { fingerprint, loadText, storeText, type StoredText } from './storedText';
import { pickSources, TranslationSources } from './translationSources';
import { ValueStats, type ValueDistribution } from './valueStats';

export type { IncomingLink, TocReference } from './relations';
export type { LinkFact, PageFacts, TaskUse } from './pageFacts';
export type { ValueDistribution } from './valueStats';

/** A page given by its path or by something that has one (a model, its facts). */
export type PageRef = string | { readonly path: string };

/** Options of an index. */
export interface IndexOptions {
  /**
   * How much memory (estimated) the full models kept besides the pinned ones may take; models beyond it
   * are dropped least recently used first and rebuilt from their text when asked for again.
   */
  readonly modelCacheBytes?: number;
}

/** What the index keeps of a page whatever the model cache holds. */
interface PageEntry {
  /**
   * The text to model the page from again; undefined for a file that could not be read, and for a page
   * read from a workspace that can read it again at once (see `onDisk`).
   */
  readonly text: StoredText | undefined;
  /** For a page whose text is not kept: the checksum of the bytes it was indexed from. */
  readonly onDisk: string | undefined;
  /** The model of a file that could not be read (it has no text to rebuild it from). */
  readonly stub: PlaybookDocument | undefined;
  readonly version: number;
  readonly facts: PageFacts;
}

const isMarkdown = (p: string): boolean => extname(p) === '.md';
const isToc = (p: string): boolean => basename(p).toLowerCase() === 'toc.yml' || basename(p).toLowerCase() === 'toc.yaml';
const isDocfx = (p: string): boolean => basename(p) === 'docfx.json';
const pathOf = (page: PageRef): string => (typeof page === 'string' ? page : page.path);

/** How many line indexes of pages without a cached model are kept (line starts only, about 4 bytes a line). */
const LINE_INDEXES_KEPT = 512;

/** How many files `load` reads ahead of the one it is modelling, so the disk works while pages are parsed. */
const READ_AHEAD = 16;
/** How long `load` works before it awaits its `pause` (when given). */
const PAUSE_AFTER_MS = 10;

/**
 * Everything known about a workspace: every page's text and compact facts, a bounded cache of full page
 * models (rebuilt from the text on demand), every toc, docfx projects, and the cross-file relations rules
 * need (anchors through includes, task registry, translations, the link graph, toc reachability,
 * front-matter statistics). Setting, refreshing or removing one file updates the relations by that
 * file's contribution alone, without re-reading, re-parsing or re-walking the others.
 */
export class WorkspaceIndex {
  readonly workspace: Workspace;
  readonly context: ModelContext;
  /** Every known file, each path mapped to itself: links resolving to a file share its path string. */
  readonly #files = new Map<string, string>();
  readonly #dirs = new Set<string>();
  readonly #pages = new Map<string, PageEntry>();
  readonly #models: ModelCache;
  readonly #tocs = new Map<string, TocFile>();
  readonly #docfx = new Map<string, DocfxProject>();
  readonly #relations = new Relations((from, target) => this.#resolveShared(from, target));
  readonly #values = new ValueStats(() => this.pagePaths());
  readonly #sources = new TranslationSources();
  readonly #intern = new Interner();
  /** Line indexes built for pages whose model is not cached, least recently used first. */
  readonly #lines = new Map<string, LineIndex>();
  /** Files per folder, and the sorted lists handed out (never changed once handed out; replaced instead). */
  readonly #byDir = new Map<string, Set<string>>();
  readonly #sortedDir = new Map<string, readonly string[]>();
  readonly #pagesInDir = new Map<string, readonly string[]>();
  #sortedFiles: readonly string[] | undefined;
  #sortedPages: readonly string[] | undefined;
  #outlines: OutlineSource | undefined;

  constructor(workspace: Workspace, context: ModelContext, options: IndexOptions = {}) {
    this.workspace = workspace;
    this.context = context;
    this.#models = new ModelCache(options.modelCacheBytes);
  }

  /** The workspace root. */
  get root(): string {
    return this.workspace.root;
  }

  /**
   * Hands the index a source of cached page outlines (a host's parse cache, keyed by content): pages
   * modelled from now on take their outline from it instead of parsing when it has one. The models are
   * the same either way; only the parse is skipped.
   */
  useOutlines(source: OutlineSource | undefined): void {
    this.#outlines = source;
  }

  /**
   * Lists and reads every page, toc and docfx.json. `onProgress` is called after each file. Models are
   * cached while the cache has room (the first pages in path order: those a lint in path order asks for first).
   * `docfx.json` and toc files come first, so that pages answered while loading already know which
   * pages are built and listed. `pause`, when given, is awaited whenever ~10 ms of work have passed
   * since the last turn, so a host serving requests while it loads (an editor) can answer them.
   */
  async load(onProgress?: (done: number, total: number) => void, pause?: () => Promise<void>): Promise<void> {
    const all = await this.workspace.list();
    for (const p of all) this.#addFile(p);
    const wanted = [...all.filter(isDocfx), ...all.filter(isToc), ...all.filter(isMarkdown)];
    let turn = performance.now();
    // Files are read a few ahead of the one being modelled, and modelled in order.
    const reads: Array<Promise<Uint8Array | undefined> | undefined> = [];
    const start = (i: number): void => {
      if (i >= wanted.length) return;
      const read = this.workspace.read(wanted[i]!);
      read.catch(() => undefined); // a failed read is reported when its turn comes, not as an unhandled rejection
      reads[i] = read;
    };
    for (let i = 0; i < READ_AHEAD; i++) start(i);
    for (let i = 0; i < wanted.length; i++) {
      const bytes = await reads[i]!;
      reads[i] = undefined;
      start(i + READ_AHEAD);
      this.#set(wanted[i]!, bytes, false);
      onProgress?.(i + 1, wanted.length);
      if (pause && performance.now() - turn >= PAUSE_AFTER_MS) {
        await pause();
        turn = performance.now();
      }
    }
  }

  #addFile(p: string): void {
    if (this.#files.has(p)) return;
    this.#files.set(p, p);
    this.#sortedFiles = undefined;
    const dir = dirname(p);
    const inDir = this.#byDir.get(dir);
    if (inDir) inDir.add(p);
    else this.#byDir.set(dir, new Set([p]));
    this.#sortedDir.delete(dir);
    for (let d = dir; d !== '/' && !this.#dirs.has(d); d = dirname(d)) this.#dirs.add(d);
  }

  async #readAndSet(p: string): Promise<void> {
    this.#set(p, await this.workspace.read(p));
  }

  #set(p: string, bytes: Uint8Array | undefined, evict = true): void {
    if (bytes === undefined) {
      if (isMarkdown(p)) this.#setStub(p, { code: 'unreadable', message: 'The file could not be read.', span: { start: 0, end: 0 } });
      return;
    }
    const decoded = decodeText(bytes);
    if ('problem' in decoded) {
      if (isMarkdown(p)) this.#setStub(p, decoded.problem);
      return;
    }
    this.#setText(p, decoded.text, 0, bytes, evict);
  }

  #setStub(path: string, problem: ParseProblem): void {
    this.#addFile(path);
    const doc = stubDocument(path, problem, this.context);
    this.#setPage(path, { text: undefined, onDisk: undefined, stub: doc, version: doc.version, facts: factsOf(doc, this.context, this.#intern) });
    this.#models.delete(path);
  }

  /** Sets a file's current text (an open editor buffer, or what was read from disk) and re-models it. */
  setText(path: string, text: string, version: number): void {
    this.#setText(path, text, version, undefined, true);
  }

  #setText(path: string, text: string, version: number, utf8: Uint8Array | undefined, evict: boolean): void {
    this.#addFile(path);
    if (isMarkdown(path)) {
      const doc = buildDocument(path, text, version, this.context, this.#outlines);
      // A page as read from a workspace that can read it again at once is not kept: the disk holds it.
      const reread = utf8 !== undefined && this.workspace.readSync !== undefined;
      // Every entry is written with the same properties in the same order, so all share one hidden class.
      const facts = factsOf(doc, this.context, this.#intern);
      this.#setPage(path, { text: reread ? undefined : storeText(text, utf8), onDisk: reread ? fingerprint(utf8) : undefined, stub: undefined, version, facts });
      this.#models.set(path, doc, evict);
    } else if (isToc(path)) {
      const toc = parseToc(path, text, version);
      this.#tocs.set(path, toc);
      this.#relations.setToc(toc);
    } else if (isDocfx(path)) {
      this.#docfx.set(path, parseDocfx(path, text));
      this.#docfxChanged(dirname(path));
    }
  }

  /** Records a page's new entry and moves its contribution to the relations and statistics. */
  #setPage(path: string, entry: PageEntry): void {
    const old = this.#pages.get(path);
    const isNew = old === undefined;
    this.#pages.set(path, entry);
    if (old) this.#sources.stemChanged(old.facts.stem);
    this.#sources.stemChanged(entry.facts.stem);
    this.#lines.delete(path);
    if (isNew) {
      this.#sortedPages = undefined;
      this.#pagesInDir.delete(dirname(path));
    }
    this.#relations.setPage(entry.facts);
    if (this.#values.setPage(entry.facts) || isNew) this.#values.folderChanged(dirname(path));
  }

  /** A docfx project appeared, changed or went: root-relative links of pages under it may resolve elsewhere now. */
  #docfxChanged(dir: string): void {
    this.#sources.clear();
    for (const p of this.#relations.rootRelativePages()) {
      const entry = isWithin(dir, p) ? this.#pages.get(p) : undefined;
      if (entry) this.#relations.setPage(entry.facts);
    }
  }

  /** Re-reads one file from the workspace after it was created or changed on disk. */
  async refresh(path: string): Promise<void> {
    this.#addFile(path);
    if (isMarkdown(path) || isToc(path) || isDocfx(path)) await this.#readAndSet(path);
  }

  /** Forgets a deleted file. */
  remove(path: string): void {
    if (this.#files.delete(path)) {
      this.#sortedFiles = undefined;
      this.#byDir.get(dirname(path))?.delete(path);
      this.#sortedDir.delete(dirname(path));
    }
    const entry = this.#pages.get(path);
    if (entry && this.#pages.delete(path)) {
      this.#sources.stemChanged(entry.facts.stem);
      this.#sortedPages = undefined;
      this.#pagesInDir.delete(dirname(path));
      this.#relations.removePage(path);
      this.#values.removePage(path);
      this.#values.folderChanged(dirname(path));
      this.#models.delete(path);
      this.#lines.delete(path);
    }
    if (this.#tocs.delete(path)) this.#relations.removeToc(path);
    if (this.#docfx.delete(path)) this.#docfxChanged(dirname(path));
  }

  /**
   * Lets go of a page's cached model, unless it is pinned: for a caller that has finished with it and
   * will not ask again, as a lint sweep over every page is. The next request builds it again.
   */
  releaseModel(path: string): void {
    this.#models.release(path);
  }

  /**
   * Keeps a page's model in memory whatever the cache budget (an open editor buffer: every request
   * about it reads the model), or lets it go again.
   */
  pin(path: string, pinned = true): void {
    this.#models.pin(path, pinned);
  }

  /** Every page path, in path order (the same array until a page appears or goes). */
  pagePaths(): readonly string[] {
    this.#sortedPages ??= [...this.#pages.keys()].sort();
    return this.#sortedPages;
  }

  /**
   * Every page model, in path order. This builds every model the cache does not hold (and the cache
   * then keeps only the most recent): rules, the linter and workspace-wide features iterate
   * {@link pagePaths} and take one model at a time, or read {@link facts}.
   */
  documents(): PlaybookDocument[] {
    return this.pagePaths().map((p) => this.document(p)!);
  }

  /**
   * The model of one page: from the cache, else built again from the page text and cached. `sweep` is for
   * a caller visiting every page once (the linter): a model built for it is cached only if the cache has
   * room, so the sweep does not push out what other requests use.
   */
  document(path: string, options: { readonly sweep?: boolean } = {}): PlaybookDocument | undefined {
    const entry = this.#pages.get(path);
    if (!entry) return undefined;
    if (entry.stub) return entry.stub;
    const cached = this.#models.get(path);
    if (cached) return cached;
    const text = this.#textOf(path, entry);
    if (text === undefined) return this.#models.peek(path) ?? this.#pages.get(path)?.stub;
    const doc = buildDocument(path, text, entry.version, this.context, this.#outlines);
    this.#models.set(path, doc, options.sweep !== true);
    return doc;
  }

  /**
   * A page's text, kept or read again from the workspace. A file that no longer holds the bytes it was
   * indexed from (changed or deleted on disk meanwhile) is indexed again from what is there now, and
   * undefined is returned: its new model is then in the cache (or it is a stub).
   */
  #textOf(path: string, entry: PageEntry): string | undefined {
    if (entry.text !== undefined) return loadText(entry.text);
    const bytes = this.workspace.readSync?.(path);
    if (bytes && fingerprint(bytes) === entry.onDisk) {
      const decoded = decodeText(bytes);
      if ('text' in decoded) return decoded.text;
    }
    this.#set(path, bytes);
    return undefined;
  }

  /** The facts of one page (kind, locale, title, anchors, links, task rows, front-matter values): no model needed. */
  facts(path: string): PageFacts | undefined {
    return this.#pages.get(path)?.facts;
  }

  /** The current text of a page or toc, without modelling it. */
  textOf(path: string): string | undefined {
    const entry = this.#pages.get(path);
    if (!entry) return this.#tocs.get(path)?.text;
    return entry.stub?.text ?? this.#models.peek(path)?.text ?? this.#textOf(path, entry) ?? this.document(path)?.text;
  }

  /**
   * The line index of a page or toc: the cached model's, else one built from the text (no parse) and
   * kept a while, since findings relate to the same few other pages over and over.
   */
  lineIndex(path: string): LineIndex | undefined {
    const entry = this.#pages.get(path);
    if (!entry) return this.#tocs.get(path)?.lines;
    const model = entry.stub ?? this.#models.peek(path);
    if (model) return model.lines;
    let lines = this.#lines.get(path);
    if (lines) {
      this.#lines.delete(path);
    } else {
      const text = this.#textOf(path, entry);
      if (text === undefined) return this.document(path)?.lines;
      lines = LineIndex.detached(text); // the text is not kept: a page the cache holds no model of is read again when needed
      if (this.#lines.size >= LINE_INDEXES_KEPT) this.#lines.delete(this.#lines.keys().next().value!);
    }
    this.#lines.set(path, lines);
    return lines;
  }

  /** Every toc, in path order. */
  tocs(): TocFile[] {
    return [...this.#tocs.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** One toc. */
  toc(path: string): TocFile | undefined {
    return this.#tocs.get(path);
  }

  /** True when a file exists (exact, case-sensitive). */
  exists(path: string): boolean {
    return this.#files.has(path);
  }

  /** True when a folder exists. */
  isDirectory(path: string): boolean {
    return this.#dirs.has(normalize(path));
  }

  /** Files directly inside a folder, in path order (the same array until the folder's files change). */
  filesIn(dir: string): readonly string[] {
    let list = this.#sortedDir.get(dir);
    if (!list) this.#sortedDir.set(dir, (list = [...(this.#byDir.get(dir) ?? [])].sort()));
    return list;
  }

  /** Pages directly inside a folder, in path order. */
  pagesIn(dir: string): readonly string[] {
    let list = this.#pagesInDir.get(dir);
    if (!list) this.#pagesInDir.set(dir, (list = this.filesIn(dir).filter((p) => this.#pages.has(p))));
    return list;
  }

  /** Every known file, in path order (the same array until a file appears or goes). */
  allFiles(): readonly string[] {
    this.#sortedFiles ??= [...this.#files.keys()].sort();
    return this.#sortedFiles;
  }

  /** The docfx project governing a path (the nearest `docfx.json` above it). */
  docfxFor(path: string): DocfxProject | undefined {
    let best: DocfxProject | undefined;
    for (const p of this.#docfx.values()) if (isWithin(p.dir, path) && (!best || p.dir.length > best.dir.length)) best = p;
    return best;
  }

  /** True when docfx would build the file (no docfx.json above it: true). */
  isBuilt(path: string): boolean {
    return this.docfxFor(path)?.isBuilt(path) ?? true;
  }

  /**
   * Resolves a relative link target from a file to an absolute path: relative to the file's folder,
   * `/x` and `~/x` relative to the docfx project (or workspace) root. Undefined for external targets.
   */
  resolve(from: string, target: LinkTarget): string | undefined {
    if (target.scheme !== undefined) return undefined;
    if (target.path === '') return from;
    if (target.path.startsWith('~/') || target.path.startsWith('/')) {
      const base = this.docfxFor(from)?.dir ?? this.root;
      return join(base, target.path.replace(/^~?\/+/, ''));
    }
    return join(dirname(from), target.path);
  }

  /** {@link resolve}, giving an existing file's own path string (relations keep one string per file, not one per link). */
  #resolveShared(from: string, target: LinkTarget): string | undefined {
    const path = this.resolve(from, target);
    return path === undefined ? undefined : (this.#files.get(path) ?? path);
  }

  /** Anchor ids a page offers: its own headings' and those its includes bring (transitively). */
  anchorsOf(path: string): Set<string> {
    const out = new Set<string>();
    const seen = new Set<string>();
    const visit = (p: string): void => {
      if (seen.has(p)) return;
      seen.add(p);
      const facts = this.#pages.get(p)?.facts;
      if (!facts) return;
      for (const slug of facts.slugs) out.add(slug);
      for (const link of facts.links) {
        if (link.kind !== 'include') continue;
        const target = this.resolve(p, link.target);
        if (target) visit(target);
      }
    };
    visit(path);
    return out;
  }

  /** Task uses by ID among pages of one locale, pages in path order. */
  tasks(locale: string): ReadonlyMap<string, readonly TaskUse[]> {
    return this.#relations.tasks(locale);
  }

  /** Links and includes that resolve to a path (anchors ignored), linking pages in path order. */
  incoming(path: string): readonly IncomingLink[] {
    return this.#relations.incoming(path);
  }

  /** Every path some link or include resolves to, with those links (whether the path exists or not). */
  linkTargets(): IterableIterator<[string, readonly IncomingLink[]]> {
    return this.#relations.incomingEntries();
  }

  /** Toc entries that point at a path. */
  tocReferences(path: string): readonly TocReference[] {
    return this.#relations.tocReferences(path);
  }

  /** How often each value of a front-matter key occurs across the workspace, in order of first occurrence. */
  valueCounts(key: string): ReadonlyMap<string, number> {
    return this.#values.counts(key);
  }

  /**
   * How the pages whose value of `whereKey` is `whereValue` give `key` (every value here is a page's last
   * entry of the key, trimmed): each value with its number of pages, and how many of those pages give
   * `key` at all; `except` (the page asking) is left out. Worked out once until such a page changes.
   */
  valuesWhere(key: string, whereKey: string, whereValue: string, except?: string): ValueDistribution {
    return this.#values.distribution(key, whereKey, whereValue, except);
  }

  /**
   * The pages whose front-matter value of `key` (its last entry, trimmed) is `value`, in path order (the
   * index's own list, kept in step with the pages: read it before changing the index).
   */
  pagesWithValue(key: string, value: string): readonly string[] {
    return this.#values.pagesWith(key, value);
  }

  /** The distinct values pages give a front-matter key (their last entry of it, trimmed). */
  distinctValues(key: string): string[] {
    return this.#values.valuesOf(key);
  }

  /** The values of `key` on the pages directly inside a folder, as [page, value] in path order. */
  valuesInFolder(dir: string, key: string): ReadonlyArray<readonly [string, string]> {
    return this.#values.inFolder(dir, key, (d) => this.pagesIn(d));
  }

  /**
   * The source-language page a translated page translates: a page of the source locale and the same kind
   * with the same base name without the locale's suffix; among several, one in the page's own docset,
   * then one under a source-locale folder, then the nearest (most folders shared), then the first in path
   * order (`translationSources.ts`). Worked out once per base name until one of its pages changes.
   */
  sourceOf(page: PageRef): PageFacts | undefined {
    const facts = this.#pages.get(pathOf(page))?.facts;
    const sourceLocale = this.context.config.defaults.sourceLocale;
    if (!facts || facts.locale === sourceLocale) return undefined;
    return this.#sources.of(facts, () =>
      pickSources(this.#relations.pagesWithStem(facts.stem).map((p) => this.#pages.get(p)!.facts), {
        sourceLocale,
        folderLocale: (p) => this.context.vocabulary.localeByFolder(p),
        docsetOf: (p) => this.docfxFor(p)?.dir,
      }),
    );
  }

  /** The translations of a source page, in path order. */
  translationsOf(page: PageRef): PageFacts[] {
    const path = pathOf(page);
    const facts = this.#pages.get(path)?.facts;
    if (!facts) return [];
    const stem = basename(path).replace(/\.md$/i, '').toLowerCase();
    const out: PageFacts[] = [];
    for (const p of this.#relations.pagesWithStem(stem)) {
      const c = this.#pages.get(p)!.facts;
      if (p !== path && c.locale !== facts.locale && this.sourceOf(c)?.path === path) out.push(c);
    }
    return out;
  }

  /**
   * The cross-file relations and statistics as plain data, keys sorted, lists in their order: two
   * indexes over the same files give equal snapshots however they got there (for tests and debugging).
   */
  relationsSnapshot(): Record<string, unknown> {
    const sortedKeys = <T>(entries: Iterable<[string, T]>): Array<[string, T]> => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const span = (s: { start: number; end: number } | undefined): string => (s ? `${s.start}-${s.end}` : '');
    const tasks = this.#relations.taskLocales().filter((locale) => this.tasks(locale).size > 0).sort().map((locale) => [locale, sortedKeys(this.tasks(locale)).map(([id, uses]) => [id, uses.map((u) => `${u.path}|${u.id}|${u.name}|${span(u.idSpan)}|${span(u.nameSpan)}|${u.table}.${u.row}`)])]);
    const incoming = sortedKeys(this.linkTargets()).map(([target, links]) => [target, links.map((l) => `${l.from}|${l.link.kind}|${l.link.target.raw}|${span(l.link.targetSpan)}`)]);
    const tocRefs = sortedKeys(this.#relations.tocReferenceEntries()).map(([target, refs]) => [target, refs.map((r) => `${r.toc.path}|${r.item.href}|${span(r.item.hrefSpan)}`)]);
    const stems = sortedKeys(this.#relations.stemEntries());
    const pages = this.pagePaths();
    const translations = pages.map((p) => [p, this.sourceOf(p)?.path ?? null, this.translationsOf(p).map((f) => f.path)]);
    const keys = this.#values.keys().sort();
    const values = keys.map((k) => [k, [...this.valueCounts(k)], this.#values.valuesOf(k).sort().map((v) => [v, [...this.pagesWithValue(k, v)]])]);
    const where = keys.flatMap((w) => this.#values.valuesOf(w).sort().map((v) => [w, v, keys.map((k) => [k, [...this.valuesWhere(k, w, v).counts], this.valuesWhere(k, w, v).total])]));
    const dirs = [...new Set(pages.map(dirname))].sort();
    const folders = dirs.map((d) => [d, keys.map((k) => [k, this.valuesInFolder(d, k)]).filter(([, list]) => (list as unknown[]).length > 0)]);
    return { pages, tasks, incoming, tocRefs, stems, translations, values, where, folders };
  }
}
