/**
 * Front-matter value statistics kept by the index, page by page: how often each value of a key occurs
 * in the workspace, which pages give a key a value, and the values of the pages of one folder. Rules
 * read them instead of walking every page. Orders are those of a walk over the pages in path order
 * (a value's place is where it first occurs), because rules break ties by it.
 */
import { firstAtOrAfter, itself } from '../util/sortedSearch';
import type { FrontMatterValues } from './frontMatterValues';
import type { PageFacts } from './pageFacts';
import { ValueDistributions, withoutOne, type ValueDistribution } from './valueDistributions';

export type { ValueDistribution } from './valueDistributions';

const NO_PAGES: readonly string[] = Object.freeze([]);

/**
 * How many folders' values are kept: enough for the folders a page's rules look at (its own and those
 * above it) and those of the pages checked just before, in path order; not every folder of a large tree.
 */
const FOLDERS_KEPT = 128;

/** Where an entry stands in a walk over the pages in path order. */
interface Place {
  readonly path: string;
  readonly pos: number;
}

const before = (a: Place, b: Place): boolean => a.path < b.path || (a.path === b.path && a.pos < b.pos);

/**
 * The counts of one key's values. The counts in order of first occurrence are kept up to date while a
 * change cannot move a value's first occurrence (loading pages in path order, a page's values counted
 * again, a value's last use going); otherwise they are worked out again, from the pages' own values,
 * when next asked for.
 */
class KeyCounts {
  readonly #key: string;
  /** value → how many entries give it, over every page. */
  readonly #totals = new Map<string, number>();
  /** The counts in order of first occurrence; undefined after a change that can reorder them. */
  #ordered: Map<string, number> | undefined = new Map();
  /** Each value's first occurrence, while `#ordered` is kept. */
  #first = new Map<string, Place>();
  /** At or after the last value's first occurrence, while `#ordered` is kept. */
  #last: Place | undefined;

  constructor(key: string) {
    this.#key = key;
  }

  /** How many distinct values the key has. */
  get size(): number {
    return this.#totals.size;
  }

