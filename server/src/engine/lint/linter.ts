import type { PlaybookConfig } from '../config/config';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { PlaybookDocument } from '../model/document';
import type { TocFile } from '../model/toc';
import type { LineIndex } from '../text/lineIndex';
import { ruleDocsPath, type BaseContext, type Report, type Rule } from '../rules/rule';
import { t } from '../util/l10n';
import type { Diagnostic, Severity } from './diagnostic';

function severityOf(rule: Rule, config: PlaybookConfig): Severity | 'off' {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
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
): Diagnostic[] {
  const config = index.context.config;
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (rule.target !== target) continue;
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    const report = (r: Report): void => {
      out.push({
        ruleId: rule.id,
        severity,
        message: r.message,
        path,
        span: r.span,
        range: lines.rangeOf(r.span),
        fixes: r.fixes ?? [],
        related: (r.related ?? []).map((rel) => {
          const relLines = rel.path === path ? lines : index.document(rel.path)?.lines ?? index.toc(rel.path)?.lines ?? lines;
          return { ...rel, range: relLines.rangeOf(rel.span) };
        }),
        docs: ruleDocsPath(rule.id),
        ...(r.data ? { data: r.data } : {}),
      });
    };
    const base: BaseContext = { index, vocabulary: index.context.vocabulary, config, options: config.rules[rule.id]?.options ?? {}, report };
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

/** Runs every enabled page rule over one page. Never throws. */
export function lintDocument(doc: PlaybookDocument, index: WorkspaceIndex, rules: readonly Rule[]): Diagnostic[] {
  const vocab = index.context.vocabulary;
  const pack = vocab.pack(doc.locale) ?? vocab.pack(index.context.config.defaults.sourceLocale) ?? index.context.config.locales[0]!;
  const unreadable = doc.problems.some((p) => UNREADABLE.has(p.code));
  const applicable = unreadable ? rules.filter((r) => r.id === UNREADABLE_RULE) : rules;
  return run(applicable, 'page', doc.path, doc.lines, index, (base) => ({ ...base, doc, pack }));
}

/** Runs every enabled toc rule over one `toc.yml`. Never throws. */
export function lintToc(toc: TocFile, index: WorkspaceIndex, rules: readonly Rule[]): Diagnostic[] {
  return run(rules, 'toc', toc.path, toc.lines, index, (base) => ({ ...base, toc }));
}

/** Lints every built page and every toc of an indexed workspace, in path order. */
export function lintWorkspace(index: WorkspaceIndex, rules: readonly Rule[], filter: (path: string) => boolean = () => true): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const paths: Array<[string, () => Diagnostic[]]> = [];
  for (const doc of index.documents()) if (index.isBuilt(doc.path) && filter(doc.path)) paths.push([doc.path, () => lintDocument(doc, index, rules)]);
  for (const toc of index.tocs()) if (filter(toc.path)) paths.push([toc.path, () => lintToc(toc, index, rules)]);
  paths.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [p, lint] of paths) out.set(p, lint());
  return out;
}
