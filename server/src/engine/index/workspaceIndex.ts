import type { ModelContext, OutlineSource } from '../model/build';
import { buildDocument, stubDocument } from '../model/build';
import type { Include, Link, LinkTarget, PlaybookDocument, TaskRow, TaskTable } from '../model/document';
import { parseDocfx, type DocfxProject } from '../model/docfx';
import { parseToc, tocItems, type TocFile, type TocItem } from '../model/toc';
import { decodeText } from '../workspace/decode';
import type { Workspace } from '../workspace/workspace';
import { basename, dirname, extname, isWithin, join, normalize } from '../util/paths';

/** One use of a task ID in a table. */
export interface TaskUse {
  readonly doc: PlaybookDocument;
  readonly table: TaskTable;
  readonly row: TaskRow;
  readonly id: string;
  readonly name: string;
}

/** A link from one page to another. */
export interface IncomingLink {
  readonly from: PlaybookDocument;
  readonly link: Link | Include;
}

/** A toc entry that points at a file. */
export interface TocReference {
  readonly toc: TocFile;
  readonly item: TocItem;
}

interface Derived {
  tasksByLocale: Map<string, Map<string, TaskUse[]>>;
  incoming: Map<string, IncomingLink[]>;
  tocRefs: Map<string, TocReference[]>;
  byStem: Map<string, PlaybookDocument[]>;
  values: Map<string, Map<string, number>>;
}

const isMarkdown = (p: string): boolean => extname(p) === '.md';
const isToc = (p: string): boolean => basename(p).toLowerCase() === 'toc.yml' || basename(p).toLowerCase() === 'toc.yaml';
const isDocfx = (p: string): boolean => basename(p) === 'docfx.json';

/** How many files `load` reads ahead of the one it is modelling, so the disk works while pages are parsed. */
const READ_AHEAD = 16;

/**
 * Everything known about a workspace: every page's model, every toc, docfx projects, and the
 * cross-file relations rules need (anchors through includes, task registry, translations, the link
 * graph, toc reachability). One file can be updated without re-reading or re-parsing the others;
 * the cross-file relations are recomputed from the models on demand.
 */
export class WorkspaceIndex {
  readonly workspace: Workspace;
  readonly context: ModelContext;
  readonly #files = new Set<string>();
  readonly #dirs = new Set<string>();
  readonly #docs = new Map<string, PlaybookDocument>();
  readonly #tocs = new Map<string, TocFile>();
  readonly #docfx = new Map<string, DocfxProject>();
  /** Files per folder, and the sorted lists handed out: rules ask for them per link, so they are kept. */
  readonly #byDir = new Map<string, Set<string>>();
  #sortedFiles: string[] | undefined;
  #sortedDocs: PlaybookDocument[] | undefined;
  #outlines: OutlineSource | undefined;
  #derived: Derived | undefined;

  constructor(workspace: Workspace, context: ModelContext) {
    this.workspace = workspace;
    this.context = context;
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

  /** Lists and reads every page, toc and docfx.json. `onProgress` is called after each file. */
  async load(onProgress?: (done: number, total: number) => void): Promise<void> {
    const all = await this.workspace.list();
    for (const p of all) this.#addFile(p);
    const wanted = all.filter((p) => isMarkdown(p) || isToc(p) || isDocfx(p));
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
      this.#set(wanted[i]!, bytes);
      onProgress?.(i + 1, wanted.length);
    }
    this.#derived = undefined;
  }

  #addFile(p: string): void {
    if (this.#files.has(p)) return;
    this.#files.add(p);
    this.#sortedFiles = undefined;
    const dir = dirname(p);
    const inDir = this.#byDir.get(dir);
    if (inDir) inDir.add(p);
    else this.#byDir.set(dir, new Set([p]));
    for (let d = dir; d !== '/' && !this.#dirs.has(d); d = dirname(d)) this.#dirs.add(d);
  }

  #setDoc(p: string, doc: PlaybookDocument): void {
    this.#docs.set(p, doc);
    this.#sortedDocs = undefined;
  }

