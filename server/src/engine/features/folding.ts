/**
 * Folding ranges of a page: the front matter, each heading's section (up to its last non-blank line),
 * tables, block quotes and alerts, code blocks, and HTML comments that span lines. Lines are
 * zero-based; a range folds the lines after `startLine` up to `endLine`.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { PlaybookDocument } from '../model/document';
import type { Span } from '../text/span';

/** What a folding range holds; the host maps `comment` and `frontMatter` to its own kinds. */
export type FoldingKind = 'frontMatter' | 'section' | 'table' | 'blockquote' | 'code' | 'comment';

/** One foldable region. */
export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: FoldingKind;
}

/** The folding ranges of a page, by start line (outer ranges first). */
export function provideFoldingRanges(index: WorkspaceIndex, path: string): FoldingRange[] {
  const doc = index.document(path);
  if (!doc) return [];
  const out: FoldingRange[] = [];
  const add = (s: Span, kind: FoldingKind): void => {
    const startLine = doc.lines.positionAt(s.start).line;
    const endLine = lastContentLine(doc, s);
    if (endLine > startLine) out.push({ startLine, endLine, kind });
  };
  if (doc.frontMatter) add(doc.frontMatter.span, 'frontMatter');
  for (const section of doc.sections) add(section.span, 'section');
  for (const table of doc.tables) add(table.span, 'table');
  for (const quote of doc.blockquotes) add(quote, 'blockquote');
  for (const code of doc.codeBlocks) add(code, 'code');
  for (const comment of doc.comments) add(comment.span, 'comment');
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine || (a.kind < b.kind ? -1 : 1));
  return out.filter((r, i) => i === 0 || r.startLine !== out[i - 1]!.startLine || r.endLine !== out[i - 1]!.endLine);
}

/** The last line of a span that holds more than whitespace. */
function lastContentLine(doc: PlaybookDocument, s: Span): number {
  let end = s.end;
  while (end > s.start && /\s/.test(doc.text[end - 1]!)) end--;
  return doc.lines.positionAt(end).line;
}
