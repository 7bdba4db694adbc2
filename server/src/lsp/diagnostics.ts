import type {
  CancellationToken,
  Connection,
  Diagnostic as LspDiagnostic,
  DiagnosticServerCancellationData,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  WorkspaceDiagnosticParams,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { Diagnostic } from '../engine/lint/diagnostic';
import { lintDocument, lintToc } from '../engine/lint/linter';
import { toLspDiagnostic } from './convert';
import { guard, throwIfCancelled, untilCancelled, yieldToEventLoop, type Logger } from './guard';
import { isConfigFile } from './loadConfig';
import type { Project, ProjectSet } from './project';
import type { SettingsStore } from './settings';
import type { AffectedEvent, ModelSync } from './sync';
import type { UriMapper } from './uri';

/** The diagnostics of one file at one state of the index. */
export interface DiagnosticsEntry {
  readonly path: string;
  /** Changes whenever the diagnostics may have changed; the client sends it back to ask "anything new?". */
  readonly resultId: string;
  /** The engine's diagnostics (with spans and fixes). */
  readonly diagnostics: readonly Diagnostic[];
  /** The same, as sent to the client. */
  readonly items: readonly LspDiagnostic[];
  /** The editor version they were computed on; null for a file that is not open. */
  readonly version: number | null;
}

/** How the server delivers diagnostics to this client. */
export interface DiagnosticsMode {
  /** The client pulls (`textDocument/diagnostic`); otherwise the server pushes (`publishDiagnostics`). */
  readonly pull: boolean;
  /** The client accepts `workspace/diagnostic/refresh`. */
  readonly refresh: boolean;
}

/** What the diagnostics manager works with. */
export interface DiagnosticsDeps {
  readonly connection: Connection;
  readonly uris: UriMapper;
  readonly projects: ProjectSet;
  readonly sync: ModelSync;
  readonly settings: SettingsStore;
  readonly log: Logger;
  readonly packageRoot: string;
}

/** The result id of a file reported once as gone (deleted, disabled, no longer built). */
const GONE = 'gone';
/** How long a walk over the workspace computes before it lets waiting messages through, in milliseconds. */
const SLICE_MS = 10;

/** Tells when a long walk should let the event loop run (requests, cancellations) before going on. */
class TimeSlicer {
  #since = performance.now();

  /** Yields to the event loop when the current slice is used up. */
  async pause(): Promise<boolean> {
    if (performance.now() - this.#since < SLICE_MS) return false;
    await yieldToEventLoop();
    this.#since = performance.now();
    return true;
  }
}

/**
 * Computes, caches and delivers diagnostics. Results are cached per file until the file or something
 * it depends on changes (the sync layer says which files); a pull for an unchanged file answers
 * `unchanged`. Clients that pull are asked to pull again (`workspace/diagnostic/refresh`) when files
 * they did not just edit changed. Clients that cannot pull get `publishDiagnostics`: for open
 * documents at once, and, once a workspace folder is indexed, for each of its files that has
 * diagnostics (in the background, open documents first), kept current as files and their dependents change.
 * Mistakes in configuration files are diagnostics on those files, both ways.
 */
export class DiagnosticsManager {
  readonly #d: DiagnosticsDeps;
  readonly #mode: DiagnosticsMode;
  readonly #cache = new Map<string, DiagnosticsEntry>();
  /** Files whose last published diagnostics were not empty (or that are open): they must be cleared when that ends. */
  readonly #published = new Set<string>();
  /** Files to publish soon: open documents and configuration files. */
  readonly #urgent = new Set<string>();
  /** Files to publish when the urgent ones are done: the rest of the workspace. */
  readonly #background = new Set<string>();
  /** Folders whose every file's diagnostics are published (push clients, after their first index). */
  readonly #workspacePushed = new Set<Project>();
  /** The configuration checks under way, per project (a pull of a configuration file waits for them). */
  readonly #configChecks = new Map<Project, Promise<void>>();
  /** The result id of each configuration file's diagnostics, with the items it was given for. */
  readonly #configIds = new Map<string, { key: string; id: string }>();
  #changeWaiters: Array<() => void> = [];
  #seq = 0;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #pumping = false;

  constructor(deps: DiagnosticsDeps, mode: DiagnosticsMode) {
    this.#d = deps;
    this.#mode = mode;
  }

  /** How diagnostics reach this client. */
  get mode(): DiagnosticsMode {
    return this.#mode;
  }

  /** Installs the pull handlers (when the client pulls) and follows index updates. */
  register(): void {
    const { connection, log } = this.#d;
    if (this.#mode.pull) {
      connection.languages.diagnostics.on(guard<DocumentDiagnosticParams, DocumentDiagnosticReport, DiagnosticServerCancellationData>(log, 'textDocument/diagnostic', (p, token) => this.documentPull(p, token)));
      connection.languages.diagnostics.onWorkspace(guard<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, DiagnosticServerCancellationData>(log, 'workspace/diagnostic', (p, token) => this.workspacePull(p, token)));
    }
    this.#d.sync.onAffected((e) => this.#affected(e));
  }

  /** Forgets every cached result (the settings or the folders changed) and has the client fetch them again. */
  invalidateAll(): void {
    this.#cache.clear();
    this.#wake();
    if (this.#mode.pull) {
      this.#scheduleRefresh();
      return;
    }
    const live = new Set(this.#d.projects.all());
    for (const p of [...this.#workspacePushed]) if (!live.has(p)) this.#workspacePushed.delete(p);
    for (const p of [...this.#d.sync.paths(), ...this.#published]) this.#schedulePush(p);
    for (const project of this.#workspacePushed) for (const p of this.#workspaceFiles(project)) this.#schedulePush(p);
  }

  #affected(e: AffectedEvent): void {
    const paths = e.all ? [...this.#cache.keys()].filter((p) => e.project.contains(p)) : e.paths;
    for (const p of paths) this.#cache.delete(p);
    this.#wake();
    // An edit of an open configuration file (or its closing) shows its mistakes at once; saving it reloads the project.
    if (!e.all && e.paths.some(isConfigFile)) this.#checkConfig(e.project);
    if (this.#mode.pull) {
      if (e.all || e.paths.some((p) => p !== e.origin)) this.#scheduleRefresh();
      return;
    }
    if (e.all) {
      if (!e.project.loose) this.#workspacePushed.add(e.project);
      const mine = (p: string): boolean => e.project.contains(p) || isConfigFile(p);
      const targets = new Set([...this.#d.sync.paths()].filter(mine));
      for (const p of this.#published) if (mine(p)) targets.add(p);
      if (this.#workspacePushed.has(e.project)) for (const p of this.#workspaceFiles(e.project)) targets.add(p);
      for (const p of targets) this.#schedulePush(p);
      return;
    }
    for (const p of e.paths) {
      if (isConfigFile(p)) continue; // published when its check has found what changed
      if (this.#d.sync.uriOf(p) !== undefined || this.#published.has(p) || this.#isWorkspacePushed(p)) this.#schedulePush(p);
    }
  }

  /** True when a file belongs to a folder whose whole workspace is published. */
  #isWorkspacePushed(path: string): boolean {
    const project = this.#d.projects.folderOf(path);
    return project !== undefined && this.#workspacePushed.has(project);
  }

  /** Every file of a project that has diagnostics of its own: built pages, tocs, configuration files with mistakes. */
  #workspaceFiles(project: Project): string[] {
    const index = project.engine?.index;
    const files = index ? this.#builtFiles(index) : [];
    return [...files, ...project.configProblems.map((p) => p.path)];
  }

  /** The pages docfx builds and the tocs of an index, in path order. */
  #builtFiles(index: NonNullable<Project['engine']>['index']): string[] {
    return [...index.pagePaths().filter((p) => index.isBuilt(p)), ...index.tocs().map((t) => t.path)].sort();
  }

  /** Checks a project's configuration files again and delivers what changed. */
  #checkConfig(project: Project): void {
    const before = project.configProblems.map((p) => p.path);
    const check = project.checkConfig().then((changed) => {
      if (!changed) return;
      this.#wake();
      if (this.#mode.pull) this.#scheduleRefresh();
      else for (const p of new Set([...before, ...project.configProblems.map((c) => c.path)])) this.#schedulePush(p);
    }).catch((e: unknown) => this.#d.log.error(`checking the configuration failed: ${(e as Error)?.stack ?? String(e)}`));
    const all = Promise.all([this.#configChecks.get(project), check]).then(() => undefined);
    this.#configChecks.set(project, all);
    void all.then(() => {
      if (this.#configChecks.get(project) === all) this.#configChecks.delete(project);
    });
  }

  /** Resolves when the configuration checks under way are done. */
  async #configChecked(): Promise<void> {
    await Promise.all([...this.#configChecks.values()]);
  }

  /** The diagnostics of a configuration file: the mistakes any project found in it. */
  configEntry(path: string): DiagnosticsEntry {
    const items: LspDiagnostic[] = [];
    const seen = new Set<string>();
    for (const project of this.#d.projects.all()) {
      for (const p of project.configProblems) {
        const key = JSON.stringify(p.diagnostic);
        if (p.path !== path || seen.has(key)) continue;
        seen.add(key);
        items.push(p.diagnostic);
      }
    }
    const key = JSON.stringify(items);
    let known = this.#configIds.get(path);
    if (!known || known.key !== key) {
      known = { key, id: String(++this.#seq) };
      this.#configIds.set(path, known);
    }
    return { path, resultId: known.id, diagnostics: [], items, version: this.#d.sync.versionOf(path) ?? null };
  }

  /** The configuration files some project found a mistake in. */
  #configFilesWithProblems(): string[] {
    return [...new Set(this.#d.projects.all().flatMap((p) => p.configProblems.map((c) => c.path)))].sort();
  }

  #wake(): void {
    const waiters = this.#changeWaiters;
    this.#changeWaiters = [];
    for (const w of waiters) w();
  }

  #nextChange(token: CancellationToken): Promise<void> {
    return untilCancelled(new Promise<void>((resolve) => this.#changeWaiters.push(resolve)), token);
  }

  #scheduleRefresh(): void {
    if (!this.#mode.refresh || this.#refreshTimer) return;
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = undefined;
      this.#d.connection.languages.diagnostics.refresh().catch((e: unknown) => this.#d.log.warn(`diagnostic refresh failed: ${(e as Error)?.message ?? String(e)}`));
    }, 10);
  }

  #schedulePush(path: string): void {
    if (this.#d.sync.uriOf(path) !== undefined || isConfigFile(path)) this.#urgent.add(path);
    else this.#background.add(path);
    if (this.#pumping) return;
    this.#pumping = true;
    setTimeout(() => void this.#pump(), 0);
  }

  /**
   * Publishes what is queued, one file at a time and one pump at a time (so a file's diagnostics are
   * never overtaken by older ones): open documents and configuration files first, then the rest in
   * path order, letting requests through between slices of work.
   */
  async #pump(): Promise<void> {
    const slicer = new TimeSlicer();
    try {
      while (this.#urgent.size > 0 || this.#background.size > 0) {
        const urgent = this.#urgent.size > 0;
        const batch = [...(urgent ? this.#urgent : this.#background)].sort();
        (urgent ? this.#urgent : this.#background).clear();
        for (const path of batch) {
          // An open document is published as it changes, through the urgent queue.
          if (!urgent && this.#d.sync.uriOf(path) !== undefined) continue;
          await this.#pushOne(path);
          await slicer.pause();
          if (!urgent && this.#urgent.size > 0) {
            // Open documents first: the rest of this batch waits its turn.
            for (const rest of batch.slice(batch.indexOf(path) + 1)) this.#background.add(rest);
            break;
          }
        }
      }
    } catch (e) {
      this.#d.log.error(`publishing diagnostics failed: ${(e as Error)?.stack ?? String(e)}`);
    } finally {
      this.#pumping = false;
      if (this.#urgent.size > 0 || this.#background.size > 0) {
        this.#pumping = true;
        setTimeout(() => void this.#pump(), 0);
      }
    }
  }

  /** Publishes the diagnostics of one file as they are now, or clears them. */
  async #pushOne(path: string): Promise<void> {
    const { connection, sync } = this.#d;
    const uri = sync.uriOf(path);
    if (isConfigFile(path)) {
      await this.#configChecked();
      const { items } = this.configEntry(path);
      if (items.length === 0 && !this.#published.has(path)) return;
      await connection.sendDiagnostics({ uri: uri ?? this.#d.uris.toUri(path), diagnostics: [...items] });
      if (items.length > 0) this.#published.add(path);
      else this.#published.delete(path);
      return;
    }
    if (uri === undefined) {
      const items = await this.#workspaceItems(path);
      if (items.length === 0 && !this.#published.has(path)) return;
      await connection.sendDiagnostics({ uri: this.#d.uris.toUri(path), diagnostics: items });
      if (items.length > 0) this.#published.add(path);
      else this.#published.delete(path);
      return;
    }
    const enabled = (await this.#d.settings.get(uri)).validate.enable;
    const project = await sync.ensureCurrent(path);
    if (sync.uriOf(path) === undefined) return; // closed meanwhile: the close publishes
    const entry = enabled ? this.entry(project, path) : undefined;
    const version = sync.versionOf(path);
    await connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: entry ? [...entry.items] : [] });
    this.#published.add(path);
  }

  /** The diagnostics of a file that is not open, when its folder's whole workspace is published; none otherwise. */
  async #workspaceItems(path: string): Promise<LspDiagnostic[]> {
    const project = this.#d.projects.folderOf(path);
    if (!project || !this.#workspacePushed.has(project)) return [];
    const index = project.engine?.index;
    if (!index || !(index.facts(path) ? index.isBuilt(path) : index.toc(path) !== undefined)) return [];
    if (!(await this.#d.settings.get(this.#d.uris.toUri(project.root))).validate.enable) return [];
    if (this.#d.sync.uriOf(path) !== undefined) return []; // opened meanwhile: it is queued as open
    return [...this.entry(project, path).items];
  }

  /**
   * The diagnostics of a file in the project's index as it is now, from the cache or computed. Pages
   * docfx does not build, and files that are neither pages nor tocs, have none.
   */
  entry(project: Project, path: string): DiagnosticsEntry {
    const cached = this.#cache.get(path);
    if (cached) return cached;
    const engine = project.engine;
    const index = engine?.index;
    const doc = index?.document(path);
    const toc = doc ? undefined : index?.toc(path);
    let diagnostics: Diagnostic[] = [];
    if (engine && index && doc && index.isBuilt(path)) diagnostics = lintDocument(doc, index, engine.rules);
    else if (engine && index && toc) diagnostics = lintToc(toc, index, engine.rules);
    const lines = doc?.lines ?? toc?.lines;
    const version = this.#d.sync.versionOf(path) ?? null;
    const uris = this.#d.uris;
    const items = lines ? diagnostics.map((d) => toLspDiagnostic(d, { toUri: (p) => this.#d.sync.uriOf(p) ?? uris.toUri(p), packageRoot: this.#d.packageRoot, lines, version })) : [];
    const entry: DiagnosticsEntry = { path, resultId: String(++this.#seq), diagnostics, items, version };
    this.#cache.set(path, entry);
    return entry;
  }

  /** The current diagnostics of a document, after applying its pending edits. */
  async current(path: string): Promise<{ project: Project; entry: DiagnosticsEntry }> {
    const project = await this.#d.sync.ensureCurrent(path);
    return { project, entry: this.entry(project, path) };
  }

  /**
   * `textDocument/diagnostic`: waits for the document's debounce, then answers from the cache or
   * computes. A configuration file answers the mistakes found in it (after the check of its current text).
   */
  async documentPull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const path = this.#d.uris.toPath(uri);
    if (path === undefined) return { kind: 'full', items: [] };
    const settings = await untilCancelled(this.#d.settings.get(uri), token);
    if (!settings.validate.enable) return { kind: 'full', items: [] };
    await untilCancelled(this.#d.sync.settled(path), token);
    const project = await untilCancelled(this.#d.sync.ensureCurrent(path), token);
    throwIfCancelled(token);
    if (isConfigFile(path)) await untilCancelled(this.#configChecked(), token);
    const entry = isConfigFile(path) ? this.configEntry(path) : this.entry(project, path);
    if (params.previousResultId === entry.resultId) return { kind: 'unchanged', resultId: entry.resultId };
    return { kind: 'full', resultId: entry.resultId, items: [...entry.items] };
  }

  /**
   * `workspace/diagnostic`: every built page and toc of every project, once indexed, and the
   * configuration files with mistakes. Files whose result the client already has are left out; when
   * nothing is new the request is held open until something changes (or the client cancels it).
   */
  async workspacePull(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    for (;;) {
      for (const project of this.#d.projects.all()) await untilCancelled(project.ready(), token);
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      const seen = new Set<string>();
      const slicer = new TimeSlicer();
      for (const project of this.#d.projects.all()) {
        const engine = project.engine;
        if (!engine) continue;
        const enabled = (await untilCancelled(this.#d.settings.get(this.#d.uris.toUri(project.root)), token)).validate.enable;
        if (!enabled) continue;
        const paths = this.#builtFiles(engine.index);
        for (const path of paths) {
          const uri = this.#d.sync.uriOf(path) ?? this.#d.uris.toUri(path);
          seen.add(uri);
          if (!this.#cache.has(path) && (await slicer.pause())) throwIfCancelled(token);
          const entry = this.entry(project, path);
          if (previous.get(uri) === entry.resultId) continue;
          items.push({ kind: 'full', uri, version: entry.version, resultId: entry.resultId, items: [...entry.items] });
        }
      }
      await untilCancelled(this.#configChecked(), token);
      for (const path of this.#configFilesWithProblems()) {
        const uri = this.#d.sync.uriOf(path) ?? this.#d.uris.toUri(path);
        if (seen.has(uri)) continue;
        seen.add(uri);
        const entry = this.configEntry(path);
        if (previous.get(uri) === entry.resultId) continue;
        items.push({ kind: 'full', uri, version: entry.version, resultId: entry.resultId, items: [...entry.items] });
      }
      for (const [uri, id] of previous) if (!seen.has(uri) && id !== GONE) items.push({ kind: 'full', uri, version: null, resultId: GONE, items: [] });
      if (items.length > 0 || previous.size === 0) return { items };
      await this.#nextChange(token);
    }
  }
}
