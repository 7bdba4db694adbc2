/**
 * The pages whose findings over workspace front-matter statistics can change when one page's values
 * change. `frontmatter/near-value` compares a page's value of a key with the values many pages use:
 * its result moves with the count of its own value and of every value within two edits of it (a
 * suggestion must be at most two edits away). It also skips keys whose enum the page's folder follows,
 * judged by the values of the nearest folder where other pages give the key. So a change from value A
 * to B concerns the pages whose value is within two edits of A or B, and, for a key with an enum, the
 * pages of the changed page's folder and of the folders below that have no value of their own.
 */
import { enumOf, typoDistance } from '../rules/frontmatter/shared';
import { dirname, isWithin } from '../util/paths';
import type { ValueEntry } from './pageFacts';
import type { WorkspaceIndex } from './workspaceIndex';

/** How far apart (in edits) a value and the value it is reported as a typo of can be, at most. */
const MAX_DISTANCE = 2;

/** The values of each key whose number of occurrences differs between two entry lists. */
function changedValues(now: readonly ValueEntry[], before: readonly ValueEntry[]): Map<string, Set<string>> {
  const delta = new Map<string, number>();
  const id = (k: string, v: string): string => k + '\u0000' + v;
  for (const [k, v] of now) delta.set(id(k, v), (delta.get(id(k, v)) ?? 0) + 1);
  for (const [k, v] of before) delta.set(id(k, v), (delta.get(id(k, v)) ?? 0) - 1);
  const out = new Map<string, Set<string>>();
  for (const [kv, n] of delta) {
    if (n === 0) continue;
    const [k, v] = kv.split('\u0000') as [string, string];
    const set = out.get(k);
    if (set) set.add(v);
    else out.set(k, new Set([v]));
  }
  return out;
}

/** True when two values are at most two edits apart (a cheap length test first). */
function near(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= MAX_DISTANCE && typoDistance(a, b) <= MAX_DISTANCE;
}

/** The pages under `dir` whose nearest folder with values of `key` (from their own up) would be `dir`. */
function judgedByFolder(index: WorkspaceIndex, dir: string, key: string, out: Set<string>): void {
  for (const p of index.pagePaths()) {
    if (!isWithin(dir, p)) continue;
    let own = true;
    for (let d = dirname(p); d !== dir && d.length > dir.length; d = dirname(d)) {
      if (index.valuesInFolder(d, key).some(([page]) => page !== p)) {
        own = false;
        break;
      }
    }
    if (own) out.add(p);
  }
}

/**
 * Adds to `out` the pages whose near-value findings may change because the page at `path` went from
 * the front-matter entries `before` to `now` (`before` empty for a new page, `now` empty for a removed
 * one). Nothing when the values did not change.
 */
export function nearValueDependents(index: WorkspaceIndex, path: string, now: readonly ValueEntry[], before: readonly ValueEntry[], out: Set<string>): void {
  for (const [key, values] of changedValues(now, before)) {
    for (const candidate of index.distinctValues(key)) {
      if (![...values].some((v) => near(v, candidate))) continue;
      for (const p of index.pagesWithValue(key, candidate)) out.add(p);
    }
    if (enumOf(key)) judgedByFolder(index, dirname(path), key, out);
  }
}
