import { settingsFor, type PlaybookConfig } from '../config/config';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { PlaybookDocument } from '../model/document';
import type { TocFile } from '../model/toc';
import { DetachedStrings } from '../text/detached';
import type { LineIndex } from '../text/lineIndex';
import { ruleDocsPath, type BaseContext, type PageContext, type Report, type Rule, type TocContext } from '../rules/rule';
import { t } from '../util/l10n';
import type { Diagnostic, Severity } from './diagnostic';
import { applyDirectives } from './directives';
import { findingOf, type FindingSource } from './finding';

/** A rule that runs on a file, with what the file's rule settings give it. */
interface EnabledRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly options: Readonly<Record<string, unknown>>;
  readonly docs: string;
}

/**
 * The enabled rules of a rule list for one target under one set of rule settings, kept per settings object:
 * every file governed by the same configuration files shares the object, so this is worked out once per
 * run, not per rule per file. Settings objects are never changed once made (a configuration change makes
 * new ones).
 */
const enabledBySettings = new WeakMap<PlaybookConfig['rules'], WeakMap<readonly Rule[], { page?: EnabledRule[]; toc?: EnabledRule[] }>>();

function enabledRules(rules: readonly Rule[], target: 'page' | 'toc', settings: PlaybookConfig['rules']): readonly EnabledRule[] {
  let byRules = enabledBySettings.get(settings);
  if (!byRules) enabledBySettings.set(settings, (byRules = new WeakMap()));
  let byTarget = byRules.get(rules);
  if (!byTarget) byRules.set(rules, (byTarget = {}));
  let out = byTarget[target];
  if (!out) {
    out = [];
    for (const rule of rules) {
      if (rule.target !== target) continue;
      const severity = settings[rule.id]?.severity ?? rule.defaultSeverity;
      if (severity === 'off') continue;
      out.push({ rule, severity, options: settings[rule.id]?.options ?? {}, docs: ruleDocsPath(rule.id) });
    }
    byTarget[target] = out;
  }
  return out;
}

function compare(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

function run(
  rules: readonly Rule[],
  target: 'page' | 'toc',
  path: string,
  lines: LineIndex,
  index: WorkspaceIndex,
  makeContext: (base: BaseContext) => unknown,
  strings: DetachedStrings,
): Diagnostic[] {
  // The workspace configuration with this file's rule settings (configuration files may differ per folder).
  const workspaceConfig = index.context.config;
  const fileRules = settingsFor(workspaceConfig, path).rules;
  const config: PlaybookConfig = fileRules === workspaceConfig.rules ? workspaceConfig : { ...workspaceConfig, rules: fileRules };
  const out: Diagnostic[] = [];
  const vocabulary = index.context.vocabulary;
  for (const { rule, severity, options, docs } of enabledRules(rules, target, config.rules)) {
    const source: FindingSource = { ruleId: rule.id, severity, docs, path, lines, index, strings };
    const report = (r: Report): void => {
      out.push(findingOf(r, source));
    };
    const base: BaseContext = { index, vocabulary, config, options, report };
    try {
      (rule.check as (ctx: unknown) => void)(makeContext(base));
    } catch (e) {
      out.push({
        ruleId: 'internal/rule-error', severity: 'error', path,
        message: t('Rule {0} failed on this file: {1}. Please report this as a bug.', rule.id, (e as Error)?.message ?? String(e)),
        span: { start: 0, end: 0 }, range: lines.rangeOf({ start: 0, end: 0 }), fixes: [], related: [], docs: ruleDocsPath('internal/rule-error'),
      });
    }
  }
  return out.sort(compare);
}

const UNREADABLE = new Set(['binary', 'too-large', 'unreadable']);

/** The rule that speaks for a file that could not be read; nothing else is said of such a file. */
const UNREADABLE_RULE = 'file/unreadable';

/**
 * Runs every enabled page rule over one page, with the page's configured rule settings, and drops what its
 * inline `playbook-lint-*` comments silence. A page configuration ignores gets nothing. Never throws.
 * `strings` shares equal strings between the findings of several calls (one lint run).
 */
export function lintDocument(doc: PlaybookDocument, index: WorkspaceIndex, rules: readonly Rule[], strings = new DetachedStrings()): Diagnostic[] {
  if (settingsFor(index.context.config, doc.path).ignored) return [];
  const vocab = index.context.vocabulary;
  const pack = vocab.pack(doc.locale) ?? vocab.pack(index.context.config.defaults.sourceLocale) ?? index.context.config.locales[0]!;
  const unreadable = doc.problems.some((p) => UNREADABLE.has(p.code));
  const applicable = unreadable ? rules.filter((r) => r.id === UNREADABLE_RULE) : rules;
  // The context is written out field by field: spreading `base` per rule per page was a measurable cost.
  const context = (b: BaseContext): PageContext => ({ index: b.index, vocabulary: b.vocabulary, config: b.config, options: b.options, report: b.report, doc, pack });
  return applyDirectives(doc, run(applicable, 'page', doc.path, doc.lines, index, context, strings));
}

/**
 * Runs every enabled toc rule over one `toc.yml` (nothing when configuration ignores it). Never throws.
 * `strings` as for {@link lintDocument}.
 */
export function lintToc(toc: TocFile, index: WorkspaceIndex, rules: readonly Rule[], strings = new DetachedStrings()): Diagnostic[] {
  if (settingsFor(index.context.config, toc.path).ignored) return [];
  const context = (b: BaseContext): TocContext => ({ index: b.index, vocabulary: b.vocabulary, config: b.config, options: b.options, report: b.report, toc });
  return run(rules, 'toc', toc.path, toc.lines, index, context, strings);
}

/** How a sweep over the workspace treats the index's model cache. */
export interface LintSweepOptions {
  /**
   * Let go of each page's cached model once the page is checked (a one-shot run such as the CLI's, which
   * asks for no model again): the cache then holds the models the sweep has yet to reach, not those behind it.
   */
  readonly releaseModels?: boolean;
}

/**
 * Lints every built page and every toc of an indexed workspace that configuration does not ignore, in path
 * order. `onProgress` is called after each file.
 */
export function lintWorkspace(
  index: WorkspaceIndex,
  rules: readonly Rule[],
  filter: (path: string) => boolean = () => true,
  onProgress?: (done: number, total: number) => void,
  options: LintSweepOptions = {},
): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const paths: Array<[string, () => Diagnostic[]]> = [];
  const config = index.context.config;
  const wanted = (path: string): boolean => filter(path) && !settingsFor(config, path).ignored;
  const strings = new DetachedStrings();
  // One model at a time: the index keeps a bounded number of them and rebuilds the others on demand.
  const lintPage = (p: string): Diagnostic[] => {
    const found = lintDocument(index.document(p, { sweep: true })!, index, rules, strings);
    if (options.releaseModels) index.releaseModel(p);
    return found;
  };
  for (const p of index.pagePaths()) if (index.isBuilt(p) && wanted(p)) paths.push([p, () => lintPage(p)]);
  for (const toc of index.tocs()) if (wanted(toc.path)) paths.push([toc.path, () => lintToc(toc, index, rules, strings)]);
  paths.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [p, lint] of paths) {
    out.set(p, lint());
    onProgress?.(out.size, paths.length);
  }
  return out;
}
