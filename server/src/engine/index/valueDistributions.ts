/**
 * How the pages that give one front-matter key one value give another key (`ms.author` over the pages
 * with `author: Celia Kennedy`), kept per such pair once worked out: a rule asks it for every page with
 * a wrong value, and walking the pages again each time made a large workspace quadratic. A page's change
 * forgets the pairs it gave (before and after), and nothing else.
 */

/** The values of a key over a set of pages: each value with its number of pages, and how many pages give the key at all. */
export interface ValueDistribution {
  /** Each value (a page's last entry of the key, trimmed) with the number of pages giving it, in path order of their first page. */
  readonly counts: ReadonlyMap<string, number>;
  /** How many pages give the key a value. */
  readonly total: number;
}

/** The distributions worked out so far, by the key and value that select the pages. */
export class ValueDistributions {
  /** `whereKey \0 whereValue` → key → distribution. */
  readonly #memo = new Map<string, Map<string, ValueDistribution>>();

  /** The distribution of `key` over the pages with `whereKey: whereValue`; `compute` works it out when it is not kept. */
  get(key: string, whereKey: string, whereValue: string, compute: () => ValueDistribution): ValueDistribution {
    const id = whereKey + '\u0000' + whereValue;
    let byKey = this.#memo.get(id);
    if (!byKey) this.#memo.set(id, (byKey = new Map()));
    let d = byKey.get(key);
    if (!d) byKey.set(key, (d = compute()));
    return d;
  }

  /** A page with `whereKey: whereValue` changed, appeared or went: what was kept for those pages no longer holds. */
  forget(whereKey: string, whereValue: string): void {
    this.#memo.delete(whereKey + '\u0000' + whereValue);
  }
}

/** A distribution without one page's value (`value`, undefined when the page gives none). */
export function withoutOne(d: ValueDistribution, value: string | undefined): ValueDistribution {
  const n = value !== undefined ? d.counts.get(value) : undefined;
  if (value === undefined || n === undefined) return d;
  const counts = new Map(d.counts);
  if (n > 1) counts.set(value, n - 1);
  else counts.delete(value);
  return { counts, total: d.total - 1 };
}
