/**
 * A raw LSP client for protocol tests: spawns the built server (`node dist/server.js --stdio`) on a
 * temporary workspace folder and speaks JSON-RPC to it through vscode-languageserver-protocol/node
 * (its message connection over stdio streams). It answers the server's own requests (configuration, progress tokens, registrations, refresh)
 * and records everything the server sends, so tests can wait for and assert whole messages.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  type ClientCapabilities,
  type InitializeResult,
  type MessageConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** The built server the tests spawn (`node esbuild.mjs` first; `npm test` builds before testing). */
export const SERVER = resolve('dist/server.js');
/** The package root, as the server finds it from `dist/`. */
export const PACKAGE_ROOT = resolve('.');

/** A message the server sent to the client. */
export interface Received {
  readonly kind: 'request' | 'notification';
  readonly method: string;
  readonly params: unknown;
}

/** Everything a typical editor (VS Code) announces that the server uses: pulls diagnostics, resolves code actions. */
export const PULL_CLIENT: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    diagnostics: { refreshSupport: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
  },
  window: { workDoneProgress: true },
};

/** A client that cannot pull diagnostics (nor resolve code actions): the server must push. */
export const PUSH_CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
  window: { workDoneProgress: true },
};

/** How to start a session. */
export interface StartOptions {
  /** Files of the workspace folder, by relative path. */
  readonly files?: Readonly<Record<string, string>>;
  readonly capabilities?: ClientCapabilities;
  /** The `playbook` settings the client answers `workspace/configuration` with (debounce 0 by default). */
  readonly settings?: unknown;
  /** How long a request or wait may take before the test fails, in milliseconds. */
  readonly timeoutMs?: number;
}

/** Writes files below a folder. */
function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), content);
  }
}

/** One server process with its workspace folder and a client connection to it. */
export class LspSession {
  /** The workspace folder (real path, so it matches what the server reads). */
  readonly root: string;
  readonly connection: MessageConnection;
  readonly process: ChildProcessWithoutNullStreams;
  /** Everything the server sent, in order. */
  readonly received: Received[] = [];
  /** The `playbook` settings answered to `workspace/configuration`. */
  settings: unknown;
  readonly timeoutMs: number;
  #stderr = '';
  #waiters: Array<() => void> = [];
  #versions = new Map<string, number>();

