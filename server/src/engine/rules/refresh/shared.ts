/**
 * Helpers shared by the refresh-summary rules: the dated rows of a page's summary table, line
 * spans of rows (for fixes that move or delete whole rows), and wording of dates in messages.
 */
import type { CalendarDate, DateMatch } from '../../dates/dateFormat';
import type { Cell, PlaybookDocument, RefreshRow, RefreshSummary, Table } from '../../model/document';
import { span, type Span } from '../../text/span';
import { t } from '../../util/l10n';

/** A refresh-summary row with its date cell and, when real, its calendar date. */
export interface DatedRow {
  readonly row: RefreshRow;
  /** The date cell of the row. */
  readonly cell: Cell;
  /** The model's parse of the cell (undefined when no accepted format's shape matches). */
  readonly match?: DateMatch;
  /** The calendar date, when the cell holds a real date. */
  readonly date?: CalendarDate;
}

/** The summary's table when its header names a date column; date rules check nothing else. */
export function datedTable(doc: PlaybookDocument): { summary: RefreshSummary; table: Table; dateColumn: number } | undefined {
  const summary = doc.refresh;
  if (!summary?.table || summary.columns.date === undefined) return undefined;
  return { summary, table: summary.table, dateColumn: summary.columns.date };
}

/** The rows of the summary table with their date cells (rows too short to have one are left out). */
export function datedRows(doc: PlaybookDocument): DatedRow[] {
  const found = datedTable(doc);
  if (!found) return [];
  const out: DatedRow[] = [];
  for (const row of found.summary.rows) {
    const cell = row.cells[found.dateColumn];
    if (!cell) continue;
    out.push({ row, cell, ...(row.date ? { match: row.date } : {}), ...(row.date?.date ? { date: row.date.date } : {}) });
  }
  return out;
}

/** The line a span starts on: `content` without its end-of-line characters, `full` with them. */
export function lineAt(doc: PlaybookDocument, offset: number): { content: Span; full: Span } {
  return doc.lines.lineAt(offset);
}

/** 1-based line number of an offset, for messages. */
export function lineNumber(doc: PlaybookDocument, offset: number): number {
  return doc.lines.lineNumber(offset);
}

/** `` `M/D/YYYY`, `D.M.YYYY` `` — a list of formats for a message. */
export function formatList(formats: readonly string[]): string {
  return formats.map((f) => `\`${f}\``).join(', ');
}

/** The English name of a month (1-12), through the message catalogue so hosts can translate it. */
export function monthName(month: number): string {
  const names = [
    t('January'), t('February'), t('March'), t('April'), t('May'), t('June'),
    t('July'), t('August'), t('September'), t('October'), t('November'), t('December'),
  ];
  return names[month - 1] ?? String(month);
}

/** Writes a calendar date unambiguously for messages, e.g. `15 March 2020`. */
export function describeDate(d: CalendarDate): string {
  return t('{0} {1} {2}', d.day, monthName(d.month), d.year);
}

/** The number of days from `a` to `b`: positive when `b` is later. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
}

/**
 * Where to report a cell: its content, or for an empty cell the blank between its pipes (so the
 * squiggle is visible and covers neither pipe).
 */
export function cellTarget(doc: PlaybookDocument, cell: Cell): Span {
  if (cell.text || cell.span.end > cell.span.start) return cell.span;
  let start = cell.cellSpan.start;
  let end = cell.cellSpan.end;
  if (doc.text[start] === '|') start++;
  if (end > start && doc.text[end - 1] === '|') end--;
  return span(start, end);
}
