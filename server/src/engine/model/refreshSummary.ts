import type { RefreshColumn } from '../config/localePack';
import type { Vocabulary } from '../config/vocabulary';
import { parseDate } from '../dates/dateFormat';
import { contains } from '../text/span';
import { cellsByColumn, headerColumns } from './columns';
import type { RefreshRow, RefreshSummary, Section, Table } from './document';

/** The page's refresh (or content) summary: its last such section, the table in it, each row's date parsed. */
export function refreshSummaryOf(sections: readonly Section[], tables: readonly Table[], locale: string, v: Vocabulary): RefreshSummary | undefined {
  let summary: Section | undefined;
  for (let i = sections.length - 1; i >= 0 && !summary; i--) {
    const canonical = sections[i]!.heading.canonical;
    if (canonical === 'refreshSummary' || canonical === 'contentSummary') summary = sections[i];
  }
  if (!summary) return undefined;
  const within = summary.span;
  const table = tables.find((tb) => contains(within, tb.span));
  const { at, columns } = headerColumns<RefreshColumn>(table?.header.cells ?? [], (text) => v.refreshColumn(text, locale));
  const formats = v.pack(locale)?.dateFormats ?? [];
  const dateCol = at.get('date') ?? 0;
  const rows: RefreshRow[] = (table?.rows ?? []).map((r) => {
    const byColumn = cellsByColumn(r.cells, at);
    const dateCell = r.cells[dateCol];
    const date = dateCell && dateCell.text ? parseDate(dateCell.text, formats) : undefined;
    return date ? { span: r.span, cells: r.cells, byColumn, date } : { span: r.span, cells: r.cells, byColumn };
  });
  return table ? { section: summary, table, columns, rows } : { section: summary, columns, rows };
}
