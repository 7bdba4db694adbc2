import { createEngine, type Engine } from '../engine/engine';
import { dirname, isWithin } from '../engine/util/paths';
import { defaultConfig } from '../engine/config/builtin';
import { t } from '../engine/util/l10n';
import { configProblemOf, type ConfigProblem } from './configDiagnostics';
import { loadConfigFor, type LoadedConfig } from './loadConfig';
import { LspWorkspace, type OpenBuffers } from './lspWorkspace';

/** The open buffers, with the version the editor gave each. */
export interface VersionedBuffers extends OpenBuffers {
  /** The editor's version of the open document at `path`, if one is open. */
  versionOf(path: string): number | undefined;
}

/** Reports indexing progress: `done` of `total` files read. */
export type LoadProgress = (done: number, total: number) => void;

/**
 * One workspace folder served by one engine. The engine is replaced as a whole when the
 * configuration changes (locale packs and rule settings shape every model); until the new one has
 * read every file, the old one keeps answering.
 */
export class Project {
  readonly root: string;
  readonly workspace: LspWorkspace;
  /** True for the folder of a file opened outside every workspace folder. */
  readonly loose: boolean;
  readonly #buffers: VersionedBuffers;
  readonly #log: (message: string) => void;
  #engine: Engine | undefined;
  /** The editor version each open document had when its text was last given to the index. */
  #synced = new Map<string, number>();
  #ready: Promise<void> | undefined;
  #isReady = false;
  readonly #listed: Promise<void>;
  #markListed: () => void = () => undefined;
  readonly #progress = new Set<LoadProgress>();
  #configProblems: readonly ConfigProblem[] = [];
  #configChecks: Promise<boolean> = Promise.resolve(false);

  constructor(root: string, buffers: VersionedBuffers, log: (message: string) => void, loose = false) {
    this.workspace = new LspWorkspace(root, buffers, { shallow: loose });
    this.root = this.workspace.root;
    this.loose = loose;
    this.#buffers = buffers;
    this.#log = log;
    this.#listed = new Promise((resolve) => (this.#markListed = resolve));
  }

  /** The engine; undefined only until the configuration of the first load is read. */
  get engine(): Engine | undefined {
    return this.#engine;
  }

  /** True once the first full index is built. */
  get isReady(): boolean {
    return this.#isReady;
  }

