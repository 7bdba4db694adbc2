import { promises as fs, readdirSync, readFileSync, statSync, watch as fsWatch, type Dirent } from 'node:fs';
import * as nodePath from 'node:path';
import type { Disposable, FileChange, FileStat, Workspace } from '../engine/workspace/workspace';

/** Converts a native path to the engine's absolute POSIX form. */
export function toPosix(p: string): string {
  const abs = nodePath.resolve(p);
  const posix = abs.split(nodePath.sep).join('/');
  return /^[A-Za-z]:/.test(posix) ? '/' + posix : posix;
}

/** Converts an engine path back to a native one. */
export function toNative(p: string): string {
  return process.platform === 'win32' ? p.replace(/^\/([A-Za-z]:)/, '$1').split('/').join(nodePath.sep) : p;
}

/** Folders never listed: dependencies, VCS data and build output. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '_site', 'obj', '.vscode-test']);

/** The workspace on disk, for the CLI. */
export class NodeWorkspace implements Workspace {
  readonly root: string;

  readonly #blockingReads: boolean;

  /**
   * `blockingReads`: `read`, `list` and `stat` use the file system synchronously. A command-line run waits
   * for every file anyway, and one synchronous read of a small file costs a fraction of the promise round
   * trips of `fs.promises.readFile` (open, stat, read, close); an editor's server keeps them asynchronous.
   */
  constructor(root: string, options: { readonly blockingReads?: boolean } = {}) {
    this.root = toPosix(root);
    this.#blockingReads = options.blockingReads ?? false;
  }

  async list(): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = this.#blockingReads ? readdirSync(toNative(dir), { withFileTypes: true }) : await fs.readdir(toNative(dir), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = dir === '/' ? '/' + e.name : dir + '/' + e.name;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) await walk(p);
        } else if (e.isFile()) out.push(p);
      }
    };
    await walk(this.root);
    return out.sort();
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    if (this.#blockingReads) return this.readSync(path);
    try {
      return await fs.readFile(toNative(path));
    } catch {
      return undefined;
    }
  }

  readSync(path: string): Uint8Array | undefined {
    try {
      return readFileSync(toNative(path));
    } catch {
      return undefined;
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = this.#blockingReads ? statSync(toNative(path)) : await fs.stat(toNative(path));
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return undefined;
    }
  }

  watch(listener: (changes: readonly FileChange[]) => void): Disposable {
    const w = fsWatch(toNative(this.root), { recursive: true }, (_event, name) => {
      if (!name) return;
      const path = this.root + '/' + String(name).split(nodePath.sep).join('/');
      void fs.stat(toNative(path)).then(
        () => listener([{ kind: 'changed', path }]),
        () => listener([{ kind: 'deleted', path }]),
      );
    });
    return { dispose: () => w.close() };
  }
}
