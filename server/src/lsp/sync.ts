import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { affectedByChange, type ChangeKind } from '../engine/index/dependents';
import type { FileChange } from '../engine/workspace/workspace';
import { isWithin } from '../engine/util/paths';
import { isConfigFile } from './loadConfig';
import type { Project, ProjectSet, VersionedBuffers } from './project';
import type { UriMapper } from './uri';

/** Files whose diagnostics may have changed, in one project. */
export interface AffectedEvent {
  readonly project: Project;
  /** The files to re-check, in path order; every file of the project when `all` is true. */
  readonly paths: readonly string[];
  /** True after the project was (re)indexed: everything may have changed. */
  readonly all: boolean;
  /** The open document whose edit caused this, when an edit did (the client re-pulls it on its own). */
  readonly origin?: string;
}

/** Says how long to wait after an edit to a document before re-modelling it, in milliseconds. */
export type DebounceFor = (uri: string) => Promise<number>;

const isModelled = (p: string): boolean => /\.md$/i.test(p) || /\/(toc\.ya?ml|docfx\.json)$/i.test(p);

interface Pending {
  timer?: ReturnType<typeof setTimeout>;
  generation: number;
  waiters: Array<() => void>;
}

/**
 * Keeps every project's index in step with the editor and the disk: open, changed and closed
 * documents, and the file events the client reports. Edits are applied after the document has been
 * quiet for the debounce time (or at once when someone needs the current model); every update goes
 * through one queue per project, and each reports the files that depend on what changed.
 */
export class ModelSync implements VersionedBuffers {
  readonly #uris: UriMapper;
  readonly #log: (message: string) => void;
  readonly #debounceFor: DebounceFor;
  readonly #open = new Map<string, { uri: string; document: () => TextDocument | undefined }>();
  readonly #pending = new Map<string, Pending>();
  readonly #queues = new WeakMap<Project, Promise<unknown>>();
  readonly #listeners = new Set<(e: AffectedEvent) => void>();
  #projects: ProjectSet | undefined;

  constructor(uris: UriMapper, log: (message: string) => void, debounceFor: DebounceFor) {
    this.#uris = uris;
    this.#log = log;
    this.#debounceFor = debounceFor;
  }

  /** Connects the projects (created after this object, since they read the buffers through it). */
  attach(projects: ProjectSet): void {
    this.#projects = projects;
  }

  #projectsOrThrow(): ProjectSet {
    if (!this.#projects) throw new Error('ModelSync used before attach()');
    return this.#projects;
  }

  // ---- VersionedBuffers -------------------------------------------------------------------------

  textOf(path: string): string | undefined {
    return this.#open.get(path)?.document()?.getText();
  }

  versionOf(path: string): number | undefined {
    return this.#open.get(path)?.document()?.version;
  }