  async #readAndSet(p: string): Promise<void> {
    this.#set(p, await this.workspace.read(p));
  }

  #set(p: string, bytes: Uint8Array | undefined): void {
    if (bytes === undefined) {
      if (isMarkdown(p)) this.#setDoc(p, stubDocument(p, { code: 'unreadable', message: 'The file could not be read.', span: { start: 0, end: 0 } }, this.context));
      return;
    }
    const decoded = decodeText(bytes);
    if ('problem' in decoded) {
      if (isMarkdown(p)) this.#setDoc(p, stubDocument(p, decoded.problem, this.context));
      return;
    }
    this.setText(p, decoded.text, 0);
  }

  /** Sets a file's current text (an open editor buffer, or what was read from disk) and re-models it. */
  setText(path: string, text: string, version: number): void {
    this.#addFile(path);
    if (isMarkdown(path)) this.#setDoc(path, buildDocument(path, text, version, this.context, this.#outlines));
    else if (isToc(path)) this.#tocs.set(path, parseToc(path, text, version));
    else if (isDocfx(path)) this.#docfx.set(path, parseDocfx(path, text));
    this.#derived = undefined;
  }

  /** Re-reads one file from the workspace after it was created or changed on disk. */
  async refresh(path: string): Promise<void> {
    this.#addFile(path);
    if (isMarkdown(path) || isToc(path) || isDocfx(path)) await this.#readAndSet(path);
    this.#derived = undefined;
  }

  /** Forgets a deleted file. */
  remove(path: string): void {
    if (this.#files.delete(path)) {
      this.#sortedFiles = undefined;
      this.#byDir.get(dirname(path))?.delete(path);
    }
    if (this.#docs.delete(path)) this.#sortedDocs = undefined;
    this.#tocs.delete(path);
    this.#docfx.delete(path);
    this.#derived = undefined;
  }

  /** Every page model, in path order. */
  documents(): PlaybookDocument[] {
    this.#sortedDocs ??= [...this.#docs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return this.#sortedDocs.slice();
  }

  /** The model of one page. */
  document(path: string): PlaybookDocument | undefined {
    return this.#docs.get(path);
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

  /** Files directly inside a folder. */
  filesIn(dir: string): string[] {
    return [...(this.#byDir.get(dir) ?? [])].sort();
  }

  /** Every known file. */
  allFiles(): string[] {
    this.#sortedFiles ??= [...this.#files].sort();
    return this.#sortedFiles.slice();
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

  /** Anchor ids a page offers: its own headings' and those its includes bring (transitively). */
  anchorsOf(path: string): Set<string> {
    const out = new Set<string>();
    const seen = new Set<string>();
    const visit = (p: string): void => {
      if (seen.has(p)) return;
      seen.add(p);
      const doc = this.#docs.get(p);
      if (!doc) return;
      for (const h of doc.headings) out.add(h.slug);
      for (const inc of doc.includes) {
        const target = this.resolve(p, inc.target);
        if (target) visit(target);
      }
    };
    visit(path);
    return out;
  }

  #derive(): Derived {
    if (this.#derived) return this.#derived;
    const d: Derived = { tasksByLocale: new Map(), incoming: new Map(), tocRefs: new Map(), byStem: new Map(), values: new Map() };
    for (const doc of this.documents()) {
      let tasks = d.tasksByLocale.get(doc.locale);
      if (!tasks) d.tasksByLocale.set(doc.locale, (tasks = new Map()));
      for (const table of doc.taskTables) {
        for (const row of table.rows) {
          const id = row.byColumn.id?.text;
          if (!id || !/^\d{3,4}$/.test(id)) continue;
          const use: TaskUse = { doc, table, row, id, name: row.byColumn.name?.text ?? '' };
          const list = tasks.get(id);
          if (list) list.push(use);
          else tasks.set(id, [use]);
        }
      }
      for (const link of [...doc.links, ...doc.includes]) {
        const target = this.resolve(doc.path, link.target);
        if (!target) continue;
        const list = d.incoming.get(target);
        if (list) list.push({ from: doc, link });
        else d.incoming.set(target, [{ from: doc, link }]);
      }
      const stem = this.context.vocabulary.stripSuffix(basename(doc.path).replace(/\.md$/i, ''), doc.locale).toLowerCase();
      const same = d.byStem.get(stem);
      if (same) same.push(doc);
      else d.byStem.set(stem, [doc]);
      for (const e of doc.frontMatter?.entries ?? []) {
        if (typeof e.value !== 'string' && typeof e.value !== 'number') continue;
        let counts = d.values.get(e.key);
        if (!counts) d.values.set(e.key, (counts = new Map()));
        const v = String(e.value).trim();
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
    }
    for (const toc of this.tocs()) {
      for (const item of tocItems(toc.items)) {
        if (!item.href || /^[a-z][a-z0-9+.-]*:/i.test(item.href)) continue;
        const target = join(dirname(toc.path), item.href.split('#')[0]!.split('?')[0]!);
        const list = d.tocRefs.get(target);
        if (list) list.push({ toc, item });
        else d.tocRefs.set(target, [{ toc, item }]);
      }
    }
    return (this.#derived = d);
  }

  /** Task uses by ID among pages of one locale. */
  tasks(locale: string): ReadonlyMap<string, readonly TaskUse[]> {
    return this.#derive().tasksByLocale.get(locale) ?? new Map();
  }

  /** Links and includes that resolve to a path (anchors ignored). */
  incoming(path: string): readonly IncomingLink[] {
    return this.#derive().incoming.get(path) ?? [];
  }

  /** Toc entries that point at a path. */
  tocReferences(path: string): readonly TocReference[] {
    return this.#derive().tocRefs.get(path) ?? [];
  }

  /** How often each value of a front-matter key occurs across the workspace. */
  valueCounts(key: string): ReadonlyMap<string, number> {
    return this.#derive().values.get(key) ?? new Map();
  }

  /** The source-language page a translated page translates (same base name without the suffix). */
  sourceOf(doc: PlaybookDocument): PlaybookDocument | undefined {
    const sourceLocale = this.context.config.defaults.sourceLocale;
    if (doc.locale === sourceLocale) return undefined;
    const stem = this.context.vocabulary.stripSuffix(basename(doc.path).replace(/\.md$/i, ''), doc.locale).toLowerCase();
    const candidates = (this.#derive().byStem.get(stem) ?? []).filter((c) => c.locale === sourceLocale && c.kind === doc.kind);
    return candidates.find((c) => this.context.vocabulary.localeByFolder(c.path) === sourceLocale) ?? candidates[0];
  }

  /** The translations of a source page. */
  translationsOf(doc: PlaybookDocument): PlaybookDocument[] {
    const stem = basename(doc.path).replace(/\.md$/i, '').toLowerCase();
    return (this.#derive().byStem.get(stem) ?? []).filter((c) => c !== doc && c.locale !== doc.locale && this.sourceOf(c) === doc);
  }
}
