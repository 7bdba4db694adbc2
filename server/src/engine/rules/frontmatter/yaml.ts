import type { YAMLError } from 'yaml';
import { yamlLibrary } from '../../util/lazyLibraries';
import type { Fix } from '../../lint/diagnostic';
import type { FrontMatter, PlaybookDocument } from '../../model/document';
import { span, type Span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageRule, Report } from '../rule';

/** The content of the line an offset is on (without end of line), and the full line. */
function lineOf(doc: PlaybookDocument, offset: number): { content: Span; line: number } {
  const { line, content } = doc.lines.lineAt(offset);
  let end = content.end;
  while (end > content.start && /[ \t]/.test(doc.text[end - 1]!)) end--;
  return { content: span(content.start, end), line };
}

/**
 * The span a YAML error is shown on: from its position to the end of its line; when it points past
 * the line's text (a quote never closed), the last non-blank line before it.
 */
function errorSpan(doc: PlaybookDocument, fm: FrontMatter, err: YAMLError): Span {
  const { start: first, end: last } = fm.contentSpan;
  const pos = Math.max(first, Math.min(first + err.pos[0], last - 1));
  let { content } = lineOf(doc, pos);
  if (pos < content.end) return span(Math.max(pos, content.start), content.end);
  while (content.start === content.end && content.start > first) ({ content } = lineOf(doc, content.start - 1));
  return content;
}

/** The `key: value` line with its value in single quotes, when that makes a clean YAML line with the same value. */
function quotedLine(doc: PlaybookDocument, lineSpan: Span): string | undefined {
  const text = doc.text.slice(lineSpan.start, lineSpan.end);
  const colon = text.indexOf(': ');
  if (colon <= 0) return undefined;
  const key = text.slice(0, colon);
  const value = text.slice(colon + 2).trim();
  if (!value || /^['"]/.test(value) || key.trim() !== key.trimEnd() || /^\s/.test(key)) return undefined;
  const candidate = `${key}: '${value.replace(/'/g, "''")}'`;
  const { isMap, parseDocument } = yamlLibrary();
  const parsed = parseDocument(candidate);
  if (parsed.errors.length || !isMap(parsed.contents) || parsed.contents.items.length !== 1) return undefined;
  return (parsed.toJSON() as Record<string, unknown>)[key] === value ? candidate : undefined;
}

/** What an author should do about a YAML error, by the parser's error code. */
function hint(code: string, lineText: string, at: string): string {
  const value = lineText.slice(lineText.indexOf(':') + 1);
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return value.includes(': ')
        ? t('the value contains `: `, which YAML reads as the start of another key: put the value in quotes')
        : t('a line below it is indented: every `key: value` line must start at the beginning of the line');
    case 'BAD_SCALAR_START':
      return t('a value cannot start with `{0}` unless it is put in quotes', at);
    case 'MISSING_CHAR':
      return t('a quote or bracket is opened but never closed');
    case 'TAB_AS_INDENT':
      return t('YAML does not allow tabs here: use spaces');
    case 'MULTILINE_IMPLICIT_KEY':
      return t('this line is not a `key: value` pair: write the key, a colon and a space, then the value, on one line');
    default:
      return t('every line must be a `key: value` pair');
  }
}

function reportErrors(doc: PlaybookDocument, fm: FrontMatter, report: (r: Report) => void): void {
  const lines = new Set<number>();
  for (const err of fm.yaml?.errors ?? []) {
    const s = errorSpan(doc, fm, err);
    const { content, line } = lineOf(doc, s.start);
    if (lines.has(line)) continue;
    lines.add(line);
    const lineText = doc.text.slice(content.start, content.end);
    const quoted = err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'BAD_SCALAR_START' ? quotedLine(doc, content) : undefined;
    const fixes: Fix[] = quoted ? [{ title: t('Put the value in quotes'), edits: [{ span: content, newText: quoted }], safe: true }] : [];
    report({
      span: s,
      message: t('The front matter is not valid YAML: {0} ({1}).', hint(err.code, lineText, doc.text[s.start] ?? ''), err.message.split('\n')[0]!.replace(/\.$/, '')),
      fixes,
    });
  }
}

/** Front matter is valid YAML and a map of `key: value` lines. */
export const yaml: PageRule = {
  id: 'frontmatter/yaml',
  target: 'page',
  description: t('Front matter is valid YAML made of `key: value` lines.'),
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm) return;
    if (fm.yaml) reportErrors(doc, fm, report);
    else for (const p of doc.problems) if (p.code === 'frontmatter-yaml') report({ span: p.span, message: p.message });
    if (doc.problems.some((p) => p.code === 'frontmatter-not-map')) {
      let first = lineOf(doc, fm.contentSpan.start).content;
      for (let l = lineOf(doc, fm.contentSpan.start).line; first.start === first.end && doc.lines.lineStart(l + 1) < fm.contentSpan.end; l++) {
        first = lineOf(doc, doc.lines.lineStart(l + 1)).content;
      }
      const what = yamlLibrary().isSeq(fm.yaml?.contents) ? t('a list') : t('plain text');
      report({ span: first, message: t('The front matter must be `key: value` lines, but YAML reads it as {0}.', what) });
    }
  },
};
