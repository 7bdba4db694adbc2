/**
 * The edit behind "disable this rule for this line": an inline `playbook-lint-*` comment placed where
 * Markdown keeps it a comment and the page still renders and parses the same.
 *
 * - A line of the page's body: `<!-- playbook-lint-disable-next-line rule -->` on a line of its own above it,
 *   with the line's indentation and blockquote markers (or the rule added to such a comment already there).
 * - A line of a table: a comment line between rows would end the table, so the rule is disabled for the
 *   table (`disable` above it, `enable` after it).
 * - A line of the front matter (or the first line of a page without one): a comment cannot go there, so
 *   the rule is disabled for the file (`disable-file` after the front matter, or at the top).
 */
import type { Fix, TextEdit } from '../lint/diagnostic';
import type { PlaybookDocument } from '../model/document';
import { span } from '../text/span';
import { t } from '../util/l10n';

function lineText(doc: PlaybookDocument, line: number): { start: number; end: number; text: string } {
  const start = doc.lines.lineStart(line);
  const next = line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length;
  let end = next;
  while (end > start && (doc.text[end - 1] === '\n' || doc.text[end - 1] === '\r')) end--;
  return { start, end, text: doc.text.slice(start, end) };
}

const comment = (keyword: string, ruleId: string): string => `<!-- playbook-lint-${keyword} ${ruleId} -->`;

/** An existing whole-line directive comment of `keyword` on `line`: an edit adding `ruleId` to it. */
function extend(doc: PlaybookDocument, line: number, keyword: string, ruleId: string): TextEdit | undefined {
  if (line < 0 || line >= doc.lines.lineCount) return undefined;
  const l = lineText(doc, line);
  const m = new RegExp(`^([ \\t>]*<!--\\s*playbook-lint-${keyword}\\b)([^>]*?)(\\s*-->)\\s*$`).exec(l.text);
  if (!m || m[2]!.includes('--')) return undefined;
  const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
  if (ids.includes(ruleId)) return undefined;
  const at = l.start + m[1]!.length + m[2]!.length;
  return { span: span(at, at), newText: ` ${ruleId}` };
}

function fileFix(doc: PlaybookDocument, ruleId: string): Fix {
  const title = t('Disable {0} for this file', ruleId);
  const fm = doc.frontMatter;
  if (fm) {
    const fmEndLine = doc.lines.positionAt(fm.span.end).line;
    const existing = extend(doc, fmEndLine + 1, 'disable-file', ruleId);
    if (existing) return { title, edits: [existing], safe: false };
    const after = lineText(doc, fmEndLine);
    const hasNext = fmEndLine + 1 < doc.lines.lineCount;
    const at = hasNext ? doc.lines.lineStart(fmEndLine + 1) : after.end;
    return { title, edits: [{ span: span(at, at), newText: hasNext ? comment('disable-file', ruleId) + doc.eol : doc.eol + comment('disable-file', ruleId) + doc.eol }], safe: false };
  }
  const existing = extend(doc, 0, 'disable-file', ruleId);
  if (existing) return { title, edits: [existing], safe: false };
  const at = doc.hasBom ? 1 : 0;
  return { title, edits: [{ span: span(at, at), newText: comment('disable-file', ruleId) + doc.eol }], safe: false };
}

/**
 * The fix that silences `ruleId` for the finding on zero-based `line` of a page with an inline comment.
 * Never safe: `--fix` does not apply it; an editor offers it as a quick fix.
 */
export function disableRuleFix(doc: PlaybookDocument, ruleId: string, line: number): Fix {
  const fm = doc.frontMatter;
  if (fm && line <= doc.lines.positionAt(fm.span.end).line) return fileFix(doc, ruleId);
  if (!fm && line === 0) return fileFix(doc, ruleId);
  const offset = doc.lines.lineStart(line);
  const table = doc.tables.find((tb) => offset >= doc.lines.lineStart(doc.lines.positionAt(tb.span.start).line) && offset < tb.span.end);
  if (table) {
    const first = doc.lines.positionAt(table.span.start).line;
    const last = doc.lines.positionAt(table.span.end).line;
    const indent = /^[ \t>]*/.exec(lineText(doc, first).text)![0];
    const lastLine = lineText(doc, last);
    const hasNext = last + 1 < doc.lines.lineCount;
    const before = extend(doc, first - 1, 'disable', ruleId) ?? { span: span(doc.lines.lineStart(first), doc.lines.lineStart(first)), newText: indent + comment('disable', ruleId) + doc.eol };
    // A blank line first: a comment line right after the last row would become a row.
    const quote = indent.includes('>') ? indent.replace(/\s+$/, '') : '';
    const after: TextEdit = hasNext
      ? { span: span(doc.lines.lineStart(last + 1), doc.lines.lineStart(last + 1)), newText: quote + doc.eol + indent + comment('enable', ruleId) + doc.eol }
      : { span: span(lastLine.end, lastLine.end), newText: doc.eol + quote + doc.eol + indent + comment('enable', ruleId) + doc.eol };
    return { title: t('Disable {0} for this table', ruleId), edits: [before, after], safe: false };
  }
  const title = t('Disable {0} for this line', ruleId);
  const existing = extend(doc, line - 1, 'disable-next-line', ruleId);
  if (existing) return { title, edits: [existing], safe: false };
  const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(lineText(doc, line).text)![0];
  return { title, edits: [{ span: span(offset, offset), newText: prefix + comment('disable-next-line', ruleId) + doc.eol }], safe: false };
}
