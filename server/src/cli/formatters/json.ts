import type { LintRun } from '../report';

/** Machine-readable output: every file with its findings (1-based lines and columns), and the summary. */
export function formatJson(run: LintRun): string {
  return JSON.stringify(
    {
      version: run.version,
      summary: run.summary,
      files: run.results.map((r) => ({
        path: r.displayPath,
        errorCount: r.diagnostics.filter((d) => d.severity === 'error').length,
        warningCount: r.diagnostics.filter((d) => d.severity === 'warning').length,
        diagnostics: r.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          severity: d.severity,
          message: d.message,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          docs: d.docs,
          fixes: d.fixes.map((f) => ({ title: f.title, safe: f.safe, edits: f.edits.map((e) => ({ start: e.span.start, end: e.span.end, newText: e.newText })) })),
          related: d.related.map((x) => ({ path: x.path, line: x.range.start.line + 1, column: x.range.start.character + 1, message: x.message })),
          ...(d.data ? { data: d.data } : {}),
        })),
      })),
    },
    null,
    2,
  ) + '\n';
}
