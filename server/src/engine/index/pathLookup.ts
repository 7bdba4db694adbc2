/**
 * Look-ups over the workspace's file list that rules make once per broken target: the files whose
 * path differs only in case, and the files with a given name anywhere. Each is a map built once per
 * file list, so a search costs one map access instead of a walk over every file of the workspace.
 */
import { basename } from '../util/paths';
import type { WorkspaceIndex } from './workspaceIndex';

/** Files of the workspace by lower-cased path and by lower-cased base name. */
export interface PathLookup {
  /** The files whose lower-cased path is `lowerPath`, in path order. */
  withLowerPath(lowerPath: string): readonly string[];
  /** The files whose lower-cased base name is `lowerName`, in path order. */
  named(lowerName: string): readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

/** Appends `value` to the list kept under `key`. */
function add(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the look-ups of one file list (sorted, as `WorkspaceIndex.allFiles` gives it). */
export function buildPathLookup(files: readonly string[]): PathLookup {
  const byLowerPath = new Map<string, string[]>();
  const byLowerName = new Map<string, string[]>();
  for (const f of files) {
    add(byLowerPath, f.toLowerCase(), f);
    add(byLowerName, basename(f).toLowerCase(), f);
  }
  return {
    withLowerPath: (lowerPath) => byLowerPath.get(lowerPath) ?? NONE,
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
