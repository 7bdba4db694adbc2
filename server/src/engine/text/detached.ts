/**
 * Copies of strings that share no memory with the text they were cut from. A string taken out of a page
 * text (a cell's text, a slice of a line), or built by joining such a string to others, may keep the whole
 * page text alive in the JavaScript engine for as long as it lives: V8 represents a slice as a view of its
 * parent, and a concatenation as a pair of its parts. That is harmless in a page model, which holds its
 * text anyway, but a finding outlives the model it was found in (the CLI holds every finding until the
 * report is written): one short message cut from a page would keep the page's text in memory.
 */

/** Strings this short are always copied by the engine when cut or joined, never kept as a view. */
const ALWAYS_FLAT = 13;

/** The same characters in a string of their own. */
export function detachedString(s: string): string {
  // Joining a character in front makes a pair; cutting it off again makes the engine flatten the pair
  // into a new string first, so the result is a view of that new string (one character longer), never
  // of the text `s` was cut from. Cheap enough for the index, which detaches every string it keeps.
  return s.length < ALWAYS_FLAT ? s : (' ' + s).slice(1);
}

/**
 * Detached strings handed out once per distinct text: findings repeat the same messages, fix titles and
 * related-place messages many times over (the same rule on similar pages), and each repetition would
 * otherwise be a string of its own. Kept for one lint run, then dropped with what it made.
 */
export class DetachedStrings {
  readonly #kept = new Map<string, string>();

  /** A detached string equal to `s`: the same one for equal texts. */
  of(s: string): string {
    let out = this.#kept.get(s);
    if (out === undefined) {
      out = detachedString(s);
      this.#kept.set(out, out);
    }
    return out;
  }

  /**
   * A copy of plain data (strings, numbers, booleans, null, arrays and plain objects of them) whose
   * strings come from {@link of}. Anything else (class instances, functions, maps) is kept as it is.
   */
  value<T>(value: T): T {
    if (typeof value === 'string') return this.of(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.value(v)) as T;
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = this.value(v);
      return out as T;
    }
    return value;
  }
}
