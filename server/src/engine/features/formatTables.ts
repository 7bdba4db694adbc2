/**
 * Table formatting: pads the cells of each table so the pipes line up, with East Asian wide
 * characters counted as two columns, and sizes the delimiter row's dashes to the columns (alignment
 * colons kept). Only whitespace and delimiter dashes change: a row whose rewrite would differ in
 * anything else (a table inside a block quote, markup the model does not cover) leaves its whole
 * table untouched. Rows are edited one by one, and only when they change; formatting twice equals
 * formatting once.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { PlaybookDocument, Table } from '../model/document';
import { span, type Range, type Span } from '../text/span';
import { stringWidth } from '../util/stringWidth';
import { lineAt, splitRow } from './shared';
import type { TextEdit } from './types';

/** A row as it will be written. */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lead: boolean;
  readonly trail: boolean;
  readonly cells: readonly string[];
}

/** Whether a row line ends with an unescaped pipe that is not its leading one. */
function endsWithPipe(trimmed: string, lead: boolean): boolean {
  if (!trimmed.endsWith('|') || (lead && trimmed === '|')) return false;
  let backslashes = 0;
  for (let i = trimmed.length - 2; i >= 0 && trimmed[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** The replacements that align one table's columns; undefined when the table cannot be formatted safely. */
export function formatTable(doc: PlaybookDocument, table: Table): Array<{ span: Span; newText: string }> | undefined {
  const rowLine = (rowStart: number, cells: readonly string[]): Line | undefined => {
    const line = lineAt(doc.text, doc.lines, rowStart);
    if (line.text.slice(0, rowStart - line.start).trim() !== '') return undefined;
    const trimmed = line.text.trim();
    const lead = trimmed.startsWith('|');
    return { ...line, lead, trail: endsWithPipe(trimmed, lead), cells };
  };
  const body: Line[] = [];
  for (const row of [table.header, ...table.rows]) {
    const l = rowLine(row.span.start, row.cells.map((c) => doc.text.slice(c.span.start, c.span.end)));
    if (!l) return undefined;
    body.push(l);
  }
  const delimLine = lineAt(doc.text, doc.lines, table.delimiterSpan.start);
  const split = splitRow(delimLine.text);
  const delimCells = split.cells.map(([a, b]) => delimLine.text.slice(a, b).trim());
  if (split.lead || endsWithPipe(delimLine.text.trim(), split.lead)) {
    if (delimCells.length > 0 && delimCells[delimCells.length - 1] === '') delimCells.pop();
  }
  const delim = rowLine(table.delimiterSpan.start, delimCells);
  if (!delim || delimCells.some((c) => !/^:?-+:?$/.test(c))) return undefined;

  const widths: number[] = [];
  for (const l of body) l.cells.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 3, stringWidth(c))));
  delimCells.forEach((_, i) => (widths[i] = Math.max(widths[i] ?? 3, 3)));
  const anyLead = [delim, ...body].some((l) => l.lead);
  // The table's indentation: before the first leading pipe (rows without one are written two columns further in).
  const indent = /^\s*/.exec(([delim, ...body].find((l) => l.lead) ?? body[0]!).text)![0];
  // Pushing a row without its leading pipe further in could turn an indented table into a code block: leave such tables.
  if (anyLead && indent !== '' && [delim, ...body].some((l) => !l.lead)) return undefined;
  const write = (l: Line, cells: readonly string[]): string => {
    let s = indent + (l.lead ? '| ' : anyLead ? '  ' : '');
    s += cells.map((c, i) => c + ' '.repeat(Math.max(0, widths[i]! - stringWidth(c)))).join(' | ');
    return l.trail ? s + ' |' : s.trimEnd();
  };
  const dashes = delimCells.map((c, i) => {
    const w = widths[i]!;
    const left = c.startsWith(':');
    const right = c.endsWith(':');
    return (left ? ':' : '') + '-'.repeat(w - (left ? 1 : 0) - (right ? 1 : 0)) + (right ? ':' : '');
  });
  const strip = (s: string): string => s.replace(/\s+/g, '');
  const edits: Array<{ span: Span; newText: string }> = [];
  const emit = (l: Line, text: string, same: (a: string, b: string) => boolean): boolean => {
    if (!same(text, l.text)) return false;
    if (text !== l.text) edits.push({ span: span(l.start, l.end), newText: text });
    return true;
  };
  const sameText = (a: string, b: string): boolean => strip(a) === strip(b);
  const sameDelimiter = (a: string, b: string): boolean => strip(a).replace(/-+/g, '-') === strip(b).replace(/-+/g, '-');
  if (!emit(body[0]!, write(body[0]!, body[0]!.cells), sameText)) return undefined;
  if (!emit(delim, write(delim, dashes), sameDelimiter)) return undefined;
  for (const l of body.slice(1)) if (!emit(l, write(l, l.cells), sameText)) return undefined;
  return edits;
}

/** Edits aligning every table of a page (only those touching `range` when given), in document order. */
export function provideTableFormatting(index: WorkspaceIndex, path: string, range?: Range): TextEdit[] {
  const doc = index.document(path);
  if (!doc) return [];
  const limit = range ? span(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end)) : undefined;
  const out: TextEdit[] = [];
  for (const table of doc.tables) {
    if (limit && (table.span.end < limit.start || table.span.start > limit.end)) continue;
    for (const e of formatTable(doc, table) ?? []) out.push({ ...e, range: doc.lines.rangeOf(e.span) });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