  paths(): Iterable<string> {
    return [...this.#open.keys()];
  }

  /** The URI the client uses for an open document. */
  uriOf(path: string): string | undefined {
    return this.#open.get(path)?.uri;
  }

  // ---- events -----------------------------------------------------------------------------------

  /** Calls `listener` after each update with the files to re-check. */
  onAffected(listener: (e: AffectedEvent) => void): { dispose(): void } {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  #emit(e: AffectedEvent): void {
    for (const l of [...this.#listeners]) {
      try {
        l(e);
      } catch (err) {
        this.#log(`listener failed: ${(err as Error)?.stack ?? String(err)}`);
      }
    }
  }

  /** Reports that a project was (re)indexed. */
  projectIndexed(project: Project): void {
    this.#emit({ project, paths: [], all: true });
  }

  /** Listens to the editor's documents. */
  listen(documents: TextDocuments<TextDocument>): void {
    documents.onDidOpen((e) => this.#guard(() => this.#opened(e.document.uri, documents)));
    documents.onDidChangeContent((e) => this.#guard(() => this.#changed(e.document.uri)));
    documents.onDidClose((e) => this.#guard(() => this.#closed(e.document.uri)));
  }

  #guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.#log(`document event failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  /** Runs an update of a project's index after the ones before it. */
  #enqueue<T>(project: Project, fn: () => Promise<T>): Promise<T> {
    const prev = this.#queues.get(project) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.#queues.set(project, next.catch(() => undefined));
    return next;
  }

  #opened(uri: string, documents: TextDocuments<TextDocument>): void {
    const path = this.#uris.remember(uri);
    if (path === undefined) return;
    this.#open.set(path, { uri, document: () => documents.get(uri) });
    // Ask for the document's settings now: the first pull of its diagnostics finds them, not a round trip to the client.
    this.#debounceFor(uri).catch(() => undefined);
    void this.ensureCurrent(path).catch((e) => this.#log(`opening ${uri} failed: ${(e as Error)?.stack ?? String(e)}`));
  }

  #changed(uri: string): void {
    const path = this.#uris.toPath(uri);
    if (path === undefined || !this.#open.has(path)) return;
    const pending = this.#pending.get(path) ?? { generation: 0, waiters: [] };
    this.#pending.set(path, pending);
    const generation = ++pending.generation;
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = undefined;
    void this.#debounceFor(uri).then((ms) => {
      if (this.#pending.get(path) !== pending || pending.generation !== generation) return;
      pending.timer = setTimeout(() => void this.ensureCurrent(path).catch((e) => this.#log(`updating ${uri} failed: ${(e as Error)?.stack ?? String(e)}`)), ms);
    });
  }

  #closed(uri: string): void {
    const path = this.#uris.toPath(uri);
    if (path === undefined) return;
    this.#open.delete(path);
    this.#settle(path);
    const project = this.#projectsOrThrow().for(path);
    project.forgetBuffer(path);
    void this.#enqueue(project, async () => {
      const engine = await project.listed();
      const onDisk = await project.workspace.stat(path);
      const paths = onDisk
        ? await affectedByChange(engine.index, path, 'content', () => engine.index.refresh(path))
        : await affectedByChange(engine.index, path, 'deleted', () => engine.index.remove(path));
      this.#emit({ project, paths, all: false });
    }).catch((e) => this.#log(`closing ${uri} failed: ${(e as Error)?.stack ?? String(e)}`));
  }

  /** Resolves the waiters of a path's pending update and forgets it. */
  #settle(path: string): void {
    const pending = this.#pending.get(path);
    if (!pending) return;
    if (pending.timer) clearTimeout(pending.timer);
    this.#pending.delete(path);
    for (const w of pending.waiters) w();
  }

  /** Resolves when the document has no update waiting for its debounce time (at once if it has none). */
  settled(path: string): Promise<void> {
    const pending = this.#pending.get(path);
    if (!pending) return Promise.resolve();
    return new Promise((resolve) => pending.waiters.push(resolve));
  }

  /**
   * Makes the index hold the current editor text of an open document now (skipping what is left of
   * its debounce time), and reports its dependents if the text changed. Returns its project, whose
   * files are listed by then.
   */
  async ensureCurrent(path: string): Promise<Project> {
    const project = this.#projectsOrThrow().for(path);
    await this.#enqueue(project, async () => {
      const engine = await project.listed();
      this.#settle(path);
      if (project.isSynced(path)) return;
      const text = this.textOf(path);
      if (text === undefined) return;
      const index = engine.index;
      const model = index.document(path) ?? index.toc(path);
      if (model && model.text === text) {
        project.syncBuffer(path);
        this.#emit({ project, paths: [path], all: false, origin: path });
        return;
      }
      if (!project.isReady && !project.loose) {
        // While a folder's first index is built, nothing but this document has diagnostics worth updating
        // (the end of the index re-checks every file): spare the search for dependents over a moving index.
        project.syncBuffer(path);
        this.#emit({ project, paths: [path], all: false, origin: path });
        return;
      }
      const kind: ChangeKind = index.exists(path) ? 'content' : 'created';
      const paths = await affectedByChange(index, path, kind, () => void project.syncBuffer(path));
      this.#emit({ project, paths, all: false, origin: path });
    });
    return project;
  }

  /** Applies file changes the client reported for a project (its workspace forwards them here). */
  diskChanged(project: Project, changes: readonly FileChange[]): Promise<void> {
    return this.#enqueue(project, async () => {
      const engine = await project.listed();
      const index = engine.index;
      if (changes.some((c) => isConfigFile(c.path))) {
        await project.reload();
        this.projectIndexed(project);
        return;
      }
      const affected = new Set<string>();
      const apply = async (path: string, kind: ChangeKind, update: () => void | Promise<void>): Promise<void> => {
        for (const p of await affectedByChange(index, path, kind, update)) affected.add(p);
      };
      for (const change of changes) {
        const { path } = change;
        if (!project.contains(path) || this.#open.has(path)) continue; // an open document wins over the disk
        if (change.kind === 'deleted') {
          if (index.exists(path)) await apply(path, 'deleted', () => index.remove(path));
          else if (index.isDirectory(path)) {
            for (const f of index.allFiles()) if (isWithin(path, f) && !this.#open.has(f)) await apply(f, 'deleted', () => index.remove(f));
          }
        } else if (await project.workspace.isFolder(path)) {
          for (const f of await project.workspace.listUnder(path)) if (!index.exists(f) && !this.#open.has(f)) await apply(f, 'created', () => index.refresh(f));
        } else if (!index.exists(path)) {
          if (change.kind === 'created' || (await project.workspace.stat(path))) await apply(path, 'created', () => index.refresh(path));
        } else if (isModelled(path)) {
          await apply(path, 'content', () => index.refresh(path));
        }
      }
      if (affected.size) this.#emit({ project, paths: [...affected].sort(), all: false });
    });
  }
}
