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
/** How many files are checked between two looks at the message queue (for cancellation). */
const CHUNK = 25;

/**
 * Computes, caches and delivers diagnostics. Results are cached per file until the file or something
 * it depends on changes (the sync layer says which files); a pull for an unchanged file answers
 * `unchanged`. Clients that pull are asked to pull again (`workspace/diagnostic/refresh`) when files
 * they did not just edit changed; clients that cannot pull get `publishDiagnostics` for open documents.
 */
export class DiagnosticsManager {
  readonly #d: DiagnosticsDeps;
  readonly #mode: DiagnosticsMode;
  readonly #cache = new Map<string, DiagnosticsEntry>();
  readonly #published = new Set<string>();
  readonly #pushQueue = new Set<string>();
  #changeWaiters: Array<() => void> = [];
  #seq = 0;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #pushTimer: ReturnType<typeof setTimeout> | undefined;

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

  /** Forgets every cached result (the settings changed) and has the client fetch them again. */
  invalidateAll(): void {
    this.#cache.clear();
    this.#wake();
    if (this.#mode.pull) this.#scheduleRefresh();
    else for (const p of this.#d.sync.paths()) this.#schedulePush(p);
  }

  #affected(e: AffectedEvent): void {
    const paths = e.all ? [...this.#cache.keys()].filter((p) => e.project.contains(p)) : e.paths;
    for (const p of paths) this.#cache.delete(p);
    this.#wake();
    if (this.#mode.pull) {
      if (e.all || e.paths.some((p) => p !== e.origin)) this.#scheduleRefresh();
      return;
    }
    const targets = e.all ? [...this.#d.sync.paths()].filter((p) => e.project.contains(p)) : e.paths;
    for (const p of targets) if (this.#d.sync.uriOf(p) !== undefined || this.#published.has(p)) this.#schedulePush(p);
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
    this.#pushQueue.add(path);
    if (this.#pushTimer) return;
    this.#pushTimer = setTimeout(() => {
      this.#pushTimer = undefined;
      const paths = [...this.#pushQueue].sort();
      this.#pushQueue.clear();
      void this.#push(paths).catch((e: unknown) => this.#d.log.error(`publishing diagnostics failed: ${(e as Error)?.stack ?? String(e)}`));
    }, 0);
  }

  async #push(paths: readonly string[]): Promise<void> {
    const { connection, sync } = this.#d;
    for (const path of paths) {
      const uri = sync.uriOf(path);
      if (uri === undefined) {
        if (this.#published.delete(path)) await connection.sendDiagnostics({ uri: this.#d.uris.toUri(path), diagnostics: [] });
        continue;
      }
      const enabled = (await this.#d.settings.get(uri)).validate.enable;
      const project = await sync.ensureCurrent(path);
      if (sync.uriOf(path) === undefined) continue; // closed meanwhile: the close publishes
      const entry = enabled ? this.entry(project, path) : undefined;
      const version = sync.versionOf(path);
      await connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: entry ? [...entry.items] : [] });
      this.#published.add(path);
    }
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

  /** `textDocument/diagnostic`: waits for the document's debounce, then answers from the cache or computes. */
  async documentPull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const path = this.#d.uris.toPath(uri);
    if (path === undefined) return { kind: 'full', items: [] };
    const settings = await untilCancelled(this.#d.settings.get(uri), token);
    if (!settings.validate.enable) return { kind: 'full', items: [] };
    await untilCancelled(this.#d.sync.settled(path), token);
    const project = await untilCancelled(this.#d.sync.ensureCurrent(path), token);
    throwIfCancelled(token);
    const entry = this.entry(project, path);
    if (params.previousResultId === entry.resultId) return { kind: 'unchanged', resultId: entry.resultId };
    return { kind: 'full', resultId: entry.resultId, items: [...entry.items] };
  }

  /**
   * `workspace/diagnostic`: every built page and toc of every project, once indexed. Files whose
   * result the client already has are left out; when nothing is new the request is held open until
   * something changes (or the client cancels it).
   */
  async workspacePull(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    for (;;) {
      for (const project of this.#d.projects.all()) await untilCancelled(project.ready(), token);
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      const seen = new Set<string>();
      let computed = 0;
      for (const project of this.#d.projects.all()) {
        const engine = project.engine;
        if (!engine) continue;
        const enabled = (await untilCancelled(this.#d.settings.get(this.#d.uris.toUri(project.root)), token)).validate.enable;
        if (!enabled) continue;
        const index = engine.index;
        const paths = [...index.documents().filter((d) => index.isBuilt(d.path)).map((d) => d.path), ...index.tocs().map((t) => t.path)].sort();
        for (const path of paths) {
          const uri = this.#d.sync.uriOf(path) ?? this.#d.uris.toUri(path);
          seen.add(uri);
          if (!this.#cache.has(path) && ++computed % CHUNK === 0) {
            await yieldToEventLoop();
            throwIfCancelled(token);
          }
          const entry = this.entry(project, path);
          if (previous.get(uri) === entry.resultId) continue;
          items.push({ kind: 'full', uri, version: entry.version, resultId: entry.resultId, items: [...entry.items] });
        }
      }
      for (const [uri, id] of previous) if (!seen.has(uri) && id !== GONE) items.push({ kind: 'full', uri, version: null, resultId: GONE, items: [] });
      if (items.length > 0 || previous.size === 0) return { items };
      await this.#nextChange(token);
    }
  }
}