  /** Resolves when the first full index is built (starting it if needed). */
  ready(): Promise<void> {
    if (!this.#ready) this.#ready = this.#load().then(() => void (this.#isReady = true));
    return this.#ready;
  }

  /** Calls `listener` as files are read by every load (the first and each reload) until disposed. */
  onLoadProgress(listener: LoadProgress): { dispose(): void } {
    this.#progress.add(listener);
    return { dispose: () => this.#progress.delete(listener) };
  }

  /** Resolves when the engine exists and the files are listed: enough to check one open document. */
  async listed(): Promise<Engine> {
    const ready = this.ready();
    await Promise.race([this.#listed, ready]);
    if (!this.#engine) await ready;
    if (!this.#engine) throw new Error(`no engine for ${this.root}`);
    return this.#engine;
  }

  /**
   * The mistakes found in the configuration files by the last load or check (at most one: the
   * loader stops at the first). While there is one, the engine runs on the built-in defaults.
   */
  get configProblems(): readonly ConfigProblem[] {
    return this.#configProblems;
  }

  /**
   * Checks the configuration files again as they are now (open buffers included) without rebuilding
   * the index: for an edit of an open configuration file, whose mistakes should show as they are
   * typed and fixed; the index takes the new configuration when the file is saved. Checks run one
   * after the other; resolves to true when the problems changed.
   */
  checkConfig(): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      let loaded: LoadedConfig;
      try {
        loaded = await loadConfigFor(this.workspace);
      } catch {
        return false; // not a mistake in a file: the next load logs it
      }
      return this.#setConfigProblems(loaded);
    };
    this.#configChecks = this.#configChecks.then(run, run);
    return this.#configChecks;
  }

  /** Records the problems of a loaded configuration; true when they differ from those known. */
  async #setConfigProblems(loaded: LoadedConfig): Promise<boolean> {
    const problems = loaded.error ? [await configProblemOf(loaded.error, this.workspace)] : [];
    const same = JSON.stringify(problems) === JSON.stringify(this.#configProblems);
    if (!same) this.#configProblems = problems;
    return !same;
  }

  /** Re-reads the configuration and rebuilds the index with it; the old engine answers meanwhile. */
  async reload(): Promise<void> {
    await this.ready();
    await this.#load();
  }

  async #load(): Promise<void> {
    let loaded: LoadedConfig;
    try {
      loaded = await loadConfigFor(this.workspace);
    } catch (e) {
      this.#log(t('Could not read the configuration of {0}: {1}. Using the defaults.', this.root, (e as Error)?.message ?? String(e)));
      loaded = { config: defaultConfig() };
    }
    const { config, error } = loaded;
    if (error) this.#log(t('Configuration error, using the defaults until it is corrected: {0}', error.message));
    await this.#setConfigProblems(loaded);
    const engine = createEngine(this.workspace, config);
    const first = this.#engine === undefined;
    // The first engine serves open documents while it loads; a replacement waits until it is complete.
    if (first) this.#engine = engine;
    if (first) void this.workspace.nextListing().then(this.#markListed);
    try {
      // Pausing every ~10 ms lets a page opened meanwhile get its diagnostics without waiting for the whole load.
      await engine.index.load(
        (done, total) => {
          for (const l of [...this.#progress]) l(done, total);
        },
        () => new Promise((resolve) => setImmediate(resolve)),
      );
    } catch (e) {
      // An engine bug must not leave the folder without diagnostics: serve what was read.
      this.#log(t('Indexing {0} stopped early: {1}', this.root, (e as Error)?.stack ?? String(e)));
    }
    this.#engine = engine;
    this.#synced = new Map();
    for (const path of this.#buffers.paths()) if (this.contains(path)) this.syncBuffer(path);
  }

  /** True when a path belongs to this project. */
  contains(path: string): boolean {
    return this.loose ? dirname(path) === this.root : isWithin(this.root, path) && path !== this.root;
  }

  /** True when the index holds the current editor version of an open document (or it is not open). */
  isSynced(path: string): boolean {
    const version = this.#buffers.versionOf(path);
    return version === undefined || this.#synced.get(path) === version;
  }

  /** Gives the index the open document's current text; false when it is not open or has no engine yet. */
  syncBuffer(path: string): boolean {
    const text = this.#buffers.textOf(path);
    const version = this.#buffers.versionOf(path);
    if (text === undefined || version === undefined || !this.#engine) return false;
    this.#engine.index.setText(path, text, version);
    // An open document's model stays built: it is asked for on every keystroke and request.
    this.#engine.index.pin(path);
    this.#synced.set(path, version);
    return true;
  }

  /** Forgets that an open document was synced (it was closed). */
  forgetBuffer(path: string): void {
    this.#synced.delete(path);
    this.#engine?.index.pin(path, false);
  }
}

/** The projects of a session: one per workspace folder, plus one per folder of a loose file. */
export class ProjectSet {
  readonly #projects = new Map<string, Project>();
  readonly #buffers: VersionedBuffers;
  readonly #log: (message: string) => void;
  readonly #onCreated: (p: Project) => void;

  constructor(buffers: VersionedBuffers, log: (message: string) => void, onCreated: (p: Project) => void) {
    this.#buffers = buffers;
    this.#log = log;
    this.#onCreated = onCreated;
  }

  /** Adds a workspace folder (its index is built when `ready` is first called). */
  addFolder(root: string): Project {
    const existing = this.#projects.get(root);
    if (existing && !existing.loose) return existing;
    const p = new Project(root, this.#buffers, this.#log);
    this.#projects.set(p.root, p);
    this.#onCreated(p);
    return p;
  }

  /** Removes a workspace folder. */
  removeFolder(root: string): Project | undefined {
    const p = this.#projects.get(root);
    if (p) this.#projects.delete(root);
    return p;
  }

  /** Every project, folders first. */
  all(): Project[] {
    return [...this.#projects.values()].sort((a, b) => Number(a.loose) - Number(b.loose) || (a.root < b.root ? -1 : 1));
  }

  /** The workspace folder project holding a path (the innermost), if any. */
  folderOf(path: string): Project | undefined {
    let best: Project | undefined;
    for (const p of this.#projects.values()) if (!p.loose && p.contains(path) && (!best || p.root.length > best.root.length)) best = p;
    return best;
  }

  /** The project that serves a path; a file outside every folder gets a project of its own folder. */
  for(path: string): Project {
    const folder = this.folderOf(path);
    if (folder) return folder;
    const dir = dirname(path);
    let loose = this.#projects.get(dir);
    if (!loose) {
      loose = new Project(dir, this.#buffers, this.#log, true);
      this.#projects.set(dir, loose);
      this.#onCreated(loose);
    }
    return loose;
  }
}
