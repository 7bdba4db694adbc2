import type { FileResult, LintRun } from '../report';

/** One file of the report, as JSON consumers read it (1-based lines and columns). */
function fileEntry(r: FileResult): object {
  return {
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
  };
}

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep (JSON text has no raw line breaks in strings). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
}

/**
 * Machine-readable output, piece by piece: the same text as `JSON.stringify({ version, summary, files },
 * null, 2)` and a line break, but one file at a time, so a large report is never held whole (on a
 * 15,000-page tree it is about 45 MB, and its object form as much again).
 */
export function* formatJsonChunks(run: LintRun): Generator<string> {
  yield `{\n  "version": ${JSON.stringify(run.version)},\n  "summary": ${nested(run.summary, 1)},\n  "files": `;
  if (run.results.length === 0) {
    yield '[]\n}\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < run.results.length; i++) yield `    ${nested(fileEntry(run.results[i]!), 2)}${i + 1 < run.results.length ? ',' : ''}\n`;
  yield '  ]\n}\n';
}

/** Machine-readable output: every file with its findings (1-based lines and columns), and the summary. */
export function formatJson(run: LintRun): string {
  return [...formatJsonChunks(run)].join('');
}
