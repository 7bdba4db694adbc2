/**
 * Binary search in a list sorted by a string key (paths in path order, lower-cased paths): where the
 * items with a key start, or where they end.
 */

/** The index of the first item whose key is at or after `key` (`list.length` when there is none). */
export function firstAtOrAfter<T>(list: readonly T[], key: string, keyOf: (item: T) => string): number {
  return search(list, key, keyOf, false);
}

/** The index of the first item whose key is after `key` (`list.length` when there is none). */
export function firstAfter<T>(list: readonly T[], key: string, keyOf: (item: T) => string): number {
  return search(list, key, keyOf, true);
}

/** A string list's items are their own keys. */
export const itself = (s: string): string => s;

function search<T>(list: readonly T[], key: string, keyOf: (item: T) => string, orEqual: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keyOf(list[mid]!);
    if (k < key || (orEqual && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
