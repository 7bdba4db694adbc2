/**
 * Which front-matter keys a change of one page touches, as the workspace's value statistics see them:
 * a fix that rewrites `ms.author` on one page can change what `frontmatter/near-value` says on another.
 */
import type { FrontMatterEntry, PlaybookDocument } from '../model/document';

/** Everything about an entry's value that statistics over values could read. */
function valueKey(e: FrontMatterEntry): string {
  const scalar = typeof e.value === 'string' || typeof e.value === 'number' || typeof e.value === 'boolean' ? String(e.value) : '';
  return `${typeof e.value}\u0000${e.value === null ? 'null' : scalar}\u0000${e.valueText}`;
}

/** What statistics over front-matter values can read of a page: each key's values, every entry in source order. */
export type PageValues = ReadonlyMap<string, readonly string[]>;

/** The values of each key of a page (none for a file that is not a page, such as a toc). */
export function pageValues(doc: PlaybookDocument | undefined): PageValues {
  const out = new Map<string, string[]>();
  for (const e of doc?.frontMatter?.entries ?? []) {
    const list = out.get(e.key);
    if (list) list.push(valueKey(e));
    else out.set(e.key, [valueKey(e)]);
  }
  return out;
}

/**
 * The front-matter keys whose values differ between two versions of a page: keys added or removed,
 * and keys with a value changed, added or removed (or reordered among duplicates).
 */
export function changedValueKeys(before: PageValues, after: PageValues): Set<string> {
  const out = new Set<string>();
  for (const [key, values] of before) {
    const other = after.get(key);
    if (!other || other.length !== values.length || other.some((v, i) => v !== values[i])) out.add(key);
  }
  for (const key of after.keys()) if (!before.has(key)) out.add(key);
  return out;
}
