import type { OutlineRow, OutlineTable } from '../parse/outline';
import { span, type Span } from '../text/span';
import type { Cell, Heading, Row, Table } from './document';

/** The heading a table at `offset` stands under: the last one that starts before it. */
function headingBefore(headings: readonly Heading[], offset: number): Heading | undefined {
  let found: Heading | undefined;
  for (const h of headings) {
    if (h.span.start < offset) found = h;
    else break;
  }
  return found;
}

/** A row's cells with trimmed texts; an empty cell's span is empty, after its leading pipe. */
function rowOf(text: string, r: OutlineRow): Row {
  const cells: Cell[] = r.cells.map((cell) => {
    const cs = cell.span;
    let content: Span;
    if (cell.content) content = cell.content;
    else {
      const mid = cs.end > cs.start && text.charCodeAt(cs.start) === 124 /* | */ ? cs.start + 1 : cs.start;
      content = span(mid, mid);
    }
    return { text: cell.text.trim(), span: content, cellSpan: cs };
  });
  return { span: r.span, cells };
}

/** The page's tables: header, delimiter row, body rows, and the heading each stands under. */
export function tablesOf(text: string, outlineTables: readonly OutlineTable[], headings: readonly Heading[]): Table[] {
  return outlineTables.map((tb) => {
    const ts = tb.span;
    const head = tb.rows[0];
    const header = head ? rowOf(text, head) : { span: span(ts.start, ts.start), cells: [] };
    const delimStart = text.indexOf('\n', header.span.end) + 1;
    let delimEnd = text.indexOf('\n', delimStart);
    if (delimEnd < 0 || delimEnd > ts.end) delimEnd = ts.end;
    const heading = headingBefore(headings, ts.start);
    const delimiterSpan = span(delimStart, delimEnd);
    const rows = tb.rows.slice(1).map((r) => rowOf(text, r));
    return heading ? { span: ts, header, delimiterSpan, rows, heading } : { span: ts, header, delimiterSpan, rows };
  });
}
