/**
 * Strings the index keeps for every page (front-matter keys and values, anchors, task names, link
 * targets) repeat across pages; an interner keeps one copy of each. Every string it hands out is its
 * own copy, never a slice of a page text (V8 keeps a slice of a long string as a view into it: a
 * 20-character value would keep the whole text alive).
 */
import type { LinkTarget } from '../model/document';
import { detachedString } from '../text/detached';
import type { Legend } from './factRecords';

/** How many distinct strings an interner keeps at most; beyond, strings are copied but not shared. */
const DEFAULT_CAPACITY = 100_000;

/** Longer strings are copied but not shared (they are mostly page-specific). */
const MAX_LENGTH = 200;

/**
 * Keeps one copy of each string it has seen (up to a capacity, so a long editing session cannot grow it
 * without end), one copy of each link target (pages link to the same targets, written the same way,
 * over and over) and one of each task table legend.
 */
export class Interner {
  readonly #pool = new Map<string, string>();
  /** Link targets by their text as written. */
  readonly #targets = new Map<string, LinkTarget>();
  /** Legends by their letters. */
  readonly #legends = new Map<string, Legend>();
  readonly #capacity: number;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  /** The kept copy of `s`. */
  get(s: string): string {
    if (s.length > MAX_LENGTH) return detachedString(s);
    const kept = this.#pool.get(s);
    if (kept !== undefined) return kept;
    const own = detachedString(s);
    if (this.#pool.size < this.#capacity) this.#pool.set(own, own);
    return own;
  }

  /** The kept copy of a value that may be absent. */
  maybe(s: string | undefined): string | undefined {
    return s === undefined ? undefined : this.get(s);
  }

  /** The kept copy of a link target (its strings kept through {@link get}). */
  target(t: LinkTarget): LinkTarget {
    const kept = this.#targets.get(t.raw);
    if (kept && kept.path === t.path && kept.scheme === t.scheme && kept.anchor === t.anchor && kept.query === t.query) return kept;
    const own: { raw: string; path: string; scheme?: string; anchor?: string; query?: string } = { raw: this.get(t.raw), path: this.get(t.path) };
    if (t.scheme !== undefined) own.scheme = this.get(t.scheme);
    if (t.anchor !== undefined) own.anchor = this.get(t.anchor);
    if (t.query !== undefined) own.query = this.get(t.query);
    if (!kept && this.#targets.size < this.#capacity) this.#targets.set(own.raw, own);
    return own;
  }

  /** The kept copy of a task table legend. */
  legend(mandatory: string, optional: string): Legend {
    const key = mandatory + '\u0000' + optional;
    const kept = this.#legends.get(key);
    if (kept) return kept;
    const own = { mandatory: this.get(mandatory), optional: this.get(optional) };
    if (this.#legends.size < this.#capacity) this.#legends.set(detachedString(key), own);
    return own;
  }
}
