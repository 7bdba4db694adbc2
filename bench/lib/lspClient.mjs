// A minimal language client for the benchmark: spawns the built server (`node dist/server.js --stdio`)
// on a folder and speaks LSP to it through vscode-languageserver-protocol's client side, as the
// protocol tests do (test/lsp/harness.ts). It answers the server's own requests (configuration,
// progress tokens, registrations, refreshes), notes when the initial index ends (the server's
// work-done progress ends), and reads the server process's memory and CPU time from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter, WorkDoneProgress } = require('vscode-languageserver-protocol/node');

/** What a client like VS Code announces: pulls diagnostics (and workspace diagnostics), takes progress and Markdown. */
export const BENCH_CLIENT_CAPABILITIES = {
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
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  window: { workDoneProgress: true },
};

/** Clock ticks per second of /proc/<pid>/stat CPU times (USER_HZ: 100 on Linux everywhere that matters). */
const CLOCK_TICKS = 100;

/** One server process and a client connection to it. */
export class LspClient {
  /**
   * Spawns the server with its working folder `root`. `settings` is what `workspace/configuration`
   * answers for the `playbook` section; `nodeArgs` go to Node before the script (`--cpu-prof`, say).
   * `startedAt` is taken right before the spawn.
   */
  constructor(serverJs, root, { settings = {}, timeoutMs = 300_000, nodeArgs = [] } = {}) {
    this.root = root;
    this.settings = settings;
    this.timeoutMs = timeoutMs;
    this.stderr = '';
    this.log = [];
    /** performance.now() when the initial index ended (the progress ended); undefined until then. */
    this.indexedAt = undefined;
    this.startedAt = performance.now();
    this.process = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { cwd: root, stdio: 'pipe' });
    this.pid = this.process.pid;
    this.exited = new Promise((resolve) => this.process.once('exit', (code, signal) => resolve(code ?? signal)));
    this.process.stderr.on('data', (d) => (this.stderr = (this.stderr + d.toString()).slice(-20_000)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    let markIndexed;
    /** Resolves when the first work-done progress of the server ends: the initial index is built. */
    this.indexed = new Promise((resolve) => (markIndexed = resolve));
    this.connection.onRequest((method, params) => {
      if (method === 'workspace/configuration') return params.items.map((i) => (i.section === 'playbook' ? this.settings : null));
      if (method === 'window/workDoneProgress/create') {
        this.connection.onProgress(WorkDoneProgress.type, params.token, (value) => {
          if (value.kind === 'end' && this.indexedAt === undefined) {
            this.indexedAt = performance.now();
            markIndexed(this.indexedAt);
          }
        });
      }
      return null;
    });
    this.connection.onNotification((method, params) => {
      if (method === 'window/logMessage') this.log = [...this.log.slice(-50), params.message];
    });
    this.connection.listen();
    this.versions = new Map();
  }

  /** The `file:` URI of an absolute path. */
  uri(path) {
    return pathToFileURL(path).href;
  }

  /** Initializes the server on its folder, as a workspace folder, and sends `initialized`. */
  async initialize(capabilities = BENCH_CLIENT_CAPABILITIES) {
    const rootUri = this.uri(this.root);
    const result = await this.request('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities });
    await this.notify('initialized', {});
    return result;
  }

  /** Sends a request; rejects on an error response, after the timeout, or when the server dies. */
  request(method, params, timeoutMs = this.timeoutMs) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} timed out after ${timeoutMs} ms\n${this.#tail()}`)), timeoutMs);
    });
    const died = this.exited.then((code) => {
      throw new Error(`the server exited (${code}) during ${method}\n${this.#tail()}`);
    });
    return Promise.race([this.connection.sendRequest(method, params), timeout, died]).finally(() => clearTimeout(timer));
  }

  /** Sends a notification. */
  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  /** Opens a document with the given text. */
  open(path, text) {
    this.versions.set(path, 1);
    return this.notify('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId: 'markdown', version: 1, text } });
  }

  /** Sends one incremental edit of an open document. */
  change(path, range, text) {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    return this.notify('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ range, text }] });
  }

  /** Closes a document. */
  close(path) {
    this.versions.delete(path);
    return this.notify('textDocument/didClose', { textDocument: { uri: this.uri(path) } });
  }

  /** Pulls a document's diagnostics. */
  pull(path, previousResultId) {
    return this.request('textDocument/diagnostic', { textDocument: { uri: this.uri(path) }, ...(previousResultId ? { previousResultId } : {}) });
  }

  /** The server's resident memory now and at its peak, in kB (undefined where /proc is missing). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
      return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
    } catch {
      return { rssKb: NaN, hwmKb: NaN };
    }
  }

  /** The CPU time the server has used so far (user + system), in milliseconds; NaN where /proc is missing. */
  cpuMs() {
    try {
      // The fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return NaN;
    }
  }

  #tail() {
    return `server stderr (tail):\n${this.stderr.slice(-2000)}\nserver log (tail):\n${this.log.slice(-5).join('\n')}`;
  }

  /** Shuts the server down politely, then makes sure it is gone. */
  async stop() {
    try {
      await this.request('shutdown', null, 5000);
      await this.notify('exit', null);
    } catch {
      // it may be busy or gone: the kill below ends it
    }
    const timer = setTimeout(() => this.process.kill(), 5000);
    await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
