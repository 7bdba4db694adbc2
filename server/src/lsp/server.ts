import { existsSync } from 'node:fs';
import { dirname as nativeDirname, join as nativeJoin } from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileChange } from '../engine/workspace/workspace';
import packageJson from '../../../package.json';
import { boundHeapGrowth, SERVER_HEAP_GROWTH_PERCENT } from '../cli/heapGrowth';
import { DiagnosticsManager } from './diagnostics';
import { features } from './features';
import { guardNotification, type Logger } from './guard';
import { indexWithProgress } from './indexing';
import { ProjectSet, type Project } from './project';
import { documentAtFor, type Services } from './services';
import { SettingsStore } from './settings';
import { ModelSync } from './sync';
import { UriMapper } from './uri';

/** The folder holding the package's `package.json` (and `docs/rules`), from this file's folder upwards. */
export function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = nativeDirname(dir)) {
    if (existsSync(nativeJoin(dir, 'package.json'))) return dir;
    if (nativeDirname(dir) === dir) return from;
  }
}

/** Merges feature capabilities into one object (the `workspace` part one level deep). */
function mergeCapabilities(parts: readonly ServerCapabilities[]): ServerCapabilities {
  const out: ServerCapabilities = {};
  for (const p of parts) {
    const { workspace, ...rest } = p;
    Object.assign(out, rest);
    if (workspace) out.workspace = { ...out.workspace, ...workspace };
  }
  return out;
}

const CHANGE_KIND: Record<number, FileChange['kind']> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/** Serves the playbook engine over a connection until the client shuts it down. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log: Logger = {
    error: (m) => connection.console.error(m),
    warn: (m) => connection.console.warn(m),
    info: (m) => connection.console.info(m),
  };
  let services: Services | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const client = params.capabilities;
    const uris = new UriMapper();
    const settings = new SettingsStore(connection, client.workspace?.configuration === true);
    const sync = new ModelSync(uris, (m) => log.error(m), async (uri) => (await settings.get(uri)).diagnostics.debounceMs);
    const projects = new ProjectSet(sync, (m) => log.warn(m), (project) => {
      project.workspace.watch((changes) => void sync.diskChanged(project, changes).catch((e: unknown) => log.error(`file events failed: ${(e as Error)?.stack ?? String(e)}`)));
    });
    sync.attach(projects);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    for (const f of folders) {
      const path = uris.toPath(f.uri);
      if (path !== undefined) projects.addFolder(path);
    }
    const packageRoot = findPackageRoot(__dirname);
    const diagnostics = new DiagnosticsManager(
      { connection, uris, projects, sync, settings, log, packageRoot },
      { pull: client.textDocument?.diagnostic !== undefined, refresh: client.workspace?.diagnostics?.refreshSupport === true },
    );
    const s: Services = { connection, documents, client, uris, projects, sync, settings, diagnostics, log, packageRoot, documentAt: documentAtFor(uris, sync), toUri: (p) => sync.uriOf(p) ?? uris.toUri(p) };
    services = s;
    sync.listen(documents);
    for (const f of features) f.register(s);
    const capabilities = mergeCapabilities([
      {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      ...features.map((f) => f.capabilities(client)),
    ]);
    return { capabilities, serverInfo: { name: 'playbook-language-server', version: packageJson.version } };
  });

  connection.onInitialized(() => {
    const s = services;
    if (!s) return;
    const ws = s.client.workspace;
    if (ws?.didChangeConfiguration?.dynamicRegistration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    if (ws?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }).catch(() => undefined);
    }
    if (ws?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guardNotification(log, 'workspace/didChangeWorkspaceFolders', (e) => {
        for (const f of e.removed) {
          const path = s.uris.toPath(f.uri);
          if (path !== undefined) s.projects.removeFolder(path);
        }
        for (const f of e.added) {
          const path = s.uris.toPath(f.uri);
          if (path !== undefined) void index(s, s.projects.addFolder(path));
        }
        s.diagnostics.invalidateAll();
      }));
    }
    for (const project of s.projects.all()) void index(s, project);
  });

  /** Indexes a project with progress, then has its diagnostics recomputed. */
  async function index(s: Services, project: Project): Promise<void> {
    try {
      await indexWithProgress(connection, project, s.client.window?.workDoneProgress === true, log);
      s.sync.projectIndexed(project);
    } catch (e) {
      log.error(`indexing ${project.root} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  connection.onDidChangeConfiguration(guardNotification(log, 'workspace/didChangeConfiguration', (params) => {
    if (!services) return;
    services.settings.reset(params.settings);
    services.diagnostics.invalidateAll();
  }));

  connection.onDidChangeWatchedFiles(guardNotification(log, 'workspace/didChangeWatchedFiles', (params) => {
    const s = services;
    if (!s) return;
    const byProject = new Map<Project, FileChange[]>();
    for (const c of params.changes) {
      const path = s.uris.toPath(c.uri);
      const kind = CHANGE_KIND[c.type];
      if (path === undefined || kind === undefined) continue;
      const project = s.projects.folderOf(path) ?? s.projects.all().find((p) => p.loose && p.contains(path));
      if (!project) continue;
      const list = byProject.get(project) ?? [];
      list.push({ kind, path });
      byProject.set(project, list);
    }
    for (const [project, changes] of byProject) project.workspace.fire(changes);
  }));

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  boundHeapGrowth(SERVER_HEAP_GROWTH_PERCENT);
  startServer(createConnection(ProposedFeatures.all));
}
