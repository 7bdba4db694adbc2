import { firstAtOrAfter } from '../util/sortedSearch';

/**
 * Lists by key whose items are grouped by the file that contributed them, files in path order, each
 * file's items in its own order: what a relation rebuilt from every file in path order would hold.
 * A file's contribution is added or removed without touching the other files'.
 */
export class PathSortedLists<T> {
  readonly #lists = new Map<string, T[]>();
  readonly #pathOf: (item: T) => string;

  constructor(pathOf: (item: T) => string) {
    this.#pathOf = pathOf;
  }

  /** The list of a key (the same array until the key's list changes; empty when there is none). */
  get(key: string): readonly T[] | undefined {
    return this.#lists.get(key);
  }

  /** The keys that have items. */
  keys(): IterableIterator<string> {
    return this.#lists.keys();
  }

  /** Every key with its list. */
  entries(): IterableIterator<[string, readonly T[]]> {
    return this.#lists.entries();
  }

  /** The lists as a map (read-only for callers). */
  asMap(): ReadonlyMap<string, readonly T[]> {
    return this.#lists;
  }

  /** Adds one file's items under a key, after the items of files before it in path order. */
  add(key: string, path: string, items: readonly T[]): void {
    if (items.length === 0) return;
    const list = this.#lists.get(key);
    if (!list) {
      this.#lists.set(key, [...items]);
      return;
    }
    // Files usually arrive in path order (loading), so appending is the common case.
    if (this.#pathOf(list[list.length - 1]!) < path) {
      for (const item of items) list.push(item);
      return;
    }
    const at = firstAtOrAfter(list, path, this.#pathOf);
    this.#lists.set(key, [...list.slice(0, at), ...items, ...list.slice(at)]);
  }

  /** Removes every item a file contributed under a key. */
  remove(key: string, path: string): void {
    const list = this.#lists.get(key);
    if (!list) return;
    const from = firstAtOrAfter(list, path, this.#pathOf);
    let to = from;
    while (to < list.length && this.#pathOf(list[to]!) === path) to++;
    if (to === from) return;
    if (to - from === list.length) this.#lists.delete(key);
    else this.#lists.set(key, [...list.slice(0, from), ...list.slice(to)]);
  }
}
