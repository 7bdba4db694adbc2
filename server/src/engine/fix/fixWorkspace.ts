/**
 * The fix loop: lint, apply the chosen fixes of every file in memory, lint again against the updated
 * index (so a fix in one file that changes another file's findings is seen), until nothing is left to
 * apply or the pass limit is reached. A pass lints again only the files whose findings its fixes can
 * have changed (`passLinter.ts`). Hosts write the results: the CLI to disk, the language server as
 * workspace edits.
 */
import { dependentsOf } from '../index/dependents';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Diagnostic, Fix, TextEdit } from '../lint/diagnostic';
import { lintDocument, lintToc, lintWorkspace } from '../lint/linter';
import type { PlaybookDocument } from '../model/document';
import type { Rule } from '../rules/rule';
import { dirname } from '../util/paths';
import { applyFixes, minimalEdit } from './applyEdits';
import { changedValueKeys, pageValues, type PageValues } from './changedValues';
import { PassLinter, type PassChanges } from './passLinter';
import { folderKey } from './readTracker';

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

/** What other files' findings can read of a page besides its relations: its front-matter values, language and kind. */
interface PageIdentity {
  readonly values: PageValues;
  readonly locale?: string;
  readonly kind?: string;
}

function identityOf(doc: PlaybookDocument | undefined): PageIdentity {
  return { values: pageValues(doc), ...(doc ? { locale: doc.locale, kind: doc.kind } : {}) };
}

/** The fixed text of one file, with the fixes it applies. */
interface PlannedFix {
  readonly path: string;
  /** The file before the fixes; `identity` is read from the model at hand when planning, so it is not built again. */
  readonly before: { readonly text: string; readonly version: number; readonly identity: PageIdentity };
  readonly text: string;
  readonly applied: ReadonlyArray<{ readonly ruleId: string; readonly title: string }>;
}

/** The text the chosen fixes of one file's diagnostics give, or undefined when they change nothing. */
function planFix(index: WorkspaceIndex, path: string, diagnostics: readonly Diagnostic[], choose: FixChooser): PlannedFix | undefined {
  const chosen: Array<Fix & { readonly ruleId: string }> = [];
  for (const d of diagnostics) {
    const fix = choose(d);
    if (fix) chosen.push({ ...fix, ruleId: d.ruleId });
  }
  if (chosen.length === 0) return undefined;
  const doc = index.document(path);
  const file = doc ?? index.toc(path);
  if (!file) return undefined;
  const { text, applied } = applyFixes(file.text, chosen);
  return text === file.text ? undefined : { path, before: { text: file.text, version: file.version, identity: identityOf(doc) }, text, applied };
}

/** Puts a planned text in the index and records its fixes. */
function applyPlanned(index: WorkspaceIndex, fix: PlannedFix, tallies: Map<string, Tally>): void {
  let tally = tallies.get(fix.path);
  if (!tally) tallies.set(fix.path, (tally = { original: fix.before.text, counts: new Map() }));
  for (const f of fix.applied) {
    const key = `${f.ruleId}\u0000${f.title}`;
    const c = tally.counts.get(key);
    if (c) c.count++;
    else tally.counts.set(key, { ruleId: f.ruleId, title: f.title, count: 1 });
  }
  index.setText(fix.path, fix.text, fix.before.version + 1);
}

/**
 * Applies the chosen fixes of one file's diagnostics to its text in the index, and records them.
 * Returns true when the text changed.
 */
function fixOnce(index: WorkspaceIndex, path: string, diagnostics: readonly Diagnostic[], choose: FixChooser, tallies: Map<string, Tally>): boolean {
  const fix = planFix(index, path, diagnostics, choose);
  if (fix) applyPlanned(index, fix, tallies);
  return fix !== undefined;
}

/**
 * Applies every planned fix to the index and says what changed for other files: the dependents of each
 * changed file before the change and after it (a change can add and remove relations), the front-matter
 * keys whose values changed, and whether a page's language or kind changed.
 */
function applyPass(index: WorkspaceIndex, planned: readonly PlannedFix[], tallies: Map<string, Tally>): PassChanges {
  const dependents = new Set<string>();
  for (const fix of planned) for (const d of dependentsOf(index, fix.path)) dependents.add(d);
  const valueKeys = new Set<string>();
  const folderValueKeys = new Set<string>();
  let pageIdentityChanged = false;
  for (const fix of planned) {
    applyPlanned(index, fix, tallies);
    // Read right after the change, while the index still holds the model it just built.
    const after = identityOf(index.document(fix.path));
    const before = fix.before.identity;
    if (before.locale !== after.locale || before.kind !== after.kind) pageIdentityChanged = true;
    for (const k of changedValueKeys(before.values, after.values)) {
      valueKeys.add(k);
      folderValueKeys.add(folderKey(dirname(fix.path), k));
    }
  }
  for (const fix of planned) for (const d of dependentsOf(index, fix.path)) dependents.add(d);
  return { changed: new Set(planned.map((f) => f.path)), dependents, valueKeys, folderValueKeys, pageIdentityChanged };
}

function resultOf(index: WorkspaceIndex, path: string, remaining: readonly Diagnostic[], tally: Tally | undefined): FileFixResult {
  const text = current(index, path)?.text ?? '';
  return { path, original: tally?.original ?? text, fixed: text, applied: tally ? [...tally.counts.values()] : [], remaining };
}

/**
 * Fixes every file `filter` accepts, in memory: each pass applies the chosen fixes of every file
 * (`index.setText`), then lints again, against the whole index, those of the files whose findings the pass
 * can have changed (all of them after the first pass: what the first lint read is not known), until a
 * pass applies nothing or `maxPasses` passes ran. The result is what linting every file after every pass
 * gives. The index keeps the fixed texts; nothing is written anywhere.
 */
export function fixWorkspace(index: WorkspaceIndex, rules: readonly Rule[], filter: (path: string) => boolean, options: FixOptions = {}): WorkspaceFixResult {
  const choose = options.choose ?? firstSafeFix;
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const tallies = new Map<string, Tally>();
  // The files to fix are those of the first lint; fixes neither add nor remove files, so they stay the same.
  const results = new Map<string, readonly Diagnostic[]>(options.initial ?? lintWorkspace(index, rules, filter));
  const linter = new PassLinter(index, rules);
  let passes = 0;
  let converged = false;
  for (;;) {
    const planned: PlannedFix[] = [];
    if (passes < maxPasses) {
      for (const [path, diagnostics] of results) {
        const fix = planFix(index, path, diagnostics, choose);
        if (fix) planned.push(fix);
      }
    }
    if (planned.length === 0) {
      converged = passes < maxPasses || ![...results.values()].some((ds) => ds.some((d) => choose(d) !== undefined));
      break;
    }
    passes++;
    const changes = applyPass(index, planned, tallies);
    for (const path of linter.affected(results.keys(), changes)) results.set(path, linter.lint(path));
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
