/**
 * Front-matter value statistics kept by the index, page by page: how often each value of a key occurs
 * in the workspace, which pages give a key a value, and the values of the pages of one folder. Rules
 * read them instead of walking every page. Orders are those of a walk over the pages in path order
 * (a value's place is where it first occurs), because rules break ties by it.
 */
import type { FrontMatterValues } from './frontMatterValues';
import type { PageFacts } from './pageFacts';
import { ValueDistributions, withoutOne, type ValueDistribution } from './valueDistributions';

export type { ValueDistribution } from './valueDistributions';

/** Where a value occurs on one page: how often, and the position of its first entry. */
interface Occurrence {
  count: number;
  readonly first: number;
}

/** Where an entry stands in a walk over the pages in path order. */
interface Place {
  readonly path: string;
  readonly pos: number;
}

const before = (a: Place, b: Place): boolean => a.path < b.path || (a.path === b.path && a.pos < b.pos);

/**
 * The counts of one key's values. The counts in order of first occurrence are kept up to date while a
 * change cannot move a value's first occurrence (loading pages in path order, a page's values counted
 * again, a value's last use going); otherwise they are worked out again when next asked for.
 */
class KeyCounts {
  /** value → page → occurrence. */
  readonly #byValue = new Map<string, Map<string, Occurrence>>();
  /** The counts in order of first occurrence; undefined after a change that can reorder them. */
  #ordered: Map<string, number> | undefined = new Map();
  /** Each value's first occurrence, while `#ordered` is kept. */
  #first = new Map<string, Place>();
  /** At or after the last value's first occurrence, while `#ordered` is kept. */
  #last: Place | undefined;

  /** How many distinct values the key has. */
  get size(): number {
    return this.#byValue.size;
  }

  /** Counts an entry of `value` at position `pos` of the page `path`. */
  add(path: string, value: string, pos: number): void {
    let pages = this.#byValue.get(value);
    if (!pages) this.#byValue.set(value, (pages = new Map()));
    const occ = pages.get(path);
    if (occ) occ.count++;
    else pages.set(path, { count: 1, first: pos });
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

  /** Takes back every entry of `value` on the page `path`. */
  remove(path: string, value: string): void {
    const pages = this.#byValue.get(value);
    const occ = pages?.get(path);
    if (!pages || !occ) return;
    pages.delete(path);
    if (pages.size === 0) this.#byValue.delete(value);
    if (!this.#ordered) return;
    const left = this.#ordered.get(value)! - occ.count;
    if (left === 0) {
      this.#ordered.delete(value);
      this.#first.delete(value);
    } else if (this.#first.get(value)!.path === path) this.#ordered = undefined;
    else this.#ordered.set(value, left);
  }

  /** The counts, values in order of first occurrence. */
  counts(): ReadonlyMap<string, number> {
    if (this.#ordered) return this.#ordered;
    const firsts: Array<{ value: string; place: Place; count: number }> = [];
    for (const [value, pages] of this.#byValue) {
      let place: Place | undefined;
      let count = 0;
      for (const [path, occ] of pages) {
        count += occ.count;
        const here = { path, pos: occ.first };
        if (!place || before(here, place)) place = here;
      }
      if (place) firsts.push({ value, place, count });
    }
    firsts.sort((a, b) => (before(a.place, b.place) ? -1 : before(b.place, a.place) ? 1 : 0));
    this.#ordered = new Map(firsts.map((f) => [f.value, f.count]));
    this.#first = new Map(firsts.map((f) => [f.value, f.place]));
    this.#last = firsts[firsts.length - 1]?.place;
    return this.#ordered;
  }
}

/** The front-matter statistics of the workspace. */
export class ValueStats {
  readonly #keys = new Map<string, KeyCounts>();
  /** key → value → pages whose (last) value of the key it is. */
  readonly #pagesByValue = new Map<string, Map<string, Set<string>>>();
  /** Sorted copies of the page sets, made when asked for, dropped when the set changes. */
  readonly #sortedPages = new Map<string, string[]>();
  /** What each page contributed. */
  readonly #pages = new Map<string, FrontMatterValues>();
  /** Per folder and key, its pages' values in path order; dropped when a page of the folder changes. */
  readonly #folders = new Map<string, Map<string, ReadonlyArray<readonly [string, string]>>>();
  /** Distributions of one key over the pages with a given value of another, kept until such a page changes. */
  readonly #distributions = new ValueDistributions();

  /**
   * Replaces a page's contribution with the one of its new facts. Returns true when its values
   * changed (a text change outside the front matter changes nothing here).
   */
  setPage(facts: PageFacts): boolean {
    const old = this.#pages.get(facts.path);
    if (old && old.equals(facts.frontMatter)) return false;
    this.removePage(facts.path);
    const path = facts.path;
    facts.frontMatter.entries().forEach(([key, value], pos) => {
      let k = this.#keys.get(key);
      if (!k) this.#keys.set(key, (k = new KeyCounts()));
      k.add(path, value, pos);
    });
    for (const [key, value] of facts.frontMatter.values()) {
      let byValue = this.#pagesByValue.get(key);
      if (!byValue) this.#pagesByValue.set(key, (byValue = new Map()));
      const set = byValue.get(value);
      if (set) set.add(path);
      else byValue.set(value, new Set([path]));
      this.#sortedPages.delete(key + '\u0000' + value);
      this.#distributions.forget(key, value);
    }
    this.#pages.set(path, facts.frontMatter);
    return true;
  }

  /** Takes back a page's contribution. */
  removePage(path: string): void {
    const old = this.#pages.get(path);
    if (!old) return;
    for (const [key, value] of old.entries()) {
      const k = this.#keys.get(key);
      if (!k) continue;
      k.remove(path, value);
      if (k.size === 0) this.#keys.delete(key);
    }
    for (const [key, value] of old.values()) {
      const byValue = this.#pagesByValue.get(key);
      const set = byValue?.get(value);
      if (!byValue || !set) continue;
      set.delete(path);
      if (set.size === 0) byValue.delete(value);
      if (byValue.size === 0) this.#pagesByValue.delete(key);
      this.#sortedPages.delete(key + '\u0000' + value);
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
    return this.#keys.get(key)?.counts() ?? new Map();
  }

  /** The keys that have values somewhere. */
  keys(): string[] {
    return [...this.#keys.keys()];
  }

  /** The pages whose value of `key` is `value` (the last entry of the key, trimmed), in path order. */
  pagesWith(key: string, value: string): readonly string[] {
    const id = key + '\u0000' + value;
    let sorted = this.#sortedPages.get(id);
    if (!sorted) {
      sorted = [...(this.#pagesByValue.get(key)?.get(value) ?? [])].sort();
      this.#sortedPages.set(id, sorted);
    }
    return sorted;
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
    if (!folder) this.#folders.set(dir, (folder = new Map()));
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