  constructor(root: string, settings: unknown, timeoutMs: number) {
    this.root = root;
    this.settings = settings;
    this.timeoutMs = timeoutMs;
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: 'pipe' });
    this.process.stderr.on('data', (d: Buffer) => (this.#stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onRequest((method: string, params: unknown) => {
      this.#record({ kind: 'request', method, params });
      if (method === 'workspace/configuration') {
        const items = (params as { items: Array<{ section?: string }> }).items;
        return items.map((i) => (i.section === 'playbook' ? this.settings : null));
      }
      if (method === 'window/workDoneProgress/create') {
        // The protocol layer routes `$/progress` to per-token handlers, never to the catch-all one.
        const token = (params as { token: string | number }).token;
        this.connection.onProgress(WorkDoneProgress.type, token, (value) => this.#record({ kind: 'notification', method: '$/progress', params: { token, value } }));
      }
      return null;
    });
    this.connection.onNotification((method: string, params: unknown) => this.#record({ kind: 'notification', method, params }));
    this.connection.listen();
  }

  #record(r: Received): void {
    this.received.push(r);
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  /** What the server wrote to standard error. */
  get stderr(): string {
    return this.#stderr;
  }

  /** The `file:` URI of a workspace-relative path. */
  uri(rel: string): string {
    return pathToFileURL(join(this.root, rel)).href;
  }

  /** The native path of a workspace-relative path. */
  path(rel: string): string {
    return join(this.root, rel);
  }

  /** The position of the next message to arrive, for `waitFor(..., { since })`. */
  mark(): number {
    return this.received.length;
  }

  /** Sends a request; rejects (with the ResponseError) on an error response or after the timeout. */
  request<R>(method: string, params: unknown, timeoutMs = this.timeoutMs): Promise<R> {
    return this.#timed(this.connection.sendRequest<R>(method, params), `${method} request`, timeoutMs);
  }

  /** Sends a request the test may cancel (`$/cancelRequest`); the result rejects with the server's answer to that. */
  cancellable<R>(method: string, params: unknown, timeoutMs = this.timeoutMs): { result: Promise<R>; cancel(): void } {
    const source = new CancellationTokenSource();
    return { result: this.#timed(this.connection.sendRequest<R>(method, params, source.token), `${method} request`, timeoutMs), cancel: () => source.cancel() };
  }

  /** Sends a notification. */
  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  #timed<T>(p: Promise<T>, what: string, timeoutMs: number): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms; server stderr:\n${this.#stderr}`)), timeoutMs);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  /**
   * The first message of `method` (from position `since` on, 0 by default) that `match` accepts,
   * waiting for it if it has not arrived yet.
   */
  waitFor(method: string, options: { since?: number; match?: (params: unknown) => boolean; timeoutMs?: number } = {}): Promise<Received> {
    const { since = 0, match = () => true, timeoutMs = this.timeoutMs } = options;
    const find = (): Received | undefined => this.received.slice(since).find((r) => r.method === method && match(r.params));
    const found = find();
    if (found) return Promise.resolve(found);
    return this.#timed(
      new Promise<Received>((resolve) => {
        const check = (): void => {
          const r = find();
          if (r) resolve(r);
          else this.#waiters.push(check);
        };
        this.#waiters.push(check);
      }),
      `waiting for ${method}`,
      timeoutMs,
    );
  }

  /** Every message of `method` received so far (from `since`). */
  all(method: string, since = 0): Received[] {
    return this.received.slice(since).filter((r) => r.method === method);
  }

  /** Waits until the initial index is built (the progress of the server's token ends). */
  async indexed(): Promise<void> {
    await this.waitFor('$/progress', { match: (p) => (p as { value?: { kind?: string } }).value?.kind === 'end' });
  }

  /** Opens a document (its text on disk unless given). */
  async open(rel: string, text?: string, languageId = rel.endsWith('.md') ? 'markdown' : 'yaml'): Promise<void> {
    this.#versions.set(rel, 1);
    await this.notify('textDocument/didOpen', { textDocument: { uri: this.uri(rel), languageId, version: 1, text: text ?? readFileSync(this.path(rel), 'utf8') } });
  }

  /** Sends an edit of an open document (incremental changes, or a whole text) and returns its new version. */
  async change(rel: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.#versions.get(rel) ?? 1) + 1;
    this.#versions.set(rel, version);
    await this.notify('textDocument/didChange', { textDocument: { uri: this.uri(rel), version }, contentChanges: changes });
    return version;
  }

  /** Closes a document. */
  async close(rel: string): Promise<void> {
    this.#versions.delete(rel);
    await this.notify('textDocument/didClose', { textDocument: { uri: this.uri(rel) } });
  }

  /** Pulls a document's diagnostics. */
  pull<R = unknown>(rel: string, previousResultId?: string): Promise<R> {
    return this.request<R>('textDocument/diagnostic', { textDocument: { uri: this.uri(rel) }, ...(previousResultId ? { previousResultId } : {}) });
  }

  /** Writes files on disk and tells the server, as an editor's file watcher would (created or changed). */
  async writeFiles(files: Readonly<Record<string, string>>, type: 1 | 2 = 2): Promise<void> {
    writeFiles(this.root, files);
    await this.notify('workspace/didChangeWatchedFiles', { changes: Object.keys(files).map((p) => ({ uri: this.uri(p), type })) });
  }

  /** Deletes a file on disk and tells the server. */
  async deleteFile(rel: string): Promise<void> {
    unlinkSync(this.path(rel));
    await this.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: this.uri(rel), type: 3 }] });
  }

  /** Shuts the server down politely, then makes sure it is gone and removes the folder. */
  async stop(): Promise<void> {
    try {
      await this.request('shutdown', null, 2000);
      await this.notify('exit', null);
    } catch {
      // the server may already be gone
    }
    const exited = new Promise<void>((r) => (this.process.exitCode !== null ? r() : this.process.once('exit', () => r())));
    const timer = setTimeout(() => this.process.kill(), 2000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Starts a server on a fresh workspace folder and initializes it. */
export async function startSession(options: StartOptions = {}): Promise<{ session: LspSession; init: InitializeResult }> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'playbook-lsp-')));
  writeFiles(root, options.files ?? {});
  const session = new LspSession(root, options.settings ?? { diagnostics: { debounceMs: 0 } }, options.timeoutMs ?? 10_000);
  const init = await session.request<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
    capabilities: options.capabilities ?? PULL_CLIENT,
  });
  await session.notify('initialized', {});
  return { session, init };
}
