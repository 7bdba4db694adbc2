/**
 * Strings the index keeps for every page (front-matter keys and values, anchors, task names, link
 * targets) repeat across pages; an interner keeps one copy of each. Every string it hands out is its
 * own copy, never a slice of a page text (V8 keeps a slice of a long string as a view into it: a
 * 20-character value would keep the whole text alive).
 */

/** A copy of `s` that shares no memory with the string it was cut from. */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** How many distinct strings an interner keeps at most; beyond, strings are copied but not shared. */
const DEFAULT_CAPACITY = 100_000;

/** Longer strings are copied but not shared (they are mostly page-specific). */
const MAX_LENGTH = 200;

/** Keeps one copy of each string it has seen (up to a capacity, so a long editing session cannot grow it without end). */
export class Interner {
  readonly #pool = new Map<string, string>();
  readonly #capacity: number;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  /** The kept copy of `s`. */
  get(s: string): string {
    if (s.length > MAX_LENGTH) return ownString(s);
    const kept = this.#pool.get(s);
    if (kept !== undefined) return kept;
    const own = ownString(s);
    if (this.#pool.size < this.#capacity) this.#pool.set(own, own);
    return own;
  }

  /** The kept copy of a value that may be absent. */
  maybe(s: string | undefined): string | undefined {
    return s === undefined ? undefined : this.get(s);
  }
}
