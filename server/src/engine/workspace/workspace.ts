/** Size and modification time of a file. */
export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
}

/** A change to a file seen by a watcher. */
export interface FileChange {
  readonly kind: 'created' | 'changed' | 'deleted';
  readonly path: string;
}

/** Something to release. */
export interface Disposable {
  dispose(): void;
}

/**
 * All the engine's I/O. Paths are absolute POSIX paths (`/work/docs/a.md`). Hosts implement it over
 * the disk (CLI), over open editor buffers plus the disk (language server), or in memory (tests).
 */
export interface Workspace {
  /** The workspace root: links may not resolve above it. */
  readonly root: string;
  /** Every file below the root, sorted. */
  list(): Promise<string[]>;
  /** A file's bytes, or undefined when it does not exist or cannot be read. */
  read(path: string): Promise<Uint8Array | undefined>;
  /**
   * A file's bytes read at once, for hosts that can (the disk): the index then keeps no copy of the
   * pages it read from the workspace and reads a page again when it rebuilds the page's model.
   */
  readSync?(path: string): Uint8Array | undefined;
  /** A file's size and time, or undefined when it does not exist. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Calls `listener` with batches of changes until disposed. */
  watch(listener: (changes: readonly FileChange[]) => void): Disposable;
}
