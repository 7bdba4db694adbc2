/**
 * The fix loop: lint, apply the chosen fixes of every file in memory, lint again against the updated
 * index (so a fix in one file that changes another file's findings is seen), until nothing is left to
 * apply or the pass limit is reached. Hosts write the results: the CLI to disk, the language server
 * as workspace edits.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Diagnostic, Fix, TextEdit } from '../lint/diagnostic';
import { lintDocument, lintToc, lintWorkspace } from '../lint/linter';
import type { Rule } from '../rules/rule';
import { applyFixes, minimalEdit } from './applyEdits';

/** Picks the fix to apply for a diagnostic, or none. */
export type FixChooser = (d: Diagnostic) => Fix | undefined;

/** The fix `--fix` and `source.fixAll.playbook` apply: the diagnostic's first safe fix. */
export const firstSafeFix: FixChooser = (d) => d.fixes.find((f) => f.safe);

/**
 * The fix "fix all of this rule" applies to a diagnostic of `ruleId`: its first safe fix, else its only
 * fix (the author asked for this rule's fixes by name). A diagnostic offering several unsafe
 * alternatives is left alone: choosing among them is the author's call, one finding at a time.
 */
export function fixesOfRule(ruleId: string): FixChooser {
  return (d) => (d.ruleId !== ruleId ? undefined : d.fixes.find((f) => f.safe) ?? (d.fixes.length === 1 ? d.fixes[0] : undefined));
}

/** How many fixes of one kind were applied to a file. */
export interface AppliedFixes {
  readonly ruleId: string;
  readonly title: string;
  readonly count: number;
}

/** What fixing did to one file. */
export interface FileFixResult {
  readonly path: string;
  /** The text before any fix. */
  readonly original: string;
  /** The text after every applied fix (equal to `original` when nothing was applied). */
  readonly fixed: string;
  /** The applied fixes, by rule and title, in the order first applied. */
  readonly applied: readonly AppliedFixes[];
  /** The diagnostics of the fixed text. */
  readonly remaining: readonly Diagnostic[];
}

/** What fixing a workspace did. */
export interface WorkspaceFixResult {
  /** Every linted file, in path order (changed or not). */
  readonly files: readonly FileFixResult[];
  /** How many passes applied something. */
  readonly passes: number;
  /** False when the pass limit was reached while fixes were still being applied. */
  readonly converged: boolean;
}

/** Options of the fix loop. */
export interface FixOptions {
  /** Which fix to apply per diagnostic; {@link firstSafeFix} by default. */
  readonly choose?: FixChooser;
  /** The most passes to run (10 by default). */
  readonly maxPasses?: number;
  /** The diagnostics of a lint just run over the same files (saves the first lint). */
  readonly initial?: ReadonlyMap<string, readonly Diagnostic[]>;
}

/** The default pass limit: enough for fixes that enable other fixes, small enough to stop a fix that undoes another. */
export const MAX_FIX_PASSES = 10;

interface Tally {
  readonly original: string;
  readonly counts: Map<string, { ruleId: string; title: string; count: number }>;
}

/** The current text and version of a page or toc of the index. */
function current(index: WorkspaceIndex, path: string): { text: string; version: number } | undefined {
  return index.document(path) ?? index.toc(path);
}

/**
 * Applies the chosen fixes of one file's diagnostics to its text in the index, and records them.
 * Returns true when the text changed.
 */
function fixOnce(index: WorkspaceIndex, path: string, diagnostics: readonly Diagnostic[], choose: FixChooser, tallies: Map<string, Tally>): boolean {
  const file = current(index, path);
  if (!file) return false;
  const chosen: Array<Fix & { readonly ruleId: string }> = [];
  for (const d of diagnostics) {
    const fix = choose(d);
    if (fix) chosen.push({ ...fix, ruleId: d.ruleId });
  }
  if (chosen.length === 0) return false;
  const { text, applied } = applyFixes(file.text, chosen);
  if (text === file.text) return false;
  let tally = tallies.get(path);
  if (!tally) tallies.set(path, (tally = { original: file.text, counts: new Map() }));
  for (const f of applied) {
    const key = `${f.ruleId}\u0000${f.title}`;
    const c = tally.counts.get(key);
    if (c) c.count++;
    else tally.counts.set(key, { ruleId: f.ruleId, title: f.title, count: 1 });
  }
  index.setText(path, text, file.version + 1);
  return true;
}

