import type { Disposable, FileChange, FileStat, Workspace } from './workspace';
import { isWithin, normalize } from '../util/paths';

/** A workspace held in memory, for tests. Records which files were read. */
export class MemoryWorkspace implements Workspace {
  readonly root: string;
  readonly #files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  readonly #listeners = new Set<(changes: readonly FileChange[]) => void>();
  /** Paths passed to `read`, in order. */
  readonly reads: string[] = [];
  #clock = 1;

  /** `files` maps paths relative to the root (or absolute ones) to text or bytes. */
  constructor(root: string, files: Record<string, string | Uint8Array> = {}) {
    this.root = normalize(root);
    for (const [p, content] of Object.entries(files)) this.#put(this.resolve(p), content);
  }

  /** The absolute path of a root-relative path. */
  resolve(p: string): string {
    return p.startsWith('/') ? normalize(p) : normalize(this.root + '/' + p);
  }

  #put(path: string, content: string | Uint8Array): boolean {
    const existed = this.#files.has(path);
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.#files.set(path, { bytes, mtimeMs: this.#clock++ });
    return existed;
  }

  /** Creates or replaces a file and notifies watchers. */
  write(p: string, content: string | Uint8Array): void {
    const path = this.resolve(p);
    const existed = this.#put(path, content);
    this.#emit([{ kind: existed ? 'changed' : 'created', path }]);
  }

  /** Deletes a file and notifies watchers. */
  delete(p: string): void {
    const path = this.resolve(p);
    if (this.#files.delete(path)) this.#emit([{ kind: 'deleted', path }]);
  }

  #emit(changes: FileChange[]): void {
    for (const l of this.#listeners) l(changes);
  }

  async list(): Promise<string[]> {
    return [...this.#files.keys()].filter((p) => isWithin(this.root, p)).sort();
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    this.reads.push(path);
    return this.#files.get(path)?.bytes;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const f = this.#files.get(path);
    return f ? { size: f.bytes.length, mtimeMs: f.mtimeMs } : undefined;
  }

  watch(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }
}
