/**
 * What the index keeps of a page's front matter: every entry's key and its value when the value is a
 * string or a number (trimmed), in source order, in one flat array. Rules read the values (last entry
 * per key) and the workspace statistics count the entries.
 */
import type { PlaybookDocument } from '../model/document';
import type { Interner } from './interner';

/** A front-matter entry whose value is a string or a number, as `key` and the trimmed value. */
export type ValueEntry = readonly [key: string, value: string];

/** The trimmed value of a front-matter value when it is a string or a number. */
export function valueText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

/** The front-matter keys and values of one page. */
export class FrontMatterValues {
  /** key, value, key, value, ...: the value is undefined when the entry's value is not a string or number. */
  readonly #flat: ReadonlyArray<string | undefined>;
  /** The values of every page without front matter entries: one object for all. */
  static #empty: FrontMatterValues | undefined;

  private constructor(flat: ReadonlyArray<string | undefined>) {
    this.#flat = flat;
  }

  /** The values of a page's front matter, strings kept through `intern`. */
  static of(doc: PlaybookDocument, intern: Interner): FrontMatterValues {
    const entries = doc.frontMatter?.entries ?? [];
    if (entries.length === 0) return (FrontMatterValues.#empty ??= new FrontMatterValues([]));
    // Sized up front: an array grown by pushes keeps room for more (most of it again) for as long as it lives.
    const flat = new Array<string | undefined>(entries.length * 2);
    entries.forEach((e, i) => {
      flat[2 * i] = intern.get(e.key);
      flat[2 * i + 1] = intern.maybe(valueText(e.value));
    });
    return new FrontMatterValues(flat);
  }

  /** The value of a key: its last entry's, trimmed, when a non-empty string or number (what `valueOf` reads of a model). */
  value(key: string): string | undefined {
    for (let i = this.#flat.length - 2; i >= 0; i -= 2) {
      if (this.#flat[i] !== key) continue;
      const v = this.#flat[i + 1];
      return v === '' ? undefined : v;
    }
    return undefined;
  }

  /** Every key's {@link value}, keys in order of their first entry. */
  values(): Map<string, string> {
    const out = new Map<string, string>();
    for (let i = 0; i < this.#flat.length; i += 2) {
      const key = this.#flat[i]!;
      if (out.has(key)) continue;
      const v = this.value(key);
      if (v !== undefined) out.set(key, v);
    }
    return out;
  }

  /** Every entry whose value is a string or a number (duplicates included, empty values too), in source order. */
  entries(): ValueEntry[] {
    const out: ValueEntry[] = [];
    for (let i = 0; i < this.#flat.length; i += 2) {
      const v = this.#flat[i + 1];
      if (v !== undefined) out.push([this.#flat[i]!, v]);
    }
    return out;
  }

  /**
   * Calls `visit` with every entry whose value is a string or a number, in source order, with its
   * position among those entries (its index in {@link entries}), without building the list.
   */
  forEachEntry(visit: (key: string, value: string, pos: number) => void): void {
    let pos = 0;
    for (let i = 0; i < this.#flat.length; i += 2) {
      const v = this.#flat[i + 1];
      if (v !== undefined) visit(this.#flat[i]!, v, pos++);
    }
  }

  /** True when both hold the same entries. */
  equals(other: FrontMatterValues): boolean {
    const a = this.#flat;
    const b = other.#flat;
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
}
