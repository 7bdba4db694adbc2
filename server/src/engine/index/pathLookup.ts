/**
 * Look-ups over the workspace's file list that rules make once per broken target: the files whose
 * path differs only in case, and the files with a given name anywhere. Each is built once per file list,
 * so a search costs a binary search or a map access instead of a walk over every file of the workspace.
 */
import { basename } from '../util/paths';
import { firstAfter, firstAtOrAfter, itself } from '../util/sortedSearch';
import type { WorkspaceIndex } from './workspaceIndex';

/** Files of the workspace by lower-cased path and by lower-cased base name. */
export interface PathLookup {
  /** The files whose lower-cased path is `lowerPath`, in path order. */
  withLowerPath(lowerPath: string): readonly string[];
  /** The files whose lower-cased base name is `lowerName`, in path order. */
  named(lowerName: string): readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

/** Files sorted by a key, to find those with a given key by a binary search. */
class SortedByKey {
  /** The keys in order, one per file: one string per distinct key (a file's own path when it is its key). */
  readonly #keys: string[];
  /** The file of each key, files of one key in path order. */
  readonly #files: string[];

  /** The files of `byKey`, `count` in all, each group in path order. */
  constructor(byKey: ReadonlyMap<string, readonly string[]>, count: number) {
    // Sized up front: lists grown by pushes would keep spare room for as long as they live.
    this.#keys = new Array<string>(count);
    this.#files = new Array<string>(count);
    let i = 0;
    for (const key of [...byKey.keys()].sort()) {
      for (const f of byKey.get(key)!) {
        this.#keys[i] = key;
        this.#files[i++] = f;
      }
    }
  }

  /** The files whose key is `key`, in path order. */
  withKey(key: string): readonly string[] {
    const from = firstAtOrAfter(this.#keys, key, itself);
    const to = firstAfter(this.#keys, key, itself);
    return to === from ? NONE : this.#files.slice(from, to);
  }
}

/** Groups files by a key, files of one key in path order. */
function groupBy(files: readonly string[], keyOf: (file: string) => string): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const f of files) {
    const key = keyOf(f);
    const same = byKey.get(key);
    if (same) same.push(f);
    else byKey.set(key === f ? f : key, [f]);
  }
  return byKey;
}

/**
 * Builds the look-ups of one file list (sorted, as `WorkspaceIndex.allFiles` gives it). Files by
 * lower-cased path are a sorted list (nearly every path is a key of its own: a map would hold an entry and
 * a list per file); files by lower-cased name a map (names repeat: `toc.yml`, `index.md`).
 */
export function buildPathLookup(files: readonly string[]): PathLookup {
  const byLowerPath = new SortedByKey(groupBy(files, (f) => f.toLowerCase()), files.length);
  const byLowerName = groupBy(files, (f) => basename(f).toLowerCase());
  return {
    withLowerPath: (lowerPath) => byLowerPath.withKey(lowerPath),
    named: (lowerName) => byLowerName.get(lowerName) ?? NONE,
  };
}

/** True when two file lists hold the same paths in the same order. */
function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const kept = new WeakMap<WorkspaceIndex, { readonly files: readonly string[]; readonly lookup: PathLookup }>();

/**
 * The look-ups of an index's current file list, kept until the list changes. The list is compared with
 * the one the look-ups were built from (at once when the index hands out the same array; otherwise path
 * by path, which compares the same string objects and costs far less than building the maps again).
 */
export function pathLookup(index: WorkspaceIndex): PathLookup {
  const files = index.allFiles();
  const last = kept.get(index);
  if (last && sameFiles(last.files, files)) return last.lookup;
  const lookup = buildPathLookup(files);
  kept.set(index, { files, lookup });
  return lookup;
}
