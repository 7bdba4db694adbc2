import type { TaskColumn } from '../config/localePack';
import type { Vocabulary } from '../config/vocabulary';
import { contains } from '../text/span';
import { cellsByColumn, headerColumns } from './columns';
import type { Step, Table, TaskRow, TaskTable } from './document';

/** A letter in parentheses in the header of the mandatory / optional column: its legend, `M/O (M) (O)`. */
const LEGEND_LETTER = /\(\s*(\p{L})\s*\)/gu;

/**
 * The FTOP task tables among a page's tables: those under the tasks heading, or with an ID column and at
 * least three known columns. Each is added to the step (H3 section) it stands in.
 */
export function taskTablesOf(tables: readonly Table[], steps: readonly Step[], locale: string, v: Vocabulary): TaskTable[] {
  const taskTables: TaskTable[] = [];
  for (const table of tables) {
    const { at, columns, unknown } = headerColumns<TaskColumn>(table.header.cells, (text) => v.taskColumn(text, locale));
    const underTasks = table.heading?.canonical === 'ftopTasks';
    if (!(underTasks || (at.has('id') && at.size >= 3))) continue;
    const pack = v.pack(locale);
    const mandatory = at.get('mandatory');
    const moHeader = mandatory !== undefined ? table.header.cells[mandatory]!.text : '';
    const letters = moHeader.includes('(') ? [...moHeader.matchAll(LEGEND_LETTER)].map((m) => m[1]!) : [];
    const legend = letters.length >= 2
      ? { mandatory: letters[0]!, optional: letters[1]!, fromHeader: true }
      : { mandatory: pack?.mandatoryLetters.mandatory ?? 'M', optional: pack?.mandatoryLetters.optional ?? 'O', fromHeader: false };
    const rows: TaskRow[] = table.rows.map((r) => ({ span: r.span, cells: r.cells, byColumn: cellsByColumn(r.cells, at) }));
    const step = steps.find((s) => contains(s.section.span, table.span));
    const tt: TaskTable = step
      ? { table, columns, unknownHeaderCells: unknown, legend, rows, step }
      : { table, columns, unknownHeaderCells: unknown, legend, rows };
    step?.taskTables.push(tt);
    taskTables.push(tt);
  }
  return taskTables;
}
