/**
 * Records what the rules read of the workspace index while they check one file, so that the fix loop
 * can tell whose findings a fix in another file may change: the pages whose models a rule looked at,
 * the front-matter keys whose workspace-wide value counts it used, or — for anything it cannot place —
 * everything. Reads of what fixes cannot change (which files and folders exist, docfx projects) are
 * not recorded. Nor, one by one, are the relations between files (links, includes and their anchors,
 * task IDs, toc entries, translations): the loop re-checks the files `dependentsOf` names for each
 * changed file, which covers a rule reading the relations of its own page — its links' targets, its
 * task IDs, its source page and translations. That a translation relation was read is recorded, for a
 * fix that changes what language or kind of page a page is.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** What the rules read of the index while checking one file, besides the file itself. */
export interface IndexReads {
  /** Pages and tocs whose models were read. */
  readonly files: Set<string>;
  /** Front-matter keys whose values across the workspace were read (counts, pages by value). */
  readonly valueKeys: Set<string>;
  /** Front-matter keys whose values on the pages of one folder were read, as {@link folderKey}s. */
  readonly folderValueKeys: Set<string>;
  /** True when the translation relations (source page, translations) were read. */
  translations: boolean;
  /** True when something was read that a change of any file can affect (every page at once, an index member not classified below). */
  everything: boolean;
}

/**
 * How a read of an index member depends on the files' texts; `arg` is the position of the path or key it
 * is about, `alsoArg` that of a second key whose values it reads (the key selecting the pages).
 */
export type ReadKind =
  | { readonly kind: 'fixed' | 'relation' | 'translations' | 'everything' }
  | { readonly kind: 'file'; readonly arg: number }
  | { readonly kind: 'values'; readonly arg: number; readonly alsoArg?: number }
  | { readonly kind: 'folderValues'; readonly dirArg: number; readonly keyArg: number };

const FIXED: ReadKind = { kind: 'fixed' };
const RELATION: ReadKind = { kind: 'relation' };
const EVERYTHING: ReadKind = { kind: 'everything' };
const FILE: ReadKind = { kind: 'file', arg: 0 };
const VALUES: ReadKind = { kind: 'values', arg: 0 };

/**
 * The index members rules read, by how a fix can change what they answer. Fixes only rewrite pages and
 * tocs in place: they never create, delete or rename a file, nor edit a `docfx.json`. A member missing
 * here counts as reading everything, which is always correct, only slower: classify a new member to let
 * the fix loop re-check less.
 */
const READ_KINDS: Readonly<Record<string, ReadKind>> = {
  // Which files, folders and docfx projects exist.
  workspace: FIXED,
  context: FIXED,
  root: FIXED,
  exists: FIXED,
  isDirectory: FIXED,
  filesIn: FIXED,
  pagesIn: FIXED,
  pagePaths: FIXED,
  allFiles: FIXED,
  docfxFor: FIXED,
  isBuilt: FIXED,
  resolve: FIXED,
  // Relations between files: the loop re-checks the files `dependentsOf` names for each changed one.
  anchorsOf: RELATION,
  incoming: RELATION,
  tasks: RELATION,
  tocReferences: RELATION,
  sourceOf: { kind: 'translations' },
  translationsOf: { kind: 'translations' },
  // One file's text, model or facts.
  document: FILE,
  facts: FILE,
  textOf: FILE,
  lineIndex: FILE,
  toc: FILE,
  // Statistics of one front-matter key's values.
  valueCounts: VALUES,
  pagesWithValue: VALUES,
  distinctValues: VALUES,
  valuesWhere: { kind: 'values', arg: 0, alsoArg: 1 },
  valuesInFolder: { kind: 'folderValues', dirArg: 0, keyArg: 1 },
};

/** The kind of a read of `member` (a member not listed reads everything). */
export function readKindOf(member: string): ReadKind {
  return READ_KINDS[member] ?? EVERYTHING;
}

/** An index whose reads are recorded while a check runs. */
export interface ReadTracker {
  /** The index to give the linter: the same index, recording what is read of it during {@link ReadTracker.record}. */
  readonly index: WorkspaceIndex;
  /** Runs `check` and returns its result with what it read of {@link ReadTracker.index}. */
  record<T>(check: () => T): { readonly result: T; readonly reads: IndexReads };
}

/** No reads yet. */
export function noReads(): IndexReads {
  return { files: new Set(), valueKeys: new Set(), folderValueKeys: new Set(), translations: false, everything: false };
}

/** How a read of one key's values in one folder is recorded (and a change of them named). */
export function folderKey(dir: string, key: string): string {
  return `${dir}\u0000${key}`;
}

function note(reads: IndexReads, read: ReadKind, args: readonly unknown[]): void {
  if (read.kind === 'everything') reads.everything = true;
  else if (read.kind === 'translations') reads.translations = true;
  else if (read.kind === 'file' || read.kind === 'values') {
    const arg = args[read.arg];
    if (typeof arg !== 'string') reads.everything = true;
    else if (read.kind === 'file') reads.files.add(arg);
    else reads.valueKeys.add(arg);
    if (read.kind === 'values' && read.alsoArg !== undefined) note(reads, { kind: 'values', arg: read.alsoArg }, args);
  } else if (read.kind === 'folderValues') {
    const dir = args[read.dirArg];
    const key = args[read.keyArg];
    if (typeof dir === 'string' && typeof key === 'string') reads.folderValueKeys.add(folderKey(dir, key));
    else reads.everything = true;
  }
}

/** Wraps an index so that what rules read of it can be recorded, one check at a time. */
export function trackReads(index: WorkspaceIndex): ReadTracker {
  let current: IndexReads | undefined;
  const methods = new Map<string | symbol, (...args: unknown[]) => unknown>();
  const tracked = new Proxy(index, {
    get(target, member) {
      const value: unknown = Reflect.get(target, member, target);
      const kind = typeof member === 'string' ? readKindOf(member) : FIXED;
      if (typeof value !== 'function') {
        if (current) note(current, kind, []);
        return value;
      }
      let method = methods.get(member);
      if (!method) {
        const fn = value as (...args: unknown[]) => unknown;
        // Called on the index itself, so its private state stays reachable.
        method = (...args: unknown[]): unknown => {
          if (current) note(current, kind, args);
          return fn.apply(target, args);
        };
        methods.set(member, method);
      }
      return method;
    },
  });
  return {
    index: tracked,
    record<T>(check: () => T) {
      const outer = current;
      const reads = noReads();
      current = reads;
      try {
        return { result: check(), reads };
      } finally {
        current = outer;
      }
    },
  };
}