  /** Counts an entry of `value` at position `pos` of the page `path`. */
  add(path: string, value: string, pos: number): void {
    this.#totals.set(value, (this.#totals.get(value) ?? 0) + 1);
    if (!this.#ordered) return;
    const place = { path, pos };
    const first = this.#first.get(value);
    if (first && before(first, place)) this.#ordered.set(value, this.#ordered.get(value)! + 1);
    else if (!first && (!this.#last || before(this.#last, place))) {
      this.#ordered.set(value, 1);
      this.#first.set(value, place);
      this.#last = place;
    } else this.#ordered = undefined;
  }

  /** Takes back the `n` entries of `value` on the page `path` (every entry of it there). */
  remove(path: string, value: string, n: number): void {
    const total = this.#totals.get(value);
    if (total === undefined) return;
    if (total <= n) this.#totals.delete(value);
    else this.#totals.set(value, total - n);
    if (!this.#ordered) return;
    const left = this.#ordered.get(value)! - n;
    if (left <= 0) {
      this.#ordered.delete(value);
      this.#first.delete(value);
    } else if (this.#first.get(value)!.path === path) this.#ordered = undefined;
    else this.#ordered.set(value, left);
  }

  /**
   * The counts, values in order of first occurrence. When they must be worked out again, the first
   * occurrences are looked for in the pages `pages` lists in path order, whose values `valuesOf` gives.
   */
  counts(pages: () => readonly string[], valuesOf: (path: string) => FrontMatterValues | undefined): ReadonlyMap<string, number> {
    if (this.#ordered) return this.#ordered;
    const ordered = new Map<string, number>();
    const first = new Map<string, Place>();
    let last: Place | undefined;
    for (const path of pages()) {
      valuesOf(path)?.forEachEntry((key, value, pos) => {
        if (key !== this.#key || ordered.has(value)) return;
        ordered.set(value, this.#totals.get(value)!);
        first.set(value, (last = { path, pos }));
      });
      if (ordered.size === this.#totals.size) break;
    }
    this.#ordered = ordered;
    this.#first = first;
    this.#last = last;
    return ordered;
  }
}

/** Where `path` is or would go in a list of paths in path order. */
function placeOf(list: readonly string[], path: string): number {
  // Pages mostly arrive in path order (loading): the end first.
  if (list.length === 0 || list[list.length - 1]! < path) return list.length;
  return firstAtOrAfter(list, path, itself);
}

/** The front-matter statistics of the workspace. */
export class ValueStats {
  readonly #keys = new Map<string, KeyCounts>();
  /** key → value → the pages whose (last) value of the key it is, in path order. */
  readonly #pagesByValue = new Map<string, Map<string, string[]>>();
  /** What each page contributed. */
  readonly #pages = new Map<string, FrontMatterValues>();
  /**
   * Per folder and key, its pages' values in path order; dropped when a page of the folder changes, and
   * for the least recently used folders beyond {@link FOLDERS_KEPT}.
   */
  readonly #folders = new Map<string, Map<string, ReadonlyArray<readonly [string, string]>>>();
  /** Distributions of one key over the pages with a given value of another, kept until such a page changes. */
  readonly #distributions = new ValueDistributions();
  /** The pages in path order (the index's list). */
  readonly #pagePaths: () => readonly string[];

  /** Statistics over the pages `pagePaths` lists in path order (each given here by {@link setPage}). */
  constructor(pagePaths: () => readonly string[]) {
    this.#pagePaths = pagePaths;
  }

  /**
   * Replaces a page's contribution with the one of its new facts. Returns true when its values
   * changed (a text change outside the front matter changes nothing here).
   */
  setPage(facts: PageFacts): boolean {
    const old = this.#pages.get(facts.path);
    if (old && old.equals(facts.frontMatter)) return false;
    this.removePage(facts.path);
    const path = facts.path;
    facts.frontMatter.forEachEntry((key, value, pos) => {
      let k = this.#keys.get(key);
      if (!k) this.#keys.set(key, (k = new KeyCounts(key)));
      k.add(path, value, pos);
    });
    for (const [key, value] of facts.frontMatter.values()) {
      let byValue = this.#pagesByValue.get(key);
      if (!byValue) this.#pagesByValue.set(key, (byValue = new Map()));
      const list = byValue.get(value);
      const at = list ? placeOf(list, path) : 0;
      if (!list) byValue.set(value, [path]);
      else if (at === list.length) list.push(path);
      else list.splice(at, 0, path);
      this.#distributions.forget(key, value);
    }
    this.#pages.set(path, facts.frontMatter);
    return true;
  }

  /** Takes back a page's contribution. */
  removePage(path: string): void {
    const old = this.#pages.get(path);
    if (!old) return;
    const entries = new Map<string, Map<string, number>>();
    old.forEachEntry((key, value) => {
      let values = entries.get(key);
      if (!values) entries.set(key, (values = new Map()));
      values.set(value, (values.get(value) ?? 0) + 1);
    });
    for (const [key, values] of entries) {
      const k = this.#keys.get(key);
      if (!k) continue;
      for (const [value, n] of values) k.remove(path, value, n);
      if (k.size === 0) this.#keys.delete(key);
    }
    for (const [key, value] of old.values()) {
      const byValue = this.#pagesByValue.get(key);
      const list = byValue?.get(value);
      if (!byValue || !list) continue;
      const at = placeOf(list, path);
      if (list[at] === path) list.splice(at, 1);
      if (list.length === 0) byValue.delete(value);
      if (byValue.size === 0) this.#pagesByValue.delete(key);
      this.#distributions.forget(key, value);
    }
    this.#pages.delete(path);
  }

  /** Forgets the folder values of a folder (a page of it changed, appeared or disappeared). */
  folderChanged(dir: string): void {
    this.#folders.delete(dir);
  }

  /** How often each value of a key occurs (every entry, duplicates included), in order of first occurrence. */
  counts(key: string): ReadonlyMap<string, number> {
    return this.#keys.get(key)?.counts(this.#pagePaths, (p) => this.#pages.get(p)) ?? new Map();
  }

  /** The keys that have values somewhere. */
  keys(): string[] {
    return [...this.#keys.keys()];
  }

  /**
   * The pages whose value of `key` is `value` (the last entry of the key, trimmed), in path order. The
   * list is the statistics' own, kept in step with the pages: read it before changing the index.
   */
  pagesWith(key: string, value: string): readonly string[] {
    return this.#pagesByValue.get(key)?.get(value) ?? NO_PAGES;
  }

  /**
   * The values of `key` on the pages whose value of `whereKey` is `whereValue` (last entries), without
   * the page `except`. Worked out once for all pages until a page with that value changes; leaving one
   * page out only takes its value back.
   */
  distribution(key: string, whereKey: string, whereValue: string, except?: string): ValueDistribution {
    const all = this.#distributions.get(key, whereKey, whereValue, () => {
      const counts = new Map<string, number>();
      let total = 0;
      for (const p of this.pagesWith(whereKey, whereValue)) {
        const v = this.#pages.get(p)?.value(key);
        if (v === undefined) continue;
        total++;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return { counts, total };
    });
    const own = except !== undefined ? this.#pages.get(except) : undefined;
    return own && own.value(whereKey) === whereValue ? withoutOne(all, own.value(key)) : all;
  }

  /** The distinct values pages give a key (their last entry). */
  valuesOf(key: string): string[] {
    return [...(this.#pagesByValue.get(key)?.keys() ?? [])];
  }

  /**
   * The values of `key` on the pages of a folder, as [page, value] in path order; `pagesIn` lists the
   * folder's pages in path order.
   */
  inFolder(dir: string, key: string, pagesIn: (dir: string) => readonly string[]): ReadonlyArray<readonly [string, string]> {
    let folder = this.#folders.get(dir);
    if (folder) {
      // Most recently used last: a sweep over the pages in path order keeps asking about the same few folders.
      this.#folders.delete(dir);
      this.#folders.set(dir, folder);
    } else {
      this.#folders.set(dir, (folder = new Map()));
      if (this.#folders.size > FOLDERS_KEPT) this.#folders.delete(this.#folders.keys().next().value!);
    }
    let list = folder.get(key);
    if (!list) {
      const out: Array<readonly [string, string]> = [];
      for (const p of pagesIn(dir)) {
        const v = this.#pages.get(p)?.value(key);
        if (v !== undefined) out.push([p, v]);
      }
      folder.set(key, (list = out));
    }
    return list;
  }
}
