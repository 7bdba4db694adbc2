import { promises as fs } from 'node:fs';
import { NodeWorkspace, toNative } from '../cli/nodeWorkspace';
import type { Disposable, FileChange, FileStat, Workspace } from '../engine/workspace/workspace';
import { isWithin } from '../engine/util/paths';

/** The editor buffers the language server holds, by engine path. */
export interface OpenBuffers {
  /** The current text of the open document at `path`, if one is open. */
  textOf(path: string): string | undefined;
  /** The paths of every open document. */
  paths(): Iterable<string>;
}

/** Folders whose files are never part of a workspace (the same ones the CLI's NodeWorkspace skips). */
const IGNORED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '_site', 'obj', '.vscode-test']);

/** True when a path lies in a folder no workspace lists (dependencies, VCS data, build output). */
export function isIgnoredPath(root: string, path: string): boolean {
  if (!isWithin(root, path)) return true;
  const rel = path.slice(root.length).split('/').filter(Boolean);
  return rel.slice(0, -1).some((seg) => IGNORED_DIRS.has(seg));
}

/** How a workspace lists its files. */
export interface LspWorkspaceOptions {
  /** List only the root folder's own files, not its subfolders (a loose file's folder). */
  readonly shallow?: boolean;
}

/**
 * The engine's workspace inside the language server: the disk, overlaid with the editor's open
 * documents. An open document wins over the file on disk (unsaved edits are what the author sees);
 * an open document not yet saved is listed too. The server forwards the client's file events
 * (`workspace/didChangeWatchedFiles`) through {@link LspWorkspace.fire}.
 */
export class LspWorkspace implements Workspace {
  readonly root: string;
  readonly #disk: NodeWorkspace;
  readonly #buffers: OpenBuffers;
  readonly #shallow: boolean;
  readonly #listeners = new Set<(changes: readonly FileChange[]) => void>();
  #listingWaiters: Array<() => void> = [];

  constructor(root: string, buffers: OpenBuffers, options: LspWorkspaceOptions = {}) {
    this.#disk = new NodeWorkspace(toNative(root));
    this.root = this.#disk.root;
    this.#buffers = buffers;
    this.#shallow = options.shallow ?? false;
  }

  /** Resolves when the next call to `list` has finished (the index's, when armed right before its load). */
  nextListing(): Promise<void> {
    return new Promise((resolve) => this.#listingWaiters.push(resolve));
  }

  async list(): Promise<string[]> {
    try {
      const onDisk = this.#shallow ? await this.#listShallow() : await this.#disk.list();
      const all = new Set(onDisk);
      for (const p of this.#buffers.paths()) if (!isIgnoredPath(this.root, p)) all.add(p);
      return [...all].sort();
    } finally {
      const waiters = this.#listingWaiters;
      this.#listingWaiters = [];
      for (const w of waiters) w();
    }
  }

  async #listShallow(): Promise<string[]> {
    try {
      const entries = await fs.readdir(toNative(this.root), { withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => (this.root === '/' ? '/' : this.root + '/') + e.name);
    } catch {
      return [];
    }
  }

  /** Every file below a folder on disk (after a folder was created or moved in), open documents aside. */
  async listUnder(dir: string): Promise<string[]> {
    if (isIgnoredPath(this.root, dir + '/x')) return [];
    return (await new NodeWorkspace(toNative(dir)).list()).filter((p) => !isIgnoredPath(this.root, p));
  }

  /** True when a path is a folder on disk. */
  async isFolder(path: string): Promise<boolean> {
    try {
      return (await fs.stat(toNative(path))).isDirectory();
    } catch {
      return false;
    }
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const text = this.#buffers.textOf(path);
    return text !== undefined ? new TextEncoder().encode(text) : this.#disk.read(path);
  }

  /** The same at once (open buffer first), so the index need not keep a copy of every page it read. */
  readSync(path: string): Uint8Array | undefined {
    const text = this.#buffers.textOf(path);
    return text !== undefined ? new TextEncoder().encode(text) : this.#disk.readSync(path);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const text = this.#buffers.textOf(path);
    const onDisk = await this.#disk.stat(path);
    if (text === undefined) return onDisk;
    return { size: Buffer.byteLength(text), mtimeMs: onDisk?.mtimeMs ?? 0 };
  }

  watch(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  /** Passes file changes the client reported to every watcher. */
  fire(changes: readonly FileChange[]): void {
    const mine = changes.filter((c) => !isIgnoredPath(this.root, c.path));
    if (mine.length === 0) return;
    for (const l of [...this.#listeners]) l(mine);
  }
}