function resultOf(index: WorkspaceIndex, path: string, remaining: readonly Diagnostic[], tally: Tally | undefined): FileFixResult {
  const text = current(index, path)?.text ?? '';
  return { path, original: tally?.original ?? text, fixed: text, applied: tally ? [...tally.counts.values()] : [], remaining };
}

/**
 * Fixes every file `filter` accepts, in memory: each pass lints those files against the whole index
 * and applies the chosen fixes of every file (`index.setText`), until a pass applies nothing or
 * `maxPasses` passes ran. The index keeps the fixed texts; nothing is written anywhere.
 */
export function fixWorkspace(index: WorkspaceIndex, rules: readonly Rule[], filter: (path: string) => boolean, options: FixOptions = {}): WorkspaceFixResult {
  const choose = options.choose ?? firstSafeFix;
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const tallies = new Map<string, Tally>();
  let results: ReadonlyMap<string, readonly Diagnostic[]> = options.initial ?? lintWorkspace(index, rules, filter);
  let passes = 0;
  let converged = false;
  for (;;) {
    let changed = false;
    if (passes < maxPasses) {
      for (const [path, diagnostics] of results) if (fixOnce(index, path, diagnostics, choose, tallies)) changed = true;
    }
    if (!changed) {
      converged = passes < maxPasses || ![...results.values()].some((ds) => ds.some((d) => choose(d) !== undefined));
      break;
    }
    passes++;
    results = lintWorkspace(index, rules, filter);
  }
  const files = [...results].map(([path, remaining]) => resultOf(index, path, remaining, tallies.get(path)));
  return { files, passes, converged };
}

/** What fixing one open file did, with the edit a host sends to the editor. */
export interface DocumentFixResult extends FileFixResult {
  /** The one edit turning `original` into `fixed` (undefined when nothing changed). */
  readonly edit?: TextEdit;
  readonly passes: number;
}

/**
 * Fixes one page or toc: lints it, applies the chosen fixes, and repeats (up to `maxPasses`) while
 * something was applied. By default the index gets the original text back afterwards, so a language
 * server can offer the result as an edit and let the editor apply it; `keep: true` leaves the fixed text.
 */
export function fixFile(index: WorkspaceIndex, rules: readonly Rule[], path: string, options: FixOptions & { readonly keep?: boolean } = {}): DocumentFixResult {
  const choose = options.choose ?? firstSafeFix;
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const start = current(index, path);
  const lint = (): readonly Diagnostic[] => {
    const doc = index.document(path);
    if (doc) return lintDocument(doc, index, rules);
    const toc = index.toc(path);
    return toc ? lintToc(toc, index, rules) : [];
  };
  const tallies = new Map<string, Tally>();
  let diagnostics = options.initial?.get(path) ?? lint();
  let passes = 0;
  while (passes < maxPasses && fixOnce(index, path, diagnostics, choose, tallies)) {
    passes++;
    diagnostics = lint();
  }
  const result = resultOf(index, path, diagnostics, tallies.get(path));
  if (start && !options.keep && result.fixed !== result.original) index.setText(path, start.text, start.version);
  const edit = minimalEdit(result.original, result.fixed);
  return { ...result, passes, ...(edit ? { edit } : {}) };
}

/** The fixes applied to a set of files, summed by rule (for a "fixed N problems" summary). */
export function appliedByRule(files: readonly FileFixResult[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of files) for (const a of f.applied) out.set(a.ruleId, (out.get(a.ruleId) ?? 0) + a.count);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
