/**
 * The fix loop's linter: lints single files as `lintWorkspace` does, remembers what each check read of
 * the index, and after a pass of fixes tells which files' findings the pass may have changed — so a pass
 * re-checks those instead of the whole workspace.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Diagnostic } from '../lint/diagnostic';
import { lintDocument, lintToc } from '../lint/linter';
import type { Rule } from '../rules/rule';
import { trackReads, type IndexReads, type ReadTracker } from './readTracker';

/** What a pass of fixes changed, as far as other files' findings can depend on it. */
export interface PassChanges {
  /** The files whose text changed. */
  readonly changed: ReadonlySet<string>;
  /** The files `dependentsOf` names for the changed ones, before and after the change (links, includes, tasks, translations, tocs). */
  readonly dependents: ReadonlySet<string>;
  /** The front-matter keys whose values changed on some changed page. */
  readonly valueKeys: ReadonlySet<string>;
  /** The same keys with the folder of the page they changed on, as `folderKey`s. */
  readonly folderValueKeys: ReadonlySet<string>;
  /** True when a changed page's locale or kind changed, so translation relations may have changed anywhere. */
  readonly pageIdentityChanged: boolean;
}

/** True when a check that read `reads` may see something different after `changes`. */
function touched(reads: IndexReads, changes: PassChanges): boolean {
  if (reads.everything) return changes.changed.size > 0;
  if (reads.translations && changes.pageIdentityChanged) return true;
  for (const f of reads.files) if (changes.changed.has(f)) return true;
  for (const k of reads.valueKeys) if (changes.valueKeys.has(k)) return true;
  for (const k of reads.folderValueKeys) if (changes.folderValueKeys.has(k)) return true;
  return false;
}

/** Lints single files of one index, recording what each check reads. */
export class PassLinter {
  readonly #index: WorkspaceIndex;
  readonly #rules: readonly Rule[];
  readonly #tracker: ReadTracker;
  /** What the last check of each file read; a file not here was checked without recording (or never). */
  readonly #reads = new Map<string, IndexReads>();

  constructor(index: WorkspaceIndex, rules: readonly Rule[]) {
    this.#index = index;
    this.#rules = rules;
    this.#tracker = trackReads(index);
  }

  /** The diagnostics of one page or toc (none for a file the index does not hold), as `lintWorkspace` gives them. */
  lint(path: string): Diagnostic[] {
    const doc = this.#index.document(path);
    const toc = doc ? undefined : this.#index.toc(path);
    const { result, reads } = this.#tracker.record(() =>
      doc ? lintDocument(doc, this.#tracker.index, this.#rules) : toc ? lintToc(toc, this.#tracker.index, this.#rules) : [],
    );
    this.#reads.set(path, reads);
    return result;
  }

  /**
   * Which of `paths` to check again after `changes`, in their order: the changed files, their dependents,
   * the files whose last check read a changed file or a changed key's value counts or everything, and the
   * files whose last check was not recorded.
   */
  affected(paths: Iterable<string>, changes: PassChanges): string[] {
    const out: string[] = [];
    for (const p of paths) {
      const reads = this.#reads.get(p);
      if (!reads || changes.changed.has(p) || changes.dependents.has(p) || touched(reads, changes)) out.push(p);
    }
    return out;
  }
}
